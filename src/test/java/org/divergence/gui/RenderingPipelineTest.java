package org.divergence.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingPipelineTest {

    @TempDir
    Path dev;

    @Test
    void aGraphicsDeviceIsAnyOfTheDeviceNodesPresent() throws Exception {
        Path dri = dev.resolve("dri");
        Path nvidia = dev.resolve("nvidia0");
        assertFalse(RenderingPipeline.hasGraphicsDevice(List.of(dri, nvidia)));
        Files.createFile(nvidia);
        assertTrue(RenderingPipeline.hasGraphicsDevice(List.of(dri, nvidia)));
    }

    @Test
    void aChoiceTheUserMadeIsKept() {
        // The test JVM runs with -Dprism.order=sw (Monocle); another value set by the user must survive.
        String before = System.getProperty(RenderingPipeline.PROPERTY);
        try {
            System.setProperty(RenderingPipeline.PROPERTY, "es2");
            RenderingPipeline.chooseBeforeStart();
            assertEquals("es2", System.getProperty(RenderingPipeline.PROPERTY));
        } finally {
            if (before == null) {
                System.clearProperty(RenderingPipeline.PROPERTY);
            } else {
                System.setProperty(RenderingPipeline.PROPERTY, before);
            }
        }
    }
}
