package org.divergence.app.repositories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.divergence.cli.common.ExitCodes;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.ImportBatch;
import org.divergence.core.repositories.RepoType;
import org.divergence.exchange.repositories.ImportFormat;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.exchange.repositories.ImportPreview;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.ImportBatches;
import org.divergence.store.repositories.MetricSummaries;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.ParquetFixtures;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parquet imports against files DuckDB writes: canonical columns, Hub snapshots, and what is refused. */
class ParquetImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    Path projectFile;

    @BeforeEach
    void createProject() {
        projectFile = folder.resolve("population.divergence");
        Project.create(projectFile).close();
    }

    private ImportRepositories.Report importFiles(ImportOptions options, Path... files) {
        try (Project project = Project.open(projectFile)) {
            return new ImportRepositories(project).importFiles(List.of(files), options, Progress.NONE);
        }
    }

    private Path parquet(String name, String query) {
        return ParquetFixtures.write(folder.resolve(name), query);
    }

    private List<String> rows(String sql) {
        return TableDump.rows(projectFile, sql);
    }

    @Test
    void canonicalColumnsOfAnyIntegerTypeImportAsTheSameRowsAsCsv() throws Exception {
        Path csv = folder.resolve("sample.csv");
        Files.writeString(csv, RepositoryImportTest.HEADER + ",language\n"
                + "github,code,octo/widgets,2019-04-01T10:00:00Z,3,120,10,7,4,,52,9,,,,Java\n"
                + "huggingface,model,acme/bert-tiny,2023-01-02,1,5,0,0,,2,,,1234,8,3,\n"
                + "huggingface,dataset,acme/bert-tiny,,,,,,,,,,99,1,,\n", StandardCharsets.UTF_8);
        // Integers of several Parquet types (8 to 64 bits, signed and unsigned), nulls, and an extra text column.
        Path parquet = parquet("sample.parquet", "SELECT platform, repo_type, full_name, created_at,"
                + " contributors::TINYINT AS contributors, commits::UINTEGER AS commits,"
                + " pull_requests::SMALLINT AS pull_requests, merged_pull_requests::USMALLINT AS merged_pull_requests,"
                + " issues::INTEGER AS issues, discussions::UBIGINT AS discussions, stars::BIGINT AS stars,"
                + " forks::UTINYINT AS forks, downloads::BIGINT AS downloads, likes::DOUBLE AS likes,"
                + " derivatives::HUGEINT::BIGINT AS derivatives, language FROM read_csv('" + csv + "', all_varchar ="
                + " true)");
        importFiles(ImportOptions.defaults(), csv);
        List<String> fromCsv = TableDump.repositories(projectFile);
        Files.delete(folder.resolve("population.divergence"));
        createProject();
        ImportRepositories.Report report = importFiles(ImportOptions.defaults(), parquet);
        assertEquals(ImportFormat.PARQUET, report.files().getFirst().format());
        assertEquals(fromCsv, TableDump.repositories(projectFile));
        assertEquals(3, fromCsv.size());
        assertEquals(64, report.files().getFirst().sha256().length());
    }

    @Test
    void timestampsAndDatesAreTheCanonicalCreationDate() {
        Path parquet = parquet("times.parquet", "SELECT * FROM (VALUES"
                + " ('github', 'code', 'a/micros', TIMESTAMPTZ '2021-02-03 04:05:06.789+00', DATE '2021-02-03'),"
                + " ('github', 'code', 'a/none', NULL, NULL)) t(platform, repo_type, full_name, created_at, day),"
                + " (SELECT NULL::BIGINT AS contributors, NULL::BIGINT AS commits, NULL::BIGINT AS pull_requests,"
                + " NULL::BIGINT AS merged_pull_requests, NULL::BIGINT AS issues, NULL::BIGINT AS discussions,"
                + " 1::BIGINT AS stars, NULL::BIGINT AS forks, NULL::BIGINT AS downloads, NULL::BIGINT AS likes,"
                + " NULL::BIGINT AS derivatives)");
        importFiles(ImportOptions.defaults(), parquet);
        assertEquals(List.of("a/micros|2021-02-03T04:05:06Z|{\"day\":\"2021-02-03\"}", "a/none|null|null"),
                rows("SELECT full_name, created_at, extra FROM repository ORDER BY full_name"));
    }

    @Test
    void aHubModelsSnapshotCountsDerivativesInSqliteAndKeepsTheRestAsExtras() throws Exception {
        Path models = parquet("models.parquet", ParquetFixtures.hubModels(300));
        ImportRepositories.Report report = importFiles(new ImportOptions(false, Optional.empty(),
                LocalDate.parse("2026-12-01")), models);
        assertEquals(300, report.added());
        ImportRepositories.FileReport file = report.files().getFirst();
        assertTrue(file.details().countsDerivatives());
        // Every model of the import; the counts of DuckDB (an independent reference) for those named as a base.
        Map<String, Long> expected = ParquetFixtures.derivatives(models, "true");
        assertFalse(expected.isEmpty());
        List<String> counted = rows("SELECT full_name, derivatives FROM repository WHERE derivatives > 0"
                + " ORDER BY full_name");
        assertEquals(expected.entrySet().stream().map(e -> e.getKey() + "|" + e.getValue()).toList(), counted);
        assertEquals(List.of("300"), rows("SELECT count(*) FROM repository WHERE derivatives IS NOT NULL"),
                "a model no one names has 0 derivatives, known");

        // The Hub's fields: id, createdAt (the placeholder is unknown), downloads, likes; extras; unknown stays null.
        List<String> model7 = rows("SELECT platform, repo_type, created_at, contributors, commits, pull_requests,"
                + " discussions, downloads, likes, extra FROM repository WHERE full_name = 'org7/model-7'");
        assertEquals(1, model7.size());
        String[] cells = model7.getFirst().split("\\|", 10);
        assertEquals(List.of("huggingface", "model", "null", "null", "null", "null", "null"),
                List.of(cells).subList(0, 7), "createdAt was the Hub's placeholder; nothing about collaboration");
        assertEquals(String.valueOf(7L * 7919 % 1000003), cells[7]);
        JsonNode extra = JSON.readTree(cells[9]);
        assertEquals("org7", extra.get("author").asText());
        assertEquals(5, extra.get("tags").size());
        assertEquals(7L * 104729 % 10000019, extra.get("downloadsAllTime").asLong());
        assertEquals("merge", extra.get("base_model_relation").asText());
        assertEquals(2, extra.get("base_model").size());

        // Per relation, on the models that have derivatives; they add up to the total here (one relation each).
        String baseName = expected.keySet().iterator().next();
        String baseExtra = rows("SELECT extra FROM repository WHERE full_name = '" + baseName + "'").getFirst();
        JsonNode base = JSON.readTree(baseExtra);
        long perRelation = 0;
        for (String relation : List.of("finetune", "adapter", "quantized", "merge")) {
            assertTrue(base.has("derivatives_" + relation), baseExtra);
            perRelation += base.get("derivatives_" + relation).asLong();
        }
        assertEquals((long) expected.get(baseName), perRelation);

        ImportBatch batch;
        try (Project project = Project.open(projectFile)) {
            batch = ImportBatches.list(project).getFirst();
        }
        assertEquals("parquet", batch.format());
        assertEquals("2026-12-01", batch.asOf());
        assertTrue(batch.note().contains("derivatives: models of this import naming it in baseModels (any"
                + " relation)"), batch.note());
    }

    @Test
    void derivativesCountAcrossTheFilesOfOneImportAndTheSnapshotsOwnCountWins() {
        // Two halves of one snapshot: the bases are in the first, most of their children in the second.
        Path first = parquet("models-1.parquet", "SELECT * FROM (" + ParquetFixtures.hubModels(300)
                + ") WHERE CAST(split_part(id, '-', 2) AS INTEGER) < 150");
        Path second = parquet("models-2.parquet", "SELECT * FROM (" + ParquetFixtures.hubModels(300)
                + ") WHERE CAST(split_part(id, '-', 2) AS INTEGER) >= 150");
        Path whole = parquet("models.parquet", ParquetFixtures.hubModels(300));
        importFiles(ImportOptions.defaults(), first, second);
        Map<String, Long> expected = ParquetFixtures.derivatives(whole, "true");
        assertEquals(expected.entrySet().stream().map(e -> e.getKey() + "|" + e.getValue()).toList(),
                rows("SELECT full_name, derivatives FROM repository WHERE derivatives > 0 ORDER BY full_name"));

        // A snapshot with the Hub's own count: that is the definition, whatever baseModels says.
        Path counted = parquet("counted.parquet", "SELECT *, 42::BIGINT AS childrenModelCount FROM ("
                + ParquetFixtures.hubModels(20) + ") WHERE id = 'org0/model-0'");
        ImportRepositories.Report report = importFiles(ImportOptions.defaults(), counted);
        assertFalse(report.files().getFirst().details().countsDerivatives());
        assertTrue(report.files().getFirst().details().description().contains("childrenModelCount"));
        assertEquals(List.of("42"), rows("SELECT derivatives FROM repository WHERE full_name = 'org0/model-0'"));
        assertSummaryAgreesWithTheRows();
    }

    /** Derivatives are counted after the rows are stored: the metric summary must follow (ADR 0135). */
    private void assertSummaryAgreesWithTheRows() {
        try (Project project = Project.open(projectFile)) {
            assertTrue(project.read(MetricSummaries::isBuilt), "the first import builds the summary");
            assertEquals(List.of(), project.read(MetricSummaries::check));
        }
    }

    @Test
    void datasetsAndSpacesAreToldByTheirFieldsAndKeepTheirOwnIdentity() {
        Path models = parquet("m.parquet", "SELECT 'acme/x' AS id, 'text-generation' AS pipeline_tag,"
                + " 5::BIGINT AS likes, 10::BIGINT AS downloads");
        Path datasets = parquet("d.parquet", "SELECT 'acme/x' AS id, 'A corpus' AS description, '@misc{x}' AS citation,"
                + " '2023-05-01T10:00:00.000Z' AS createdAt, 7::INTEGER AS likes, 300::BIGINT AS downloads,"
                + " ['task_categories:text-generation'] AS tags");
        Path spaces = parquet("s.parquet", "SELECT 'acme/x' AS id, 'gradio' AS sdk, 11::BIGINT AS likes,"
                + " TIMESTAMP '2024-07-07 07:07:07' AS createdAt");
        ImportRepositories.Report report = importFiles(ImportOptions.defaults(), models, datasets, spaces);
        assertEquals(3, report.added());
        assertEquals(List.of(
                "dataset|2023-05-01T10:00:00Z|300|7|null|{\"description\":\"A corpus\",\"citation\":\"@misc{x}\","
                        + "\"tags\":[\"task_categories:text-generation\"]}",
                "model|null|10|5|null|{\"pipeline_tag\":\"text-generation\"}",
                "space|2024-07-07T07:07:07Z|null|11|null|{\"sdk\":\"gradio\"}"),
                rows("SELECT repo_type, created_at, downloads, likes, derivatives, extra FROM repository"
                        + " ORDER BY repo_type"));
        assertTrue(report.files().getFirst().details().description().contains("derivatives unknown"));
    }

    @Test
    void aFileOfUnknownKindIsRefusedNamingHfTypeWhichThenReadsIt() {
        Path unknown = parquet("export.parquet", "SELECT 'acme/x' AS id, 3::BIGINT AS likes");
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> importFiles(ImportOptions.defaults(), unknown));
        assertTrue(error.getMessage().startsWith("export.parquet: cannot tell what this Parquet file holds")
                && error.getMessage().contains("pass --hf-type model, dataset or space"), error.getMessage());
        assertEquals(List.of("0"), rows("SELECT count(*) FROM import_batch"));

        CliRun run = CliRun.of("import", "--project", projectFile.toString(), "--hf-type", "space",
                unknown.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertEquals(List.of("space|acme/x|3"), rows("SELECT repo_type, full_name, likes FROM repository"));
        CliRun refused = CliRun.of("import", "--project", projectFile.toString(), unknown.toString());
        assertEquals(ExitCodes.INVALID_INPUT, refused.exitCode());
        assertTrue(refused.err().contains("--hf-type"), refused.err());
    }

    @Test
    void aBadValueNamesTheFileRowAndColumnAndSkipInvalidSetsItAside() throws Exception {
        Path bad = parquet("bad.parquet", "SELECT 'huggingface:x' AS ignored, i::VARCHAR AS n, CASE WHEN i = 3 THEN"
                + " 'has space/x' ELSE 'acme/m' || i END AS id, 'fill-mask' AS pipeline_tag, CASE WHEN i = 5 THEN -2"
                + " ELSE i END::BIGINT AS likes FROM range(1, 8) t(i)");
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> importFiles(ImportOptions.defaults(), bad));
        assertEquals("bad.parquet:3: column \"id\": \"has space/x\" contains white space or a control"
                + " character", error.getMessage());
        assertEquals(List.of("0"), rows("SELECT count(*) FROM repository"), "nothing half written");

        ImportRepositories.Report report = importFiles(new ImportOptions(true, Optional.empty()), bad);
        assertEquals(5, report.added());
        assertEquals(2, report.skipped());
        List<String> rejected = Files.readAllLines(report.files().getFirst().rejectedFile());
        assertEquals("place,reason,row", rejected.getFirst());
        assertTrue(rejected.get(2).startsWith("bad.parquet:5,\"column \"\"likes\"\": -2 is negative"), rejected.get(2));
        assertTrue(rejected.get(2).contains("\"\"likes\"\":-2"), rejected.get(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"snappy", "zstd", "gzip", "uncompressed"})
    void readsEveryShippedCodec(String codec) {
        Path file = ParquetFixtures.write(folder.resolve(codec + ".parquet"), ParquetFixtures.hubModels(50), codec,
                ParquetFixtures.PAGE_BYTES);
        assertEquals(50, importFiles(ImportOptions.defaults(), file).added());
    }

    @Test
    void pagesTooLargeToStreamAreRefusedBeforeReadingWithTheLimit() {
        // DuckDB's default writer: one page per column chunk, here about 19 MiB of names.
        Path huge = ParquetFixtures.write(folder.resolve("one-page.parquet"), "SELECT 'org/' || repeat('x', 80) || i"
                + " AS id, 'fill-mask' AS pipeline_tag FROM range(200000) t(i)", "zstd", 0);
        assertTrue(ParquetFixtures.pages(huge)[1] > 16L * 1024 * 1024, "the fixture has a page over the limit");
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> importFiles(ImportOptions.defaults(), huge));
        assertTrue(error.getMessage().startsWith("one-page.parquet: column id has data pages of ")
                && error.getMessage().contains("this import streams files whose pages are at most 16.0 MiB")
                && error.getMessage().contains("DATA_PAGE_SIZE_LIMIT 1048576"), error.getMessage());
    }

    @Test
    void whatIsNotWholeParquetIsRefused() throws Exception {
        Path text = folder.resolve("fake.parquet");
        Files.writeString(text, "platform,repo_type\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> importFiles(ImportOptions.defaults(), text))
                .getMessage().endsWith("fake.parquet: is not a Parquet file (it does not start with PAR1)"));

        Path whole = parquet("whole.parquet", ParquetFixtures.hubModels(100));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(folder.resolve("truncated.parquet"),
                java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals("truncated.parquet: does not end with Parquet's footer (PAR1); the file is truncated or was"
                        + " still being written",
                assertThrows(InvalidInputException.class, () -> importFiles(ImportOptions.defaults(), truncated))
                        .getMessage());
        // Named anything at all, a Parquet file is told by its content.
        Path renamed = Files.copy(whole, folder.resolve("models-snapshot.bin"));
        assertEquals(ImportFormat.PARQUET, ImportFormat.detect(renamed));
    }

    @Test
    void thePreviewShowsTheFirstRows() {
        Path models = parquet("models.parquet", ParquetFixtures.hubModels(5000));
        ImportPreview preview = ImportPreview.of(models, ImportOptions.defaults(), 20);
        assertEquals(ImportFormat.PARQUET, preview.format());
        assertEquals(null, preview.problem());
        assertEquals(20, preview.rows().size());
        assertTrue(preview.moreRows());
        assertEquals("org0/model-0", preview.rows().getFirst().fullName());
        assertEquals(RepoType.MODEL, preview.rows().getFirst().type());
    }
}
