package org.divergence.app.repositories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.ImportBatch;
import org.divergence.core.repositories.RepoType;
import org.divergence.exchange.repositories.ImportFormat;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.ImportBatches;
import org.divergence.store.repositories.RepositoryTableWriter;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepositoryImportTest {

    static final String HEADER = "platform,repo_type,full_name,created_at,contributors,commits,pull_requests,"
            + "merged_pull_requests,issues,discussions,stars,forks,downloads,likes,derivatives";

    @TempDir
    Path folder;
    Path projectFile;

    @BeforeEach
    void createProject() {
        projectFile = folder.resolve("study.divergence");
        Project.create(projectFile).close();
    }

    private ImportRepositories.Report importFiles(ImportOptions options, Path... files) {
        try (Project project = Project.open(projectFile)) {
            return new ImportRepositories(project).importFiles(List.of(files), options, Progress.NONE);
        }
    }

    private ImportRepositories.Report importFiles(Path... files) {
        return importFiles(ImportOptions.defaults(), files);
    }

    private Path write(String name, String content) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private String snapshot() {
        return TableDump.of(projectFile, "repository", "import_batch", "repository_history");
    }

    @Test
    void importsCanonicalCsvKeepingNullsAndExtraColumns() throws Exception {
        Path csv = write("sample.csv", HEADER + ",language\n"
                + "github,code,octo/widgets,2019-04-01T10:00:00Z,3,120,10,7,4,,52,9,,,,Java\n"
                + "huggingface,model,acme/bert-tiny,2023-01-02,1,5,0,0,,2,,,1234,8,3,\n");
        ImportRepositories.Report report = importFiles(csv);
        assertEquals("imported 2 repositories (2 added, 0 updated, 0 skipped) from 1 file(s)", report.summary());
        assertEquals(List.of(
                "github|code|octo/widgets|2019-04-01T10:00:00Z|3|120|10|7|4|null|52|9|null|null|null|{\"language\":\"Java\"}",
                "huggingface|model|acme/bert-tiny|2023-01-02|1|5|0|0|null|2|null|null|1234|8|3|null"),
                TableDump.repositories(projectFile));
        ImportRepositories.FileReport file = report.files().getFirst();
        assertEquals(64, file.sha256().length());
        assertEquals(ImportFormat.CSV, file.format());
    }

    @Test
    void readsBomCrlfAndQuotedFieldsWithCommasAndNewlines() throws Exception {
        String text = "\uFEFF" + HEADER + ",note\r\n"
                + "github,code,octo/a,,1,1,0,0,0,,0,0,,,,\"first line, with comma\r\nsecond \"\"quoted\"\" line\"\r\n"
                + "github,code,octo/b,,2,2,0,0,0,,0,0,,,,plain\r\n";
        importFiles(write("crlf.csv", text));
        List<String> rows = TableDump.repositories(projectFile);
        assertEquals(2, rows.size());
        assertTrue(rows.getFirst().endsWith("{\"note\":\"first line, with comma\\r\\nsecond \\\"quoted\\\" line\"}"),
                rows.getFirst());
        assertTrue(rows.get(1).startsWith("github|code|octo/b|null|2|2"), rows.get(1));
    }

    @Test
    void reimportUpdatesInsteadOfDuplicatingAndKeepsHistory() throws Exception {
        Path first = write("first.csv", HEADER + "\ngithub,code,octo/a,,1,10,,,,,5,,,,\ngithub,code,octo/b,,1,1,,,,,0,,,,\n");
        Path second = write("second.csv", HEADER + "\ngithub,code,octo/a,,2,20,,,,,6,,,,\ngithub,code,octo/c,,1,1,,,,,0,,,,\n");
        importFiles(first);
        ImportRepositories.Report report = importFiles(second);
        assertEquals("imported 2 repositories (1 added, 1 updated, 0 skipped) from 1 file(s)", report.summary());
        List<String> rows = TableDump.repositories(projectFile);
        assertEquals(3, rows.size());
        assertTrue(rows.getFirst().startsWith("github|code|octo/a|null|2|20"), rows.getFirst());
        try (Project project = Project.open(projectFile)) {
            List<ImportBatch> batches = ImportBatches.list(project);
            assertEquals(List.of("second.csv", "first.csv"), batches.stream().map(ImportBatch::sourceName).toList());
            assertEquals(2, batches.getFirst().currentRepositories());
            assertEquals(1, batches.get(1).currentRepositories());
        }
    }

    @Test
    void duplicatesWithinOneFileKeepTheLastRow() throws Exception {
        Path csv = write("dups.csv", HEADER + "\ngithub,code,octo/a,,1,1,,,,,1,,,,\ngithub,code,octo/a,,2,2,,,,,2,,,,\n"
                + "huggingface,space,x/y,,1,1,,,,,,,,1,\n");
        ImportRepositories.Report report = importFiles(csv);
        assertEquals("imported 3 repositories (2 added, 1 updated, 0 skipped) from 1 file(s)", report.summary());
        assertTrue(TableDump.repositories(projectFile).getFirst().startsWith("github|code|octo/a|null|2|2"));
        // The key index was rebuilt after the bulk load: a further import updates, not duplicates.
        importFiles(write("again.csv", HEADER + "\ngithub,code,octo/a,,3,3,,,,,3,,,,\n"));
        assertEquals(2, TableDump.repositories(projectFile).size());
    }

    @Test
    void aModelADatasetAndASpaceOfOneIdAreThreeRepositories() throws Exception {
        // In bulk (an empty project) and then by upsert: neither overwrites the other types of the same id.
        importFiles(write("models.csv", HEADER + "\nhuggingface,model,acme/x,,,,,,,,,,100,1,\n"
                + "huggingface,dataset,acme/x,,,,,,,,,,200,2,\nhuggingface,model,acme/x,,,,,,,,,,101,1,\n"));
        ImportRepositories.Report report = importFiles(write("more.csv", HEADER
                + "\nhuggingface,space,acme/x,,,,,,,,,,,3,\nhuggingface,dataset,acme/x,,,,,,,,,,201,2,\n"
                + "github,code,acme/x,,,,,,,,4,,,,\n"));
        assertEquals("imported 3 repositories (2 added, 1 updated, 0 skipped) from 1 file(s)", report.summary());
        assertEquals(List.of(
                "github|code|acme/x|null|null|null|null|null|null|null|4|null|null|null|null|null",
                "huggingface|dataset|acme/x|null|null|null|null|null|null|null|null|null|201|2|null|null",
                "huggingface|model|acme/x|null|null|null|null|null|null|null|null|null|101|1|null|null",
                "huggingface|space|acme/x|null|null|null|null|null|null|null|null|null|null|3|null|null"),
                TableDump.repositories(projectFile));
    }

    @Test
    void removingABatchRestoresWhatItReplacedAndDeletesWhatItAdded() throws Exception {
        Path first = write("first.csv", HEADER + "\ngithub,code,octo/a,,1,10,,,,,5,,,,\n");
        Path second = write("second.csv", HEADER + "\ngithub,code,octo/a,,2,20,,,,,6,,,,\ngithub,code,octo/c,,1,1,,,,,0,,,,\n");
        Path third = write("third.csv", HEADER + "\ngithub,code,octo/a,,3,30,,,,,7,,,,\n");
        importFiles(first);
        String afterFirst = TableDump.repositories(projectFile).toString();
        importFiles(second);
        importFiles(third);
        try (Project project = Project.open(projectFile)) {
            List<ImportBatch> batches = ImportBatches.list(project);
            long secondId = batches.get(1).id();
            // Removing the middle batch: octo/c goes, octo/a keeps the third batch's values.
            ImportBatches.remove(project, secondId);
        }
        List<String> rows = TableDump.repositories(projectFile);
        assertEquals(1, rows.size());
        assertTrue(rows.getFirst().startsWith("github|code|octo/a|null|3|30"), rows.getFirst());
        try (Project project = Project.open(projectFile)) {
            ImportBatches.remove(project, ImportBatches.list(project).getFirst().id());
        }
        // With the third gone too, octo/a is back to the first import's version.
        assertEquals(afterFirst, TableDump.repositories(projectFile).toString());
        assertEquals(List.of(), TableDump.rows(projectFile, "SELECT * FROM repository_history"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "wrong header | platform,repo_type,full_name,created,contributors,commits,pull_requests,merged_pull_requests,"
            + "issues,discussions,stars,forks,downloads,likes,derivatives\\ngithub,code,a/b,,1,1,,,,,,,,,\\n"
            + " | bad.csv:1: header: missing column(s) \"created_at\"; the canonical header is platform,repo_type,"
            + "full_name,created_at,contributors,commits,pull_requests,merged_pull_requests,issues,discussions,stars,"
            + "forks,downloads,likes,derivatives",
        "non-numeric count | HEADER\\ngithub,code,a/b,,1,1,,,,,lots,,,,\\n"
            + " | bad.csv:2: column \"stars\": \"lots\" is not a number; counts are whole numbers ≥ 0 or empty",
        "negative count | HEADER\\ngithub,code,a/b,,1,1,,,,,,-4,,,\\n"
            + " | bad.csv:2: column \"forks\": \"-4\" is negative; counts are whole numbers ≥ 0",
        "fraction | HEADER\\ngithub,code,a/b,,1.5,1,,,,,,,,,\\n"
            + " | bad.csv:2: column \"contributors\": \"1.5\" is not a whole number; counts are whole numbers ≥ 0",
        "unknown platform | HEADER\\ngithub,code,a/b,,1,1,,,,,,,,,\\ngitlab,code,a/b,,1,1,,,,,,,,,\\n"
            + " | bad.csv:3: column \"platform\": \"gitlab\" is not a known platform (github, huggingface)",
        "unknown repo_type | HEADER\\nhuggingface,notebook,a/b,,1,1,,,,,,,,,\\n"
            + " | bad.csv:2: column \"repo_type\": \"notebook\" is not a known repository type (code, model, dataset, space)",
        "type of the other platform | HEADER\\ngithub,model,a/b,,1,1,,,,,,,,,\\n"
            + " | bad.csv:2: column \"repo_type\": \"model\" is not a GitHub repository type (code)",
        "bad date | HEADER\\ngithub,code,a/b,last week,1,1,,,,,,,,,\\n"
            + " | bad.csv:2: column \"created_at\": \"last week\" is not a date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM:SSZ)",
        "merged above total | HEADER\\ngithub,code,a/b,,1,1,2,3,,,,,,,\\n"
            + " | bad.csv:2: column \"merged_pull_requests\": 3 is more than pull_requests (2)",
        "bare quote | HEADER\\ngithub,code,a/b,,1,1,,,,,,,,,\\ngithub,code,a/\"c,,1,1,,,,,,,,,\\n"
            + " | bad.csv:3: character 15: malformed quote: a quote inside an unquoted field (quote the whole field and double the quote: \"\")",
        "unclosed quote | HEADER\\ngithub,code,a/b,,1,1,,,,,,,,,\\ngithub,code,\"a/c,,1,1,,,,,,,,,\\n"
            + " | bad.csv:3: a quoted field is never closed (its quote opens on line 3; the file may be truncated)",
        "too few fields | HEADER\\ngithub,code,a/b,,1,1\\n | bad.csv:2: has 6 fields, but the header has 15",
    })
    void rejectsBadCsvAsAWholeWithFileLineAndColumn(String description, String content, String message)
            throws Exception {
        importFiles(write("good.csv", HEADER + "\ngithub,code,keep/me,,1,1,,,,,,,,,\n"));
        String before = snapshot();
        Path bad = write("bad.csv", content.replace("HEADER", HEADER).replace("\\n", "\n"));
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> importFiles(bad));
        assertEquals(message, error.getMessage());
        assertEquals(before, snapshot());
    }

    @Test
    void rejectsInvalidUtf8WithItsLine() throws Exception {
        byte[] good = (HEADER + "\ngithub,code,a/b,,1,1,,,,,,,,,\ngithub,code,a/").getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 20];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = (byte) 0xC3;
        bad[good.length + 1] = (byte) 0x28;
        byte[] rest = ",,1,1,,,,,,,,,\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(rest, 0, bad, good.length + 2, Math.min(rest.length, 18));
        Path file = folder.resolve("latin.csv");
        Files.write(file, java.util.Arrays.copyOf(bad, good.length + 2 + Math.min(rest.length, 18)));
        String before = snapshot();
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> importFiles(file));
        assertEquals("latin.csv:3: character 15: invalid UTF-8 (byte 0xC3; save the file as UTF-8)",
                error.getMessage());
        assertEquals(before, snapshot());
    }

    @Test
    void oneBadFileOfSeveralImportsNothing() throws Exception {
        Path good = write("good.csv", HEADER + "\ngithub,code,a/b,,1,1,,,,,,,,,\n");
        Path bad = write("bad.csv", HEADER + "\ngithub,code,a/c,,x,1,,,,,,,,,\n");
        String before = snapshot();
        assertThrows(InvalidInputException.class, () -> importFiles(good, bad));
        assertEquals(before, snapshot());
    }

    @Test
    void skipInvalidImportsTheGoodRowsAndWritesTheRejectedOnesWithReasons() throws Exception {
        Path csv = write("mixed.csv", HEADER + "\ngithub,code,a/b,,1,1,,,,,,,,,\ngithub,code,a/c,,x,1,,,,,,,,,\n"
                + "gitlab,code,a/d,,1,1,,,,,,,,,\nhuggingface,model,m,,1,1,,,,,,,,,\n");
        ImportRepositories.Report report = importFiles(new ImportOptions(true, Optional.empty()), csv);
        assertEquals("imported 2 repositories (2 added, 0 updated, 2 skipped) from 1 file(s)", report.summary());
        Path side = report.files().getFirst().rejectedFile();
        assertEquals(folder.resolve("mixed.csv.rejected.csv"), side);
        List<String> lines = Files.readAllLines(side);
        assertEquals("place,reason,row", lines.getFirst());
        assertTrue(lines.get(1).startsWith("mixed.csv:3,\"column \"\"contributors\"\": \"\"x\"\" is not a number"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("mixed.csv:4,\"column \"\"platform\"\": \"\"gitlab\"\""), lines.get(2));
        try (Project project = Project.open(projectFile)) {
            assertEquals(2, ImportBatches.list(project).getFirst().skipped());
        }
    }

    @Test
    void emptyAndHeaderOnlyFilesImportZeroRows() throws Exception {
        ImportRepositories.Report report = importFiles(write("empty.csv", ""), write("header.csv", HEADER + "\n"),
                write("empty.jsonl", ""));
        assertEquals("imported 0 repositories (0 added, 0 updated, 0 skipped) from 3 file(s)", report.summary());
    }

    @Test
    void importsJsonLinesWithTheSameKeys() throws Exception {
        Path jsonl = write("sample.jsonl", """
                {"platform":"github","repo_type":"code","full_name":"octo/a","created_at":"2020-01-01T00:00:00+02:00","contributors":2,"stars":"7","topics":["ml","cli"]}
                {"platform":"huggingface","repo_type":"dataset","full_name":"org/data","downloads":3.0,"likes":null,"discussions":4}
                """);
        importFiles(jsonl);
        assertEquals(List.of(
                "github|code|octo/a|2019-12-31T22:00:00Z|2|null|null|null|null|null|7|null|null|null|null|{\"topics\":[\"ml\",\"cli\"]}",
                "huggingface|dataset|org/data|null|null|null|null|null|null|4|null|null|3|null|null|null"),
                TableDump.repositories(projectFile));
    }

    @Test
    void truncatedJsonIsRejectedWithItsLine() throws Exception {
        Path jsonl = write("cut.jsonl", "{\"platform\":\"github\",\"repo_type\":\"code\",\"full_name\":\"a/b\"}\n"
                + "{\"platform\":\"github\",\"repo_type\":\"code\",\"full_na");
        String before = snapshot();
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> importFiles(jsonl));
        assertTrue(error.getMessage().startsWith("cut.jsonl:2: invalid JSON: truncated JSON"), error.getMessage());
        assertEquals(before, snapshot());
        Path array = write("cut.json", "[{\"full_name\":\"a/b\",\"stargazers_count\":1},");
        error = assertThrows(InvalidInputException.class, () -> importFiles(array));
        assertTrue(error.getMessage().startsWith("cut.json:1: "), error.getMessage());
        assertTrue(error.getMessage().contains("truncated JSON"), error.getMessage());
        assertEquals(before, snapshot());
    }

    @Test
    void duplicateKeysInJsonAreRejected() throws Exception {
        Path jsonl = write("dup.jsonl", "{\"platform\":\"github\",\"platform\":\"huggingface\"}\n");
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> importFiles(jsonl));
        assertTrue(error.getMessage().startsWith("dup.jsonl:1: invalid JSON: Duplicate field 'platform'"),
                error.getMessage());
    }

    @Test
    void importsGitHubApiJsonArraysAndSearchResponses() throws Exception {
        Path repos = write("repos.json", """
                [{"id": 1, "full_name": "octocat/Hello-World", "created_at": "2011-01-26T19:01:12Z",
                  "stargazers_count": 80, "forks_count": 9, "open_issues_count": 0, "language": "C",
                  "topics": ["demo"], "license": {"spdx_id": "MIT"}, "owner": {"login": "octocat", "type": "User"},
                  "forks_url": "https://api.github.com/x", "html_url": "https://github.com/octocat/Hello-World"}]
                """);
        Path search = write("search.json", """
                {"total_count": 1, "incomplete_results": false, "items": [
                  {"full_name": "torvalds/linux", "created_at": "2011-09-04T22:48:12Z", "stargazers_count": 180000,
                   "forks_count": 54000, "html_url": "https://github.com/torvalds/linux"}]}
                """);
        importFiles(repos, search);
        assertEquals(List.of(
                "github|code|octocat/Hello-World|2011-01-26T19:01:12Z|null|null|null|null|null|null|80|9|null|null|null|"
                        + "{\"open_issues_count\":0,\"language\":\"C\",\"topics\":[\"demo\"],"
                        + "\"html_url\":\"https://github.com/octocat/Hello-World\",\"license\":\"MIT\","
                        + "\"owner\":\"octocat\",\"owner_type\":\"User\"}",
                "github|code|torvalds/linux|2011-09-04T22:48:12Z|null|null|null|null|null|null|180000|54000|null|null|"
                        + "null|{\"html_url\":\"https://github.com/torvalds/linux\"}"),
                TableDump.repositories(projectFile));
    }

    @Test
    void importsHuggingFaceApiJsonTellingTypesApart() throws Exception {
        Path models = write("hub-export.json", """
                [{"_id": "x1", "id": "google-bert/bert-base-uncased", "modelId": "google-bert/bert-base-uncased",
                  "author": "google-bert", "likes": 2100, "downloads": 60000000, "createdAt": "2022-03-02T23:29:04.000Z",
                  "pipeline_tag": "fill-mask", "library_name": "transformers", "childrenModelCount": 5000,
                  "tags": ["transformers", "pytorch"], "cardData": {"license": "apache-2.0"}},
                 {"id": "gradio/hello", "sdk": "gradio", "likes": 3, "createdAt": "2023-04-05T06:07:08.000Z"}]
                """);
        Path datasets = write("datasets.json", """
                [{"id": "org/corpus", "likes": 4, "downloads": 10, "createdAt": "2024-01-01T00:00:00.000Z"}]
                """);
        importFiles(models, datasets);
        assertEquals(List.of(
                "huggingface|model|google-bert/bert-base-uncased|null|null|null|null|null|null|null|null|null|60000000|"
                        + "2100|5000|{\"author\":\"google-bert\",\"pipeline_tag\":\"fill-mask\","
                        + "\"library_name\":\"transformers\",\"tags\":[\"transformers\",\"pytorch\"],\"license\":\"apache-2.0\"}",
                "huggingface|space|gradio/hello|2023-04-05T06:07:08Z|null|null|null|null|null|null|null|null|null|3|null|"
                        + "{\"sdk\":\"gradio\"}",
                "huggingface|dataset|org/corpus|2024-01-01T00:00:00Z|null|null|null|null|null|null|null|null|10|4|null|null"),
                TableDump.repositories(projectFile));
    }

    @Test
    void huggingFaceObjectOfUnknownTypeAsksForTheType() throws Exception {
        Path file = write("export.json", "[{\"id\": \"org/thing\", \"likes\": 1}]");
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> importFiles(file));
        assertEquals("export.json:1: item 1: cannot tell whether this Hugging Face repository is a model, dataset or"
                + " space; name the file models.json, datasets.json or spaces.json, or pass --hf-type",
                error.getMessage());
        importFiles(new ImportOptions(false, Optional.of(RepoType.SPACE)), file);
        assertTrue(TableDump.repositories(projectFile).getFirst().startsWith("huggingface|space|org/thing"));
    }

    @Test
    void unsupportedFilesAreRefusedBeforeAnythingIsRead() throws Exception {
        assertEquals(folder.resolve("data.xlsx") + ": unsupported file type (.xlsx); import CSV (.csv), JSON Lines"
                        + " (.jsonl), JSON saved from the GitHub or Hugging Face API (.json) or Parquet (.parquet)",
                assertThrows(InvalidInputException.class, () -> importFiles(write("data.xlsx", "x"))).getMessage());
        assertEquals(folder + ": is a folder, not a file",
                assertThrows(InvalidInputException.class, () -> importFiles(folder)).getMessage());
        assertEquals(folder.resolve("absent.csv") + ": no such file",
                assertThrows(InvalidInputException.class, () -> importFiles(folder.resolve("absent.csv"))).getMessage());
    }

    @Test
    void placeholderCreationDateOfHuggingFaceIsUnknown() throws Exception {
        importFiles(write("hf.csv", HEADER + "\nhuggingface,model,old/model,2022-03-02T23:29:04.000Z,1,1,,,,,,,,,\n"
                + "github,code,old/repo,2022-03-02T23:29:04Z,1,1,,,,,,,,,\n"));
        List<String> rows = TableDump.repositories(projectFile);
        assertTrue(rows.get(0).startsWith("github|code|old/repo|2022-03-02T23:29:04Z|"), rows.get(0));
        assertTrue(rows.get(1).startsWith("huggingface|model|old/model|null|"), rows.get(1));
    }

    @Test
    void exportsRoundTripThroughCsvAndJsonLines() throws Exception {
        Path csv = write("sample.csv", HEADER + ",language,note\n"
                + "github,code,octo/a,2019-04-01T10:00:00Z,3,120,10,7,4,,52,9,,,,Java,\"with, comma\"\n"
                + "huggingface,model,acme/m,2023-01-02,1,5,0,0,,2,,,1234,8,3,,\n"
                + "huggingface,space,acme/s,,,,,,,,,,,,,,\n");
        importFiles(csv);
        List<String> original = TableDump.repositories(projectFile);
        for (String extension : List.of("csv", "jsonl")) {
            Path export = folder.resolve("export." + extension);
            try (Project project = Project.open(projectFile)) {
                assertEquals(3, ExportRepositories.export(project, export,
                        org.divergence.core.repositories.RepositoryFilter.ALL, Progress.NONE));
            }
            Path copy = folder.resolve("copy-" + extension + ".divergence");
            try (Project project = Project.create(copy)) {
                new ImportRepositories(project).importFiles(List.of(export), ImportOptions.defaults(),
                        Progress.NONE);
            }
            assertEquals(original, TableDump.repositories(copy), extension);
        }
        Path onlyModels = folder.resolve("models.csv");
        try (Project project = Project.open(projectFile)) {
            ExportRepositories.export(project, onlyModels, org.divergence.core.repositories.RepositoryFilter.parse(
                    List.of("repo_type=model"), null, null), Progress.NONE);
        }
        assertEquals(2, Files.readAllLines(onlyModels).size());
        assertFalse(Files.exists(folder.resolve("models.csv.partial")));
    }

    /**
     * Several full multi-row statements and a remainder, rows of every type, and extra columns on a few rows only:
     * each row keeps its own platform, counts and extra columns, in a bulk load into the empty table and in an
     * update of every row by a second import.
     */
    @Test
    void manyRowsWithExtraColumnsOnSomeKeepEveryValueInBulkAndInUpdates() throws Exception {
        int rows = 3 * RepositoryTableWriter.ROWS_PER_STATEMENT + 17;
        importFiles(write("first.csv", manyRows(rows, 0)));
        assertEquals(expectedManyRows(rows, 0), TableDump.repositories(projectFile));

        ImportRepositories.Report report = importFiles(write("second.csv", manyRows(rows, 1000)));
        assertEquals(rows, report.updated());
        assertEquals(expectedManyRows(rows, 1000), TableDump.repositories(projectFile));
    }

    /**
     * Each statement leaves out the counts unknown in all its rows; a file whose statements differ in that more
     * often than the writer keeps statements for still stores every value.
     */
    @Test
    void statementsOfManyDifferentUnknownColumnsKeepEveryValue() throws Exception {
        int chunks = 20;
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        List<String> expected = new java.util.ArrayList<>();
        for (int chunk = 0; chunk < chunks; chunk++) {
            int unknown = chunk + 1; // a different set of unknown count columns in each statement
            for (int i = 0; i < RepositoryTableWriter.ROWS_PER_STATEMENT; i++) {
                String name = String.format("owner/c%02d-%03d", chunk, i);
                StringBuilder counts = new StringBuilder();
                StringBuilder stored = new StringBuilder();
                for (int column = 0; column < 11; column++) {
                    boolean isUnknown = (unknown & (1 << column)) != 0;
                    counts.append(',').append(isUnknown ? "" : String.valueOf(1000 + i - column));
                    stored.append('|').append(isUnknown ? "null" : String.valueOf(1000 + i - column));
                }
                csv.append("github,code,").append(name).append(",2021-05-06").append(counts).append('\n');
                expected.add("github|code|" + name + "|2021-05-06" + stored + "|null");
            }
        }
        importFiles(write("shapes.csv", csv.toString()));
        assertEquals(expected, TableDump.repositories(projectFile));
        ImportRepositories.Report again = importFiles(write("shapes-again.csv", csv.toString()));
        assertEquals(expected.size(), again.updated());
        assertEquals(expected, TableDump.repositories(projectFile));
    }

    @Test
    void theCommandLinesSoleUserImportGivesTheSameRowsAndLeavesTheProjectInWal() throws Exception {
        int rows = RepositoryTableWriter.ROWS_PER_STATEMENT + 5;
        try (Project project = Project.open(projectFile)) {
            new ImportRepositories(project).asSoleUser().importFiles(List.of(write("a.csv", manyRows(rows, 0))),
                    ImportOptions.defaults(), Progress.NONE);
            assertEquals("wal", project.read(c -> TableDump.rows(c, "PRAGMA journal_mode")).getFirst());
        }
        assertEquals(expectedManyRows(rows, 0), TableDump.repositories(projectFile));
        assertFalse(Files.exists(folder.resolve("study.divergence-journal")));
    }

    private static final String[][] TYPES = {{"github", "code"}, {"huggingface", "model"},
        {"huggingface", "dataset"}, {"huggingface", "space"}};

    private static String manyRows(int rows, int offset) {
        StringBuilder csv = new StringBuilder(HEADER).append(",note\n");
        for (int i = 0; i < rows; i++) {
            String[] type = TYPES[i % 4];
            csv.append(type[0]).append(',').append(type[1]).append(",owner/r").append(i).append(",2020-01-02,")
                    .append(i + offset).append(',').append(i % 3 == 0 ? "" : String.valueOf(2 * i))
                    .append(",,,,,,,,,").append(i % 5 == 0 ? "" : String.valueOf(7)).append(",")
                    .append(i % 97 == 5 ? "n" + i : "").append('\n');
        }
        return csv.toString();
    }

    private static List<String> expectedManyRows(int rows, int offset) {
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String[] type = TYPES[i % 4];
            expected.add(type[0] + "|" + type[1] + "|owner/r" + i + "|2020-01-02|" + (i + offset) + "|"
                    + (i % 3 == 0 ? "null" : 2 * i) + "|null|null|null|null|null|null|null|null|"
                    + (i % 5 == 0 ? "null" : "7") + "|" + (i % 97 == 5 ? "{\"note\":\"n" + i + "\"}" : "null"));
        }
        // In TableDump's order: by platform, then name.
        expected.sort(java.util.Comparator.comparing((String row) -> row.split("\\|")[0])
                .thenComparing(row -> row.split("\\|")[2]));
        return expected;
    }

    @Test
    void extraColumnsKeepTheirTextExactly() throws Exception {
        importFiles(write("x.csv", HEADER + ",zip\ngithub,code,a/b,,,,,,,,,,,,,00123\n"));
        assertTrue(TableDump.repositories(projectFile).getFirst().endsWith("{\"zip\":\"00123\"}"));
    }

    @Test
    void cancellingAnImportLeavesTheProjectAsItWas() throws Exception {
        importFiles(write("first.csv", HEADER + "\ngithub,code,keep/me,,1,1,,,,,,,,,\n"));
        String before = snapshot();
        StringBuilder big = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 100_000; i++) {
            big.append("github,code,many/r").append(i).append(",,1,1,,,,,,,,,\n");
        }
        Path file = write("big.csv", big.toString());
        Progress cancelAfterFirstUpdate = new Progress() {
            private volatile boolean cancelled;

            @Override
            public void update(long done, long total, String message) {
                cancelled = true;
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
        try (Project project = Project.open(projectFile)) {
            assertThrows(org.divergence.core.common.CancelledException.class, () -> new ImportRepositories(project)
                    .importFiles(List.of(file), ImportOptions.defaults(), cancelAfterFirstUpdate));
        }
        assertEquals(before, snapshot());
    }
}
