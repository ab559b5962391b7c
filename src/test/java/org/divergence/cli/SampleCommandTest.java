package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.divergence.cli.common.ExitCodes;
import org.divergence.testsupport.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {

    @TempDir
    Path folder;

    @Test
    void writesTheSampleProjectThatInfoReads() throws Exception {
        Path file = folder.resolve("nested").resolve("sample.divergence");
        CliRun run = CliRun.of("sample", "--out", file.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains(file.toString()), run.out());

        CliRun info = CliRun.of("info", "--project", file.toString(), "--json");
        assertEquals(ExitCodes.OK, info.exitCode(), info.toString());
        JsonNode json = new ObjectMapper().readTree(info.out());
        assertTrue(json.at("/repositories/total").isNumber(), info.out());

        try (Stream<Path> left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "only the project is left beside it, no staging folder");
        }
    }

    @Test
    void refusesToReplaceAnExistingFile() throws Exception {
        Path file = folder.resolve("mine.divergence");
        byte[] content = "my own work".getBytes();
        Files.write(file, content);
        CliRun run = CliRun.of("sample", "--out", file.toString());
        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
        assertTrue(run.err().contains("already exists"), run.err());
        assertArrayEquals(content, Files.readAllBytes(file));
    }

    @Test
    void outIsRequired() {
        assertEquals(ExitCodes.USAGE, CliRun.of("sample").exitCode());
    }
}
