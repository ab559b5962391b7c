package org.divergence.store.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupsTest {

    @TempDir
    Path folder;

    private static void addCode(Project project, String name) {
        project.write(EnumSet.of(DataArea.CODEBOOK), c -> {
            try (var insert = c.prepareStatement("INSERT INTO code(guid, name) VALUES (?, ?)")) {
                insert.setString(1, java.util.UUID.randomUUID().toString());
                insert.setString(2, name);
                return insert.executeUpdate();
            }
        });
    }

    @Test
    void backupIsAConsistentCopyAndRotationKeepsTheNewest() throws Exception {
        Path file = folder.resolve("study.divergence");
        Path backups = folder.resolve("backups");
        try (Project project = Project.create(file)) {
            for (int i = 1; i <= 4; i++) {
                addCode(project, "code " + i);
                Backups.take(project, backups, 3);
            }
        }
        List<Backups.Backup> kept = Backups.list(backups, file);
        assertEquals(3, kept.size());
        assertEquals(4, ProjectSummaryQuery.ofFile(kept.getFirst().file()).codes());
        assertEquals(2, ProjectSummaryQuery.ofFile(kept.getLast().file()).codes());
        assertTrue(Backups.folderFor(backups, file).getFileName().toString().startsWith("study-"));
    }

    @Test
    void restoreBringsBackTheBackupAndKeepsTheStateItReplaced() throws Exception {
        Path file = folder.resolve("study.divergence");
        Path backups = folder.resolve("backups");
        try (Project project = Project.create(file)) {
            addCode(project, "kept");
            Backups.take(project, backups, 5);
            addCode(project, "added after the backup");
        }
        Backups.Backup backup = Backups.list(backups, file).getFirst();
        Backups.restore(backup.file(), file, backups);
        try (Project reopened = Project.open(file)) {
            assertEquals(1, ProjectSummaryQuery.of(reopened).codes());
        }
        List<Backups.Backup> all = Backups.list(backups, file);
        assertEquals(2, all.size());
        Path beforeRestore = all.stream().map(Backups.Backup::file)
                .filter(path -> path.getFileName().toString().contains("before-restore")).findFirst().orElseThrow();
        assertEquals(2, ProjectSummaryQuery.ofFile(beforeRestore).codes());
        assertTrue(Files.exists(file));
    }
}
