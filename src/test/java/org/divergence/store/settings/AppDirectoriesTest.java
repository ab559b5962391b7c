package org.divergence.store.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirectoriesTest {

    private final Path home = Path.of("/home/ada");

    @Test
    void linuxFollowsXdgDefaults() {
        AppDirectories dirs = AppDirectories.resolve(null, Map.of(), "Linux", home);
        assertEquals(Path.of("/home/ada/.local/share/divergence-workbench"), dirs.data());
        assertEquals(Path.of("/home/ada/.config/divergence-workbench"), dirs.config());
        assertEquals(Path.of("/home/ada/.cache/divergence-workbench"), dirs.cache());
    }

    @Test
    void linuxHonoursXdgVariablesButIgnoresRelativeOnes() {
        AppDirectories dirs = AppDirectories.resolve(null,
                Map.of("XDG_DATA_HOME", "/data", "XDG_CONFIG_HOME", "relative/config"), "Linux", home);
        assertEquals(Path.of("/data/divergence-workbench"), dirs.data());
        assertEquals(Path.of("/home/ada/.config/divergence-workbench"), dirs.config());
    }

    @Test
    void macAndWindowsUseTheirConventions() {
        assertEquals(Path.of("/home/ada/Library/Application Support/Divergence Workbench"),
                AppDirectories.resolve(null, Map.of(), "Mac OS X", home).data());
        assertEquals(Path.of("/roaming/Divergence Workbench"),
                AppDirectories.resolve(null, Map.of("APPDATA", "/roaming"), "Windows 11", home).data());
    }

    @Test
    void homeOverridePutsEverythingUnderOneFolder() {
        AppDirectories dirs = AppDirectories.resolve("/tmp/portable", Map.of(), "Linux", home);
        assertEquals(Path.of("/tmp/portable/data"), dirs.data());
        assertEquals(Path.of("/tmp/portable/config"), dirs.config());
    }
}
