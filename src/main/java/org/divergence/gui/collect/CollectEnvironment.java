package org.divergence.gui.collect;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.divergence.core.collect.ApiClock;
import org.divergence.store.settings.AppDirectories;

/**
 * What a collection needs from outside the project: the user's folders (HTTP cache, saved tokens), the environment
 * (GITHUB_TOKEN, HF_TOKEN, HF_ENDPOINT) and time. Tests pass their own.
 */
public record CollectEnvironment(Path cacheFolder, Path configFolder, Map<String, String> variables, ApiClock clock,
                                 RandomGenerator random) {

    public static CollectEnvironment of(AppDirectories directories) {
        return new CollectEnvironment(directories.cache().resolve("http"), directories.config(), System.getenv(),
                ApiClock.SYSTEM, new Random());
    }
}
