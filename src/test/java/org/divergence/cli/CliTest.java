package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.divergence.cli.common.ExitCodes;
import org.divergence.core.AppInfo;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.testsupport.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path folder;

    @Test
    void versionPrintsTheApplicationVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith(AppInfo.NAME + " " + AppInfo.version()), run.out());
        assertTrue(AppInfo.version().matches("\\d+\\.\\d+\\.\\d+.*"), AppInfo.version());
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRun run = CliRun.of("--help");
        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().contains("info"), run.out());
        assertTrue(run.out().contains("3   invalid input"), run.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("info", "--project", "x.divergence", "--frobnicate");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--frobnicate"), run.err());
    }

    @Test
    void missingProjectOptionIsAUsageError() {
        assertEquals(ExitCodes.USAGE, CliRun.of("info").exitCode());
    }

    @Test
    void infoJsonReportsCounts() throws Exception {
        Path file = folder.resolve("counts.divergence");
        try (Project project = Project.create(file)) {
            project.write(EnumSet.of(DataArea.REPOSITORIES), c -> {
                try (var statement = c.createStatement()) {
                    statement.executeUpdate("INSERT INTO import_batch(source_name, format, imported_at) "
                            + "VALUES ('t.csv', 'csv', '2026-01-01T00:00:00Z')");
                    statement.executeUpdate("INSERT INTO repository(platform, repo_type, full_name, batch_id) VALUES "
                            + "('github', 'code', 'a/b', 1), ('huggingface', 'model', 'c/d', 1),"
                            + "('huggingface', 'dataset', 'e/f', 1)");
                    statement.executeUpdate("INSERT INTO code(guid, name) VALUES ('g', 'Skill sets')");
                }
                return null;
            });
        }
        CliRun run = CliRun.of("info", "--project", file.toString(), "--json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(3, json.at("/repositories/total").asInt());
        assertEquals(1, json.at("/repositories/github").asInt());
        assertEquals(2, json.at("/repositories/huggingface").asInt());
        assertEquals(0, json.get("transcripts").asInt());
        assertEquals(1, json.get("codes").asInt());
        assertEquals(0, json.get("codings").asInt());
    }

    @Test
    void infoTextIsReadable() {
        Path file = folder.resolve("text.divergence");
        Project.create(file).close();
        CliRun run = CliRun.of("info", "--project", file.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Repositories   0 (GitHub 0, Hugging Face 0)"), run.out());
    }

    @Test
    void corruptFileExitsThreeWithOneLineAndStaysByteIdentical() throws Exception {
        Path file = folder.resolve("corrupt.divergence");
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(file, garbage);
        CliRun run = CliRun.of("info", "--project", file.toString(), "--json");
        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("corrupt.divergence: not a Divergence Workbench project"), run.err());
        assertArrayEquals(garbage, Files.readAllBytes(file));
    }

    @Test
    void missingProjectExitsThree() {
        CliRun run = CliRun.of("info", "--project", folder.resolve("absent.divergence").toString());
        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no such project file"), run.err());
    }
}
