package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.divergence.cli.common.Json;
import org.divergence.testsupport.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptsSearchCommandTest {

    @TempDir
    Path folder;

    private Path project;

    @BeforeEach
    void importTwoInterviews() throws Exception {
        project = folder.resolve("p.divergence");
        CliRun imported = CliRun.of("transcripts", "import", "--project", project.toString(),
                Files.writeString(folder.resolve("gpus.txt"), "Interviewer: What holds you back?\n"
                        + "P1: Renting GPUs for training costs more than my whole budget.\n"
                        + "Interviewer: And reviews?\n"
                        + "P1: Pull requests get reviewed within a day by the maintainers.\n").toString(),
                Files.writeString(folder.resolve("weights.txt"), "Interviewer: Can you read a model? 😀\n"
                        + "P2: Nobody can inspect weights the way you read source code.\n"
                        + "Interviewer: Where do you talk?\n"
                        + "P2: Mostly in the discussion tab of the model page.\n").toString());
        assertEquals(0, imported.exitCode(), imported.toString());
    }

    @Test
    void semanticSearchRanksByMeaningWithCodePointOffsets() throws Exception {
        CliRun run = CliRun.of("transcripts", "search", "--project", project.toString(), "--semantic",
                "weights are impossible to inspect like code", "--limit", "3", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode hits = Json.MAPPER.readTree(run.out()).get("hits");
        assertEquals(3, hits.size());
        JsonNode best = hits.get(0);
        assertEquals("weights", best.get("transcript").asText());
        assertEquals("weights", best.get("case").asText());
        assertEquals("Nobody can inspect weights the way you read source code.", best.get("text").asText());
        // "Interviewer: Can you read a model? 😀\n" is 37 code points (38 UTF-16 units), then "P2: ".
        assertEquals(41, best.get("start").asInt());
        assertEquals(41 + best.get("text").asText().length(), best.get("end").asInt());
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).get("score").asDouble() >= hits.get(i).get("score").asDouble(), run.out());
        }

        CliRun costs = CliRun.of("transcripts", "search", "--project", project.toString(), "--semantic",
                "hardware is too expensive", "--limit", "1");
        assertEquals(0, costs.exitCode(), costs.toString());
        assertTrue(costs.out().contains("gpus [") && costs.out().contains("Renting GPUs"), costs.out());
    }

    @Test
    void textSearchFindsEveryOccurrenceWithoutAScore() throws Exception {
        CliRun run = CliRun.of("transcripts", "search", "--project", project.toString(), "--text", "MODEL",
                "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode hits = Json.MAPPER.readTree(run.out()).get("hits");
        assertEquals(2, hits.size());
        assertEquals("model", hits.get(0).get("text").asText());
        assertEquals(28, hits.get(0).get("start").asInt());
        assertTrue(hits.get(0).get("score").isNull());
    }

    @Test
    void exactlyOneKindOfQueryAndAPositiveLimit() {
        assertEquals(2, CliRun.of("transcripts", "search", "--project", project.toString(), "--text", "a",
                "--semantic", "b").exitCode());
        assertEquals(2, CliRun.of("transcripts", "search", "--project", project.toString()).exitCode());
        CliRun zero = CliRun.of("transcripts", "search", "--project", project.toString(), "--semantic", "b",
                "--limit", "0");
        assertEquals(3, zero.exitCode(), zero.toString());
        assertTrue(zero.err().contains("--limit"), zero.err());
    }
}
