package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.divergence.cli.common.Json;
import org.divergence.testsupport.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agreement command: its exact JSON shape, hand-computed values, every unit, and its errors. */
class AgreementCommandTest {

    private static final String CODE = "Socio-technical factors/Compute requirements";

    @TempDir
    Path folder;

    @Test
    void printsTheDocumentedJsonWithHandComputedFigures() throws Exception {
        Path project = folder.resolve("p.divergence");
        // 40 code points, one line; then a second transcript of 10 code points nobody codes.
        String text = "Compute costs. Data is closed. GPUs too.";
        assertEquals(40, text.length());
        run("transcripts", "import", "--project", project.toString(),
                Files.writeString(folder.resolve("one.txt"), text, StandardCharsets.UTF_8).toString());
        run("transcripts", "import", "--project", project.toString(),
                Files.writeString(folder.resolve("two.txt"), "Nothing 12", StandardCharsets.UTF_8).toString());
        run("transcripts", "starter-codebook", "--project", project.toString());
        // Ana codes [0, 14) "Compute costs."; Ben codes [8, 30) "costs. Data is closed.".
        code(project, "Ana", 0, 14);
        code(project, "Ben", 8, 30);

        CliRun characters = run("agreement", "--project", project.toString(), "--coders", "Ana,Ben", "--json");
        JsonNode json = Json.MAPPER.readTree(characters.out());
        assertEquals(List.of("unit", "coders", "codes", "overall"), fieldNames(json));
        assertEquals("character", json.get("unit").asText());
        assertEquals("Ana", json.get("coders").get(0).asText());
        assertEquals("Ben", json.get("coders").get(1).asText());
        JsonNode row = json.get("codes").get(0);
        assertEquals(List.of("code", "units", "both", "a_only", "b_only", "neither", "percent_agreement", "kappa",
                "alpha", "alpha_u"), fieldNames(row));
        assertEquals(CODE, row.get("code").asText());
        // 50 units; both [8, 14) = 6, Ana only [0, 8) = 8, Ben only [14, 30) = 16, neither 20.
        assertEquals(50, row.get("units").asLong());
        assertEquals(6, row.get("both").asLong());
        assertEquals(8, row.get("a_only").asLong());
        assertEquals(16, row.get("b_only").asLong());
        assertEquals(20, row.get("neither").asLong());
        assertEquals(52.0, row.get("percent_agreement").asDouble(), 1e-12);
        double pe = (14 / 50.0) * (22 / 50.0) + (36 / 50.0) * (28 / 50.0);
        assertEquals((0.52 - pe) / (1 - pe), row.get("kappa").asDouble(), 1e-12);
        assertEquals(1 - 99.0 * 24 / ((2 * 6 + 24) * (2 * 20 + 24)), row.get("alpha").asDouble(), 1e-12);
        assertEquals(List.of("percent_agreement", "kappa", "alpha", "alpha_u"), fieldNames(json.get("overall")));
        assertEquals(row.get("kappa").asDouble(), json.get("overall").get("kappa").asDouble(), 1e-12);

        // Sentences: "Compute costs." Ana+Ben, "Data is closed." Ben only, "GPUs too." neither, "Nothing 12" neither.
        JsonNode sentences = Json.MAPPER.readTree(run("agreement", "--project", project.toString(), "--coders",
                "Ana,Ben", "--unit", "sentence", "--json").out()).get("codes").get(0);
        assertEquals(4, sentences.get("units").asLong());
        assertEquals(1, sentences.get("both").asLong());
        assertEquals(0, sentences.get("a_only").asLong());
        assertEquals(1, sentences.get("b_only").asLong());
        assertEquals(2, sentences.get("neither").asLong());
        // Paragraphs: one line each; Ben touched the first only as Ana did.
        JsonNode paragraphs = Json.MAPPER.readTree(run("agreement", "--project", project.toString(), "--coders",
                "Ana,Ben", "--unit", "paragraph", "--json").out()).get("codes").get(0);
        assertEquals(2, paragraphs.get("units").asLong());
        assertEquals(1, paragraphs.get("both").asLong());
        assertEquals(1, paragraphs.get("neither").asLong());
        assertEquals(100.0, paragraphs.get("percent_agreement").asDouble(), 1e-12);
        assertEquals(1.0, paragraphs.get("kappa").asDouble(), 1e-12);
    }

