package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.divergence.cli.common.ExitCodes;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportCommandTest {

    private static final String HEADER = "platform,repo_type,full_name,created_at,contributors,commits,pull_requests,"
            + "merged_pull_requests,issues,discussions,stars,forks,downloads,likes,derivatives";

    @TempDir
    Path folder;

    @Test
    void importCreatesTheProjectAndPrintsTheSummary() throws Exception {
        Path csv = folder.resolve("a.csv");
        Files.writeString(csv, HEADER + "\ngithub,code,o/a,,1,1,,,,,,,,,\nhuggingface,model,o/m,,1,1,,,,,,,,,\n");
        Path project = folder.resolve("new.divergence");
        CliRun run = CliRun.of("import", "--project", project.toString(), csv.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertEquals("imported 2 repositories (2 added, 0 updated, 0 skipped) from 1 file(s)", run.out().strip());
        run = CliRun.of("import", "--project", project.toString(), csv.toString());
        assertEquals("imported 2 repositories (0 added, 2 updated, 0 skipped) from 1 file(s)", run.out().strip());
    }

    @Test
    void invalidInputExitsThreeWithThePlaceAndChangesNothing() throws Exception {
        Path project = folder.resolve("p.divergence");
        Path good = folder.resolve("good.csv");
        Files.writeString(good, HEADER + "\ngithub,code,o/a,,1,1,,,,,,,,,\n");
        assertEquals(ExitCodes.OK, CliRun.of("import", "--project", project.toString(), good.toString()).exitCode());
        String before = TableDump.of(project, "repository", "import_batch");
        Path bad = folder.resolve("bad.csv");
        Files.writeString(bad, HEADER + "\ngithub,code,o/b,,1,1,,,,,,,,,\ngithub,code,o/c,,1,x,,,,,,,,,\n");
        CliRun run = CliRun.of("import", "--project", project.toString(), bad.toString());
        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
        assertEquals("divergence-workbench: bad.csv:3: column \"commits\": \"x\" is not a number; counts are whole"
                + " numbers ≥ 0 or empty", run.err().strip());
        assertEquals(before, TableDump.of(project, "repository", "import_batch"));
    }

    @Test
    void skipInvalidNamesTheSideFile() throws Exception {
        Path bad = folder.resolve("mixed.csv");
        Files.writeString(bad, HEADER + "\ngithub,code,o/b,,1,1,,,,,,,,,\ngithub,code,o/c,,1,x,,,,,,,,,\n");
        CliRun run = CliRun.of("import", "--project", folder.resolve("p.divergence").toString(), bad.toString(),
                "--skip-invalid");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertEquals(List.of("imported 1 repositories (1 added, 0 updated, 1 skipped) from 1 file(s)",
                "rejected rows of mixed.csv with their reasons: " + folder.resolve("mixed.csv.rejected.csv")),
                run.out().strip().lines().toList());
    }

    @Test
    void mapReadsColumnsNamedDifferentlyAndUnknownLeavesAbsentOnesUnknown() throws Exception {
        Path csv = folder.resolve("renamed.csv");
        Files.writeString(csv, "platform,repo_type,Repository,created_at,contributors,commits,pull_requests,"
                + "merged_pull_requests,issues,discussions,Stargazers,forks,downloads,likes\n"
                + "github,code,o/a,,1,2,,,,,7,,,\n");
        Path project = folder.resolve("p.divergence");
        CliRun refused = CliRun.of("import", "--project", project.toString(), csv.toString());
        assertEquals(ExitCodes.INVALID_INPUT, refused.exitCode(), refused.toString());
        CliRun run = CliRun.of("import", "--project", project.toString(), csv.toString(), "--map",
                "Repository=full_name", "--map", "Stargazers=stars", "--unknown", "derivatives");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertEquals(List.of("github|code|o/a|null|1|2|null|null|null|null|7|null|null|null|null|null"),
                TableDump.repositories(project));
        CliRun wrong = CliRun.of("import", "--project", project.toString(), csv.toString(), "--map", "Repo=name");
        assertEquals(ExitCodes.USAGE, wrong.exitCode(), wrong.toString());
        assertEquals(ExitCodes.USAGE, CliRun.of("import", "--project", project.toString(), csv.toString(),
                "--unknown", "full_name").exitCode());
    }

    @Test
    void badHuggingFaceTypeIsAUsageError() throws Exception {
        Path file = folder.resolve("x.json");
        Files.writeString(file, "[]");
        CliRun run = CliRun.of("import", "--project", folder.resolve("p.divergence").toString(), file.toString(),
                "--hf-type", "code");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    }

    @Test
    void exportWritesTheFilteredSample() throws Exception {
        Path project = folder.resolve("p.divergence");
        Path csv = folder.resolve("a.csv");
        Files.writeString(csv, HEADER + "\ngithub,code,o/a,,1,1,,,,,,,,,\nhuggingface,model,o/m,,1,1,,,,,,,,,\n");
        CliRun.of("import", "--project", project.toString(), csv.toString());
        Path out = folder.resolve("hf.jsonl");
        CliRun run = CliRun.of("export", "--project", project.toString(), "--out", out.toString(),
                "--where", "platform=huggingface");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertEquals("exported 1 repositories to " + out, run.out().strip());
        List<String> lines = Files.readAllLines(out);
        assertEquals(1, lines.size());
        assertTrue(lines.getFirst().startsWith("{\"platform\":\"huggingface\",\"repo_type\":\"model\",\"full_name\":\"o/m\""),
                lines.getFirst());
        CliRun bad = CliRun.of("export", "--project", project.toString(), "--out", out.toString(),
                "--where", "platform=gitlab");
        assertEquals(ExitCodes.INVALID_INPUT, bad.exitCode());
        assertEquals("divergence-workbench: --where platform=gitlab: unknown platform 'gitlab'; use github or"
                + " huggingface", bad.err().strip());
        assertFalse(Files.exists(folder.resolve("hf.jsonl.partial")));
    }
}
