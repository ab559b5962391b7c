package org.divergence.store.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Reads and writes {@code settings.json} in the config folder; a damaged file falls back to defaults. */
public final class SettingsStore {

    private static final Logger LOG = Logger.getLogger(SettingsStore.class.getName());

    private final Path file;

    public SettingsStore(Path configFolder) {
        this.file = configFolder.resolve("settings.json");
    }

    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return new Settings();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return SettingsJson.read(in);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Ignoring unreadable settings " + file + ": " + e.getMessage());
            return new Settings();
        }
    }

    /** Writes to a temporary file and moves it into place, so a crash never leaves half a settings file. */
    public void save(Settings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("settings.json.tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                SettingsJson.write(settings, out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save settings to " + file + ": " + e.getMessage());
        }
    }
}
