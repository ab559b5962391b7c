package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.divergence.app.refi.RefiFiles;
import org.divergence.cli.common.Json;
import org.divergence.testsupport.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exchange commands end to end: export the sample as .qdpx and .qdc, import them into new projects with a JSON
 * report, merge another coder's project so agreement can be computed, and refuse bad archives with exit code 3.
 */
class RefiCommandsTest {

    @TempDir
    Path folder;

    @Test
    void exportsImportsAndMergesAnotherCodersWork() throws Exception {
        Path sample = folder.resolve("sample.divergence");
        run("sample", "--out", sample.toString());
        Path qdpx = folder.resolve("sample.qdpx");
        CliRun export = run("qdpx-export", "--project", sample.toString(), "--out", qdpx.toString());
        assertTrue(export.out().contains("2 coder(s), 9 code(s)"), export.out());
        Path qdc = folder.resolve("codes.qdc");
        run("qdc-export", "--project", sample.toString(), "--out", qdc.toString());

        Path copy = folder.resolve("copy.divergence");
        JsonNode report = Json.MAPPER.readTree(run("qdpx-import", "--project", copy.toString(), qdpx.toString(),
                "--json").out());
        assertEquals("sample.qdpx", report.get("source").asText());
        assertEquals(6, report.get("items").get("transcripts").get("added").asInt());
        assertEquals(9, report.get("items").get("codes").get("added").asInt());
        assertEquals(0, report.get("not_carried").size());
        JsonNode again = Json.MAPPER.readTree(run("qdc-import", "--project", copy.toString(), qdc.toString(),
                "--json").out());
        assertEquals(9, again.get("items").get("codes").get("matched_by_guid").asInt());
        assertEquals(0, again.get("items").get("codes").get("added").asInt());
        assertEquals(Json.MAPPER.readTree(run("agreement", "--project", sample.toString(), "--coders", "Ana,Ben",
                "--json").out()), Json.MAPPER.readTree(run("agreement", "--project", copy.toString(), "--coders",
                "Ana,Ben", "--json").out()), "the same agreement after the round trip");

        // Carla codes on her own copy; merging it brings her codings in beside Ana's and Ben's.
        Path carla = folder.resolve("carla.divergence");
        run("qdpx-import", "--project", carla.toString(), qdpx.toString());
        run("transcripts", "code", "--project", carla.toString(), "--transcript", "P01-oss-maintainer", "--code",
                "Socio-technical factors/Governance", "--coder", "Carla", "--start", "10", "--end", "60");
        CliRun merged = run("merge", "--project", sample.toString(), carla.toString());
        assertTrue(merged.out().contains("codings: 1 added"), merged.out());
        assertTrue(merged.out().contains("transcripts: 0 added, 6 matched (6 by GUID"), merged.out());
        JsonNode agreement = Json.MAPPER.readTree(run("agreement", "--project", sample.toString(), "--coders",
                "Ana,Carla", "--json").out());
        assertEquals("Carla", agreement.get("coders").get(1).asText());

        CliRun self = CliRun.of("merge", "--project", sample.toString(), sample.toString());
        assertEquals(3, self.exitCode(), self.toString());
        assertTrue(self.err().contains("is the project that is open"), self.err());
    }

    @Test
    void refusesBadArchivesWithExitCode3AndChangesNothing() throws Exception {
        Path project = folder.resolve("p.divergence");
        run("sample", "--out", project.toString());
        String before = run("info", "--project", project.toString(), "--json").out();
        Path slip = RefiFiles.zip(folder.resolve("slip.qdpx"), Map.of("project.qde", RefiFiles.utf8(
                "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"/>"), "../../x.txt", RefiFiles.utf8("x")));
        CliRun refused = CliRun.of("qdpx-import", "--project", project.toString(), slip.toString());
        assertEquals(3, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("unsafe path"), refused.err());
        CliRun missing = CliRun.of("qdpx-import", "--project", project.toString(), folder.resolve("no.qdpx")
                .toString());
        assertEquals(3, missing.exitCode(), missing.toString());
        CliRun wrongKind = CliRun.of("qdpx-import", "--project", project.toString(),
                Files.writeString(folder.resolve("notes.txt"), "hello").toString());
        assertEquals(3, wrongKind.exitCode(), wrongKind.toString());
        assertFalse(wrongKind.err().contains("Exception"), wrongKind.err());
        assertEquals(before, run("info", "--project", project.toString(), "--json").out());
    }

    private static CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.toString());
        return run;
    }
}