    @Test
    void threeCodersGiveFleissKappaEveryPairAndTheSameFiguresPerTranscript() throws Exception {
        Path project = folder.resolve("p.divergence");
        run("transcripts", "import", "--project", project.toString(), Files.writeString(folder.resolve("one.txt"),
                "Compute costs. Data is closed. GPUs too.", StandardCharsets.UTF_8).toString());
        run("transcripts", "import", "--project", project.toString(),
                Files.writeString(folder.resolve("two.txt"), "Nothing 12", StandardCharsets.UTF_8).toString());
        run("transcripts", "starter-codebook", "--project", project.toString());
        code(project, "Ana", 0, 14);
        code(project, "Ben", 8, 30);
        code(project, "Cai", 0, 14);
        code(project, "Cai", 20, 25);

        JsonNode json = Json.MAPPER.readTree(run("agreement", "--project", project.toString(), "--coders",
                "Ana,Ben,Cai", "--json", "--by-transcript").out());
        assertEquals(List.of("unit", "coders", "codes", "overall", "transcripts"), fieldNames(json));
        JsonNode row = json.get("codes").get(0);
        List<String> keys = List.of("units", "both", "a_only", "b_only", "neither", "percent_agreement", "kappa",
                "alpha", "alpha_u", "fleiss_kappa", "pairs");
        List<String> withCode = new ArrayList<>(List.of("code"));
        withCode.addAll(keys);
        assertEquals(withCode, fieldNames(row));
        assertEquals(keys, fieldNames(json.get("overall")));
        for (String twoCoderKey : List.of("both", "a_only", "b_only", "neither", "kappa")) {
            assertTrue(row.get(twoCoderKey).isNull(), twoCoderKey);
            assertTrue(json.get("overall").get(twoCoderKey).isNull(), twoCoderKey);
        }
        // Units coded by 0, 1, 2, 3 coders: 20 ([30, 40) and "two"), 11, 13, 6 ([8, 14)).
        assertEquals(50, row.get("units").asLong());
        assertEquals(100.0 * 26 / 50, row.get("percent_agreement").asDouble(), 1e-12);
        assertEquals(1 - 149.0 * 24 / (95 * 55), row.get("alpha").asDouble(), 1e-12);
        double pBar = (20 * 6 + 11 * 2 + 13 * 2 + 6 * 6) / (50.0 * 6);
        double pe = Math.pow(55 / 150.0, 2) + Math.pow(95 / 150.0, 2);
        assertEquals((pBar - pe) / (1 - pe), row.get("fleiss_kappa").asDouble(), 1e-12);
        assertTrue(row.get("alpha_u").isNumber(), row.toString());
        JsonNode pairs = row.get("pairs");
        assertEquals(3, pairs.size());
        assertEquals(List.of("coders", "both", "a_only", "b_only", "neither", "kappa", "percent_agreement"),
                fieldNames(pairs.get(0)));
        assertEquals(List.of("Ana", "Ben"), List.of(pairs.get(0).get("coders").get(0).asText(),
                pairs.get(0).get("coders").get(1).asText()));
        assertEquals(List.of(6L, 8L, 16L, 20L), counts(pairs.get(0)));
        assertEquals(List.of(14L, 0L, 5L, 31L), counts(pairs.get(1)));
        assertEquals(List.of(11L, 11L, 8L, 20L), counts(pairs.get(2)));
        assertEquals("Ben", pairs.get(2).get("coders").get(0).asText());

        JsonNode transcripts = json.get("transcripts");
        assertEquals(2, transcripts.size());
        JsonNode one = transcripts.get(0);
        assertEquals(List.of("transcript", "units", "codes", "overall"), fieldNames(one));
        assertEquals("one", one.get("transcript").asText());
        assertEquals(40, one.get("units").asLong());
        assertEquals(List.of(6L, 8L, 16L, 10L), counts(one.get("codes").get(0).get("pairs").get(0)));
        assertEquals(0, transcripts.get(1).get("codes").size(), "nobody coded \"two\"");
        assertTrue(transcripts.get(1).get("overall").get("alpha").isNull());

        CliRun table = run("agreement", "--project", project.toString(), "--coders", "Ana,Ben,Cai", "--by-transcript");
        assertTrue(table.out().contains("Agreement of Ana, Ben and Cai"), table.out());
        assertTrue(table.out().contains("fleiss"), table.out());
        assertTrue(table.out().contains("Pairs of coders"), table.out());
        assertTrue(table.out().contains("Transcript one, 40 units per code"), table.out());

        Path markdown = folder.resolve("report.md");
        run("report", "--project", project.toString(), "--out", markdown.toString());
        String report = Files.readString(markdown);
        assertTrue(report.contains("Ana, Ben and Cai, by character:"), "the report compares all three: " + report);
        assertTrue(report.contains("| Ana (A), Cai (B) | 14 | 0 | 5 | 31 |"), report);
    }

