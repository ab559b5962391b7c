package org.divergence.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.divergence.core.common.Progress;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample project the jar ships (made by the build's process-classes step) is what the generator makes now. */
class ShippedSampleProjectTest {

    @TempDir
    Path folder;

    @Test
    void theShippedSampleIsTheGeneratorsOutputByteForByte() throws Exception {
        byte[] shipped = shipped();
        Path fresh = folder.resolve("fresh.divergence");
        SampleProject.build(fresh, Progress.NONE);
        assertArrayEquals(shipped, Files.readAllBytes(fresh),
                "the generator's output changed: the build makes the shipped sample again (mvn process-classes)");
    }

    @Test
    void theFirstStartCopiesTheShippedSampleWhichOpens() throws Exception {
        Path sample = SampleProject.ensure(folder.resolve("data"), Progress.NONE);
        assertArrayEquals(shipped(), Files.readAllBytes(sample));
        try (Project project = Project.open(sample)) {
            assertEquals("true", project.meta("sample"));
            assertEquals(6, new TranscriptStore(project).list().size());
        }
        assertEquals(sample, SampleProject.ensure(folder.resolve("data"), Progress.NONE), "made once");
    }

    private static byte[] shipped() throws Exception {
        try (InputStream in = SampleProject.class.getResourceAsStream(SampleProject.SHIPPED)) {
            assertNotNull(in, "the build puts the ready-made sample at " + SampleProject.SHIPPED
                    + " (exec-maven-plugin, process-classes)");
            return in.readAllBytes();
        }
    }
}
