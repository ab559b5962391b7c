package org.divergence.store.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.divergence.core.AppInfo;

/**
 * Where the app keeps user data (the default project, backups), settings (recent projects, tokens) and caches
 * (HTTP responses), following each desktop OS's convention. The system property {@code divergence.home} puts
 * all three under one folder: tests and portable installs use it.
 */
public record AppDirectories(Path data, Path config, Path cache) {

    public static final String HOME_PROPERTY = "divergence.home";

    public static AppDirectories forCurrentUser() {
        return resolve(System.getProperties().getProperty(HOME_PROPERTY), System.getenv(),
                System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /** Resolves the folders from explicit inputs, so every OS's rule can be tested on any OS. */
    public static AppDirectories resolve(String homeOverride, Map<String, String> env, String osName, Path userHome) {
        if (homeOverride != null && !homeOverride.isBlank()) {
            Path home = Path.of(homeOverride);
            return new AppDirectories(home.resolve("data"), home.resolve("config"), home.resolve("cache"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path roaming = pathOr(env.get("APPDATA"), userHome.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), userHome.resolve("AppData").resolve("Local"));
            Path app = roaming.resolve(AppInfo.NAME);
            return new AppDirectories(app, app, local.resolve(AppInfo.NAME).resolve("Cache"));
        }
        if (os.contains("mac")) {
            Path support = userHome.resolve("Library").resolve("Application Support").resolve(AppInfo.NAME);
            return new AppDirectories(support, support,
                    userHome.resolve("Library").resolve("Caches").resolve(AppInfo.NAME));
        }
        return new AppDirectories(
                pathOr(env.get("XDG_DATA_HOME"), userHome.resolve(".local").resolve("share")).resolve(AppInfo.ID),
                pathOr(env.get("XDG_CONFIG_HOME"), userHome.resolve(".config")).resolve(AppInfo.ID),
                pathOr(env.get("XDG_CACHE_HOME"), userHome.resolve(".cache")).resolve(AppInfo.ID));
    }

    /** XDG says a relative value must be ignored. */
    private static Path pathOr(String value, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? path : fallback;
    }

    public Path backups() {
        return data.resolve("backups");
    }
}
