package org.divergence.exchange.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.divergence.core.common.InvalidInputException;

/**
 * API tokens a user entered in the app, kept in the user's config folder ({@code tokens/}), readable by the owner
 * only (POSIX 600 in a 700 folder; an owner-only ACL elsewhere); never in a project file. One token per platform
 * and API host, so a GitHub Enterprise token is never sent to github.com.
 */
public final class TokenStore {

    private static final Logger LOG = Logger.getLogger(TokenStore.class.getName());

    private final Path folder;

    public TokenStore(Path configFolder) {
        this.folder = configFolder.resolve("tokens");
    }

    /** Where a token comes from, for the user to see (never the token itself). */
    public enum Source { ENVIRONMENT, SAVED, ENTERED, NONE }

    /** A token with where it came from. */
    public record Resolved(Optional<ApiToken> token, Source source, String origin) {
        public String describe() {
            return switch (source) {
                case ENVIRONMENT -> "the token from " + origin;
                case SAVED -> "your saved token";
                case ENTERED -> "the token entered";
                case NONE -> "no token";
            };
        }
    }

    /**
     * The token to use: from the environment variable when it is set, else the saved one for this API, else none.
     */
    public Resolved resolve(ApiPlatform platform, String apiUrl, String variable, Map<String, String> environment) {
        String name = variable == null || variable.isBlank() ? platform.tokenVariable() : variable.strip();
        Optional<ApiToken> fromEnvironment = ApiToken.of(environment.get(name), "the environment variable " + name);
        if (fromEnvironment.isPresent()) {
            return new Resolved(fromEnvironment, Source.ENVIRONMENT, name);
        }
        Optional<ApiToken> saved = load(platform, apiUrl);
        if (saved.isPresent()) {
            return new Resolved(saved, Source.SAVED, file(platform, apiUrl).toString());
        }
        return new Resolved(Optional.empty(), Source.NONE, null);
    }

    public Optional<ApiToken> load(ApiPlatform platform, String apiUrl) {
        Path file = file(platform, apiUrl);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            OwnerOnlyFiles.restrict(file, OwnerOnlyFiles.FILE);
            return ApiToken.of(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            LOG.warning("Cannot read the saved " + platform.displayName() + " token in " + file + ": "
                    + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    public boolean has(ApiPlatform platform, String apiUrl) {
        return Files.isRegularFile(file(platform, apiUrl));
    }

    public void save(ApiPlatform platform, String apiUrl, ApiToken token) {
        Path file = file(platform, apiUrl);
        try {
            OwnerOnlyFiles.createFolder(folder);
            OwnerOnlyFiles.write(file, token.value().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidInputException("cannot save the token in " + folder + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    public void forget(ApiPlatform platform, String apiUrl) {
        try {
            Files.deleteIfExists(file(platform, apiUrl));
        } catch (IOException e) {
            throw new InvalidInputException("cannot delete the saved token in " + folder + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    Path file(ApiPlatform platform, String apiUrl) {
        String host = ApiEndpoint.parse(apiUrl).host().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "_");
        return folder.resolve(platform.platform().code() + "@" + host + ".token");
    }
}