    private static List<Long> counts(JsonNode pair) {
        return List.of(pair.get("both").asLong(), pair.get("a_only").asLong(), pair.get("b_only").asLong(),
                pair.get("neither").asLong());
    }

    @Test
    void undefinedFiguresAreJsonNull() throws Exception {
        Path project = folder.resolve("p.divergence");
        run("transcripts", "import", "--project", project.toString(),
                Files.writeString(folder.resolve("one.txt"), "All of it.", StandardCharsets.UTF_8).toString());
        run("transcripts", "starter-codebook", "--project", project.toString());
        code(project, "Ana", 0, 10);
        code(project, "Ben", 0, 10);
        JsonNode json = Json.MAPPER.readTree(run("agreement", "--project", project.toString(), "--coders",
                "Ana,Ben", "--json").out());
        JsonNode row = json.get("codes").get(0);
        assertEquals(100.0, row.get("percent_agreement").asDouble(), 1e-12);
        assertTrue(row.get("kappa").isNull(), row.toString());
        assertTrue(row.get("alpha").isNull(), row.toString());
        assertTrue(json.get("overall").get("kappa").isNull());
    }

    @Test
    void sampleProjectInEveryUnitAndAsATable() throws Exception {
        Path project = folder.resolve("sample.divergence");
        run("sample", "--out", project.toString());
        for (String unit : List.of("character", "sentence", "paragraph", "turn")) {
            JsonNode json = Json.MAPPER.readTree(run("agreement", "--project", project.toString(), "--coders",
                    "Ana,Ben", "--unit", unit, "--json").out());
            assertEquals(unit, json.get("unit").asText());
            assertTrue(json.get("codes").size() >= 3, unit + ": " + json);
            double kappa = json.get("overall").get("kappa").asDouble();
            assertTrue(kappa > 0 && kappa < 1, unit + ": Ana and Ben agree in part: " + kappa);
            for (JsonNode row : json.get("codes")) {
                assertTrue(row.get("code").asText().startsWith("Socio-technical factors/"), row.toString());
            }
        }
        CliRun table = run("agreement", "--project", project.toString(), "--coders", "Ana,Ben", "--unit", "turn");
        assertTrue(table.out().contains("overall (pooled)"), table.out());
        assertTrue(table.out().contains("Landis & Koch"), table.out());
    }

    @Test
    void explainsWrongCodersAndUnits() throws Exception {
        Path project = folder.resolve("sample.divergence");
        run("sample", "--out", project.toString());
        CliRun unknown = CliRun.of("agreement", "--project", project.toString(), "--coders", "Ana,Zoe");
        assertEquals(3, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("No coder named \u201CZoe\u201D") && unknown.err().contains("Ana, Ben"),
                unknown.err());
        CliRun same = CliRun.of("agreement", "--project", project.toString(), "--coders", "Ana,Ana");
        assertEquals(3, same.exitCode(), same.toString());
        CliRun one = CliRun.of("agreement", "--project", project.toString(), "--coders", "Ana");
        assertEquals(3, one.exitCode(), one.toString());
        CliRun unit = CliRun.of("agreement", "--project", project.toString(), "--coders", "Ana,Ben", "--unit",
                "word");
        assertEquals(3, unit.exitCode(), unit.toString());
        assertTrue(unit.err().contains("character, sentence, paragraph, turn"), unit.err());
    }

    private void code(Path project, String coder, int start, int end) {
        run("transcripts", "code", "--project", project.toString(), "--transcript", "one", "--code", CODE,
                "--coder", coder, "--start", String.valueOf(start), "--end", String.valueOf(end));
    }

    private static CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.toString());
        return run;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
