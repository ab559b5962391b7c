package org.divergence.store.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's documents folder, where a save dialog opens when nothing better is known: on Linux the XDG user
 * directory {@code XDG_DOCUMENTS_DIR} (from {@code user-dirs.dirs}, which names it in the user's language), else
 * {@code ~/Documents} where it exists, else the home folder.
 */
public final class DocumentsFolder {

    private static final Pattern XDG_DOCUMENTS = Pattern.compile("^\\s*XDG_DOCUMENTS_DIR\\s*=\\s*\"([^\"]*)\"",
            Pattern.MULTILINE);
    /** user-dirs.dirs is a few lines; anything bigger is not it. */
    private static final long MAX_USER_DIRS_BYTES = 64 * 1024;

    private DocumentsFolder() {
    }

    public static Path forCurrentUser() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /** Resolves the folder from explicit inputs, so each OS's rule can be tested on any OS. */
    public static Path resolve(Map<String, String> env, String osName, Path userHome) {
        if (!osName.toLowerCase(Locale.ROOT).contains("win") && !osName.toLowerCase(Locale.ROOT).contains("mac")) {
            Optional<Path> xdg = xdgDocuments(env, userHome);
            if (xdg.isPresent() && Files.isDirectory(xdg.get())) {
                return xdg.get();
            }
        }
        Path documents = userHome.resolve("Documents");
        return Files.isDirectory(documents) ? documents : userHome;
    }

    private static Optional<Path> xdgDocuments(Map<String, String> env, Path userHome) {
        String configHome = env.get("XDG_CONFIG_HOME");
        Path config = configHome == null || configHome.isBlank() || !Path.of(configHome).isAbsolute()
                ? userHome.resolve(".config") : Path.of(configHome);
        Path userDirs = config.resolve("user-dirs.dirs");
        try {
            if (!Files.isRegularFile(userDirs) || Files.size(userDirs) > MAX_USER_DIRS_BYTES) {
                return Optional.empty();
            }
            Matcher matcher = XDG_DOCUMENTS.matcher(Files.readString(userDirs));
            if (!matcher.find()) {
                return Optional.empty();
            }
            String value = matcher.group(1).replace("$HOME", userHome.toString());
            Path path = Path.of(value);
            // "$HOME/" alone means the user turned the folder off.
            return path.isAbsolute() && !path.equals(userHome) ? Optional.of(path) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
