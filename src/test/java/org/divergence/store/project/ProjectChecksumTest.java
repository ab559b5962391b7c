package org.divergence.store.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.EnumSet;
import org.divergence.core.common.Progress;
import org.divergence.core.evidence.FindingRef;
import org.divergence.core.metrics.Dimension;
import org.divergence.samples.SampleProject;
import org.divergence.store.evidence.InterpretationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectChecksumTest {

    @TempDir
    Path folder;

    @Test
    void dependsOnTheDataNotOnTheFilesLayoutOrBookkeeping() throws Exception {
        Path sample = SampleProject.ensure(folder.resolve("a"), Progress.NONE);
        String original;
        try (Project project = Project.openReadOnly(sample)) {
            original = ProjectChecksum.of(project, Progress.NONE);
        }
        assertTrue(original.matches("[0-9a-f]{64}"), original);

        // A copy of the sample with other bookkeeping (schema history times, creation time and GUID) has the same
        // content.
        Path again = SampleProject.ensure(folder.resolve("b"), Progress.NONE);
        try (Project project = Project.open(again)) {
            project.stampCreation("2030-06-01T12:00:00Z", "0c9d8e7f-6a5b-4c3d-8e1f-2a3b4c5d6e7f");
        }
        try (Project project = Project.openReadOnly(again)) {
            assertEquals(original, ProjectChecksum.of(project, Progress.NONE));
        }
        assertNotEquals(-1L, Files.mismatch(sample, again), "the files themselves differ");

        // VACUUM rewrites every page; the content and so the checksum stay.
        try (Project project = Project.open(sample)) {
            project.write(EnumSet.of(DataArea.META), connection -> {
                connection.commit();
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("VACUUM");
                }
                connection.setAutoCommit(false);
                return null;
            });
            assertEquals(original, ProjectChecksum.of(project, Progress.NONE));

            // A newer version's migration adds empty tables: the content and so the checksum stay.
            project.write(EnumSet.of(DataArea.META), connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE newer_feature (id INTEGER PRIMARY KEY, note TEXT)");
                }
                return null;
            });
            assertEquals(original, ProjectChecksum.of(project, Progress.NONE));

            // Any change to the data changes it; taking the change back restores it.
            var save = new InterpretationStore(project).save(FindingRef.of(Dimension.POPULARITY), "A new thought.");
            save.run();
            String changed = ProjectChecksum.of(project, Progress.NONE);
            assertNotEquals(original, changed);
            save.undo();
            assertEquals(original, ProjectChecksum.of(project, Progress.NONE));
        }
    }
}
