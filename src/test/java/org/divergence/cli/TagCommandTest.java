package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.divergence.cli.common.ExitCodes;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.project.Project;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagCommandTest {

    @TempDir
    Path folder;
    private Path project;

    @BeforeEach
    void setUp() throws Exception {
        project = folder.resolve("p.divergence");
        Path csv = folder.resolve("repos.csv");
        Files.writeString(csv, "platform,repo_type,full_name,created_at,contributors,commits,pull_requests,"
                + "merged_pull_requests,issues,discussions,stars,forks,downloads,likes,derivatives,pipeline_tag\n"
                + "github,code,pallets/flask,2010-04-06T00:00:00Z,800,5000,2000,1500,2500,,65000,16000,,,,\n"
                + "github,code,tiny/tool,2024-04-06T00:00:00Z,1,3,0,0,0,,1,0,,,,\n"
                + "huggingface,model,meta/llama,2024-04-18T00:00:00Z,5,40,12,3,,80,,,900000,5000,1200,"
                + "text-generation\n"
                + "huggingface,model,google/bert,2019-01-01T00:00:00Z,3,20,2,1,,10,,,500000,900,3000,fill-mask\n");
        assertEquals(0, CliRun.of("import", "--project", project.toString(), csv.toString()).exitCode());
        try (Project opened = Project.open(project)) {
            new CodebookStore(opened).createCode(null, "Compute requirements", "#D55E00").run();
        }
    }

    private String write(String name, String content) throws java.io.IOException {
        Path file = project.resolveSibling(name);
        Files.writeString(file, content);
        return file.toString();
    }

    private CliRun run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "tag";
        all[1] = "--project";
        all[2] = project.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(all);
    }

    @Test
    void tagsByHandAndListsTheTags() throws Exception {
        CliRun tagged = run("--name", "compute requirements", "--repo", "github:pallets/flask", "--repo",
                "huggingface:meta/llama");
        assertEquals(ExitCodes.OK, tagged.exitCode(), tagged.toString());
        assertTrue(tagged.out().contains("tagged 2 repositories with \u201CCompute requirements\u201D"), tagged.out());
        CliRun again = run("--name", "Compute requirements", "--repo", "github:pallets/flask");
        assertTrue(again.out().contains("tagged 0 repositories") && again.out().contains("1 already carried it"),
                again.out());

        CliRun list = run("--list");
        assertTrue(list.out().contains("Compute requirements  #D55E00  2 repositories (2 by hand, 0 by rule)"),
                list.out());
        JsonNode json = new ObjectMapper().readTree(run("--list", "--json").out());
        assertEquals(2, json.get("tags").get(0).get("repositories").asLong());
        assertEquals("Compute requirements", json.get("tags").get(0).get("name").asText());

        CliRun untag = run("--name", "Compute requirements", "--untag", "--repo", "github:pallets/flask");
        assertTrue(untag.out().contains("took the tag \u201CCompute requirements\u201D off 1 repositories"),
                untag.out());
    }

    @Test
    void savesARuleReportsItsMatchesAndRemovesIt() throws Exception {
        CliRun dry = run("--name", "Compute requirements", "--rule", "platform = huggingface AND repo_type = model"
                + " AND extra.pipeline_tag = 'text-generation'", "--dry-run");
        assertTrue(dry.out().contains("the rule matches 1 repositories (not saved)"), dry.out());
        assertEquals(0, TableDump.rows(project, "SELECT * FROM tag_rule").size());

        CliRun saved = run("--name", "Compute requirements", "--rule", "commits > 30");
        assertEquals(ExitCodes.OK, saved.exitCode(), saved.toString());
        assertTrue(saved.out().contains("saved rule 1") && saved.out().contains("it tags 2 repositories"),
                saved.out());
        JsonNode json = new ObjectMapper().readTree(run("--list", "--json").out());
        assertEquals("commits > 30", json.get("rules").get(0).get("expression").asText());
        assertEquals(2, json.get("rules").get(0).get("matches").asLong());

        // New repositories imported later are tagged by the saved rule.
        Path more = folder.resolve("more.csv");
        Files.writeString(more, "platform,repo_type,full_name,created_at,contributors,commits,pull_requests,"
                + "merged_pull_requests,issues,discussions,stars,forks,downloads,likes,derivatives\n"
                + "github,code,big/new,2025-01-01T00:00:00Z,40,400,0,0,0,,1,0,,,\n");
        assertEquals(0, CliRun.of("import", "--project", project.toString(), more.toString()).exitCode());
        assertTrue(run("--list").out().contains("3 repositories (0 by hand, 3 by rule)"), run("--list").out());

        CliRun removed = run("--remove-rule", "1");
        assertEquals(ExitCodes.OK, removed.exitCode(), removed.toString());
        assertEquals(0, TableDump.rows(project, "SELECT * FROM repository_tag").size());
        assertEquals(ExitCodes.INVALID_INPUT, run("--remove-rule", "1").exitCode());
    }

    @Test
    void badInputIsExitCodeThreeWithAClearMessage() throws Exception {
        String before = TableDump.of(project, "repository_tag", "tag_rule");
        CliRun unknownCode = run("--name", "Black box", "--repo", "github:pallets/flask");
        assertEquals(ExitCodes.INVALID_INPUT, unknownCode.exitCode());
        assertTrue(unknownCode.err().contains("Unknown tag 'Black box'") && unknownCode.err().contains(
                "Compute requirements"), unknownCode.err());

        CliRun malformed = run("--name", "Compute requirements", "--rule", "platform = huggingface AND stars =");
        assertEquals(ExitCodes.INVALID_INPUT, malformed.exitCode());
        assertTrue(malformed.err().contains("at character 35: expected a value after '='"), malformed.err());

        CliRun unknownRepository = run("--name", "Compute requirements", "--repo", "github:pallets/flask",
                "--repo", "github:nobody/nothing");
        assertEquals(ExitCodes.INVALID_INPUT, unknownRepository.exitCode());
        assertTrue(unknownRepository.err().contains("there is no repository github:nobody/nothing"),
                unknownRepository.err());
        assertEquals(before, TableDump.of(project, "repository_tag", "tag_rule"), "nothing was tagged");

        // A dataset of the same id as a model: the id alone no longer says which one is meant.
        assertEquals(0, CliRun.of("import", "--project", project.toString(), "--hf-type", "dataset",
                write("datasets.json", "[{\"id\": \"meta/llama\", \"likes\": 3, \"tags\": []}]")).exitCode());
        CliRun ambiguous = run("--name", "Compute requirements", "--repo", "huggingface:meta/llama");
        assertEquals(ExitCodes.INVALID_INPUT, ambiguous.exitCode());
        assertTrue(ambiguous.err().contains("'huggingface:meta/llama' is ambiguous: the project holds it as dataset"
                + " and model; write huggingface:dataset:meta/llama or huggingface:model:meta/llama"), ambiguous.err());
        assertEquals(before, TableDump.of(project, "repository_tag", "tag_rule"), "nothing was tagged");
        CliRun typed = run("--name", "Compute requirements", "--repo", "huggingface:dataset:meta/llama");
        assertEquals(ExitCodes.OK, typed.exitCode(), typed.toString());

        assertEquals(ExitCodes.USAGE, run("--name", "Compute requirements").exitCode());
        assertEquals(ExitCodes.USAGE, run("--list", "--rule", "stars > 1").exitCode());
        assertEquals(ExitCodes.USAGE, run("--repo", "github:pallets/flask").exitCode());
    }

    @Test
    void compareByAnUnknownTagIsInvalidInput() {
        CliRun run = CliRun.of("compare", "--project", project.toString(), "--by", "tag:Nothing");
        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode());
        assertTrue(run.err().contains("Unknown tag 'Nothing'"), run.err());
        CliRun unknownGrouping = CliRun.of("compare", "--project", project.toString(), "--by", "stars");
        assertTrue(unknownGrouping.err().contains("use platform, repo_type or tag:NAME"), unknownGrouping.err());
    }
}
