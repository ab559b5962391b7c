package org.divergence.store.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a save dialog opens when nothing better is known, on each OS. */
class DocumentsFolderTest {

    @TempDir
    Path home;

    @Test
    void linuxReadsTheXdgUserDirectoryInTheUsersLanguage() throws Exception {
        Files.createDirectories(home.resolve("Dokumente"));
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), "# written by xdg-user-dirs-update\n"
                + "XDG_DESKTOP_DIR=\"$HOME/Schreibtisch\"\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n");
        assertEquals(home.resolve("Dokumente"), DocumentsFolder.resolve(Map.of(), "Linux", home));
    }

    @Test
    void withoutAUsableXdgEntryItIsDocumentsWhereItExistsElseHome() throws Exception {
        assertEquals(home, DocumentsFolder.resolve(Map.of(), "Linux", home));
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), "XDG_DOCUMENTS_DIR=\"$HOME/\"\n");
        assertEquals(home, DocumentsFolder.resolve(Map.of(), "Linux", home), "turned off");
        Files.createDirectories(home.resolve("Documents"));
        assertEquals(home.resolve("Documents"), DocumentsFolder.resolve(Map.of(), "Windows 11", home));
        assertEquals(home.resolve("Documents"), DocumentsFolder.resolve(Map.of(), "Mac OS X", home));
        assertEquals(home.resolve("Documents"), DocumentsFolder.resolve(
                Map.of("XDG_CONFIG_HOME", home.resolve("elsewhere").toString()), "Linux", home));
    }
}
