package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.divergence.cli.common.ExitCodes;
import org.divergence.testsupport.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code draw} against the independent reference of src/test/resources/golden/draw/make_draw.py: the same
 * population gives the allocation and the id list the script computed from the documented algorithm.
 */
class DrawCommandTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/draw");

    @TempDir
    Path folder;
    private Path project;

    @BeforeEach
    void importThePopulation() {
        project = folder.resolve("population.divergence");
        CliRun imported = CliRun.of("import", "--project", project.toString(),
                GOLDEN.resolve("population.csv").toString());
        assertEquals(ExitCodes.OK, imported.exitCode(), imported.toString());
    }

    private CliRun draw(Path projectFile, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("draw", "--project", projectFile.toString(), "--out",
                out.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void matchesThePythonReferenceByteForByte() throws Exception {
        Path ids = folder.resolve("ids.txt");
        CliRun run = draw(project, ids, "--n", "100", "--seed", "20260427", "--reserve", "2", "--strata",
                "platform,repo_type,created_year");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertEquals(Files.readString(GOLDEN.resolve("expected-ids.txt")), Files.readString(ids));

        JsonNode record = new ObjectMapper().readTree(folder.resolve("ids.txt.draw.json").toFile());
        JsonNode expected = new ObjectMapper().readTree(GOLDEN.resolve("expected-allocation.json").toFile());
        assertEquals("divergence-draw/1", record.get("format").asText());
        assertEquals(100, record.get("sample_size").asLong());
        assertEquals(997, record.get("population").get("repositories").asLong());
        JsonNode batch = record.get("population").get("batches").get(0);
        assertEquals("population.csv", Path.of(batch.get("source_name").asText()).getFileName().toString());
        assertEquals(64, batch.get("source_sha256").asText().length());
        assertEquals(20260427, record.get("options").get("seed").asLong());
        assertEquals("platform", record.get("options").get("strata").get(0).asText());
        assertTrue(record.hasNonNull("drawn_at"));
        assertEquals(expected.get("strata").size(), record.get("strata").size());
        for (int h = 0; h < expected.get("strata").size(); h++) {
            JsonNode want = expected.get("strata").get(h);
            JsonNode got = record.get("strata").get(h);
            assertEquals(want.get("key"), got.get("key"));
            assertEquals(want.get("population").asLong(), got.get("population").asLong());
            assertEquals(want.get("sample_size").asLong(), got.get("sample_size").asLong(), want.toString());
            assertEquals(want.get("reserve_size").asLong(), got.get("reserve").size());
        }
        assertTrue(run.out().contains("huggingface / space / unknown"), run.out());
    }

    @Test
    void theImportOrderDoesNotChangeTheBytes() throws Exception {
        // The same rows imported as two files, second half first.
        List<String> lines = Files.readAllLines(GOLDEN.resolve("population.csv"));
        Path first = folder.resolve("first.csv");
        Path second = folder.resolve("second.csv");
        Files.write(first, lines.subList(0, 500));
        List<String> rest = new ArrayList<>(List.of(lines.get(0)));
        rest.addAll(lines.subList(500, lines.size()));
        Files.write(second, rest);
        Path other = folder.resolve("other.divergence");
        assertEquals(ExitCodes.OK, CliRun.of("import", "--project", other.toString(), second.toString()).exitCode());
        assertEquals(ExitCodes.OK, CliRun.of("import", "--project", other.toString(), first.toString()).exitCode());

        Path a = folder.resolve("a.txt");
        Path b = folder.resolve("b.txt");
        Path again = folder.resolve("again.txt");
        String[] options = {"--n", "37", "--seed", "9", "--strata", "repo_type", "--where", "platform=huggingface"};
        assertEquals(ExitCodes.OK, draw(project, a, options).exitCode());
        assertEquals(ExitCodes.OK, draw(other, b, options).exitCode());
        assertEquals(ExitCodes.OK, draw(project, again, options).exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(again));
        List<String> ids = Files.readAllLines(a);
        assertEquals(37, ids.size());
        assertTrue(ids.stream().allMatch(id -> id.startsWith("huggingface:")), ids.toString());
        JsonNode record = new ObjectMapper().readTree(folder.resolve("b.txt.draw.json").toFile());
        assertEquals(2, record.get("population").get("batches").size());
        assertEquals("platform=huggingface", record.get("options").get("where").get(0).asText());
    }

    @Test
    void refusesBadOptionsAndWritesNothing() {
        Path ids = folder.resolve("bad.txt");
        assertInvalid(draw(project, ids, "--n", "0", "--seed", "1"), "--n 0");
        assertInvalid(draw(project, ids, "--n", "998", "--seed", "1"), "holds 997 repositories");
        assertInvalid(draw(project, ids, "--n", "5", "--seed", "1", "--strata", "language"), "unknown stratum");
        assertInvalid(draw(project, ids, "--n", "5", "--seed", "1", "--where", "colour=red"), "unknown key");
        assertInvalid(draw(project, ids, "--n", "5", "--seed", "1", "--reserve", "-1"), "--reserve");
        assertFalse(Files.exists(ids));
        assertFalse(Files.exists(folder.resolve("bad.txt.draw.json")));
    }

    @Test
    void theHelpOfDrawSampleAndGenerateSampleNameEachOther() {
        String draw = CliRun.of("draw", "--help").out();
        String sample = CliRun.of("sample", "--help").out();
        String generate = CliRun.of("generate-sample", "--help").out();
        assertTrue(draw.contains("`sample`") && draw.contains("`generate-sample`"), draw);
        assertTrue(sample.contains("`draw`") && sample.contains("`generate-sample`"), sample);
        assertTrue(generate.contains("`draw`") && generate.contains("`sample`"), generate);
    }

    private static void assertInvalid(CliRun run, String message) {
        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
        assertTrue(run.err().contains(message), run.toString());
    }
}
