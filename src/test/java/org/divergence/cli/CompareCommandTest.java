package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.divergence.cli.common.ExitCodes;
import org.divergence.store.project.Project;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.RepositorySamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    @TempDir
    static Path folder;

    private static Path small;

    @BeforeAll
    static void createProject() {
        try (Project project = RepositorySamples.projectFromResource(folder.resolve("small.divergence"),
                "/golden/small.csv")) {
            small = project.file();
        }
    }

    private static JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("compare", "--project", small.toString(), "--json"));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void platformJsonHasTheIssuesShape() throws Exception {
        JsonNode root = json();
        assertEquals("platform", root.get("group_by").asText());
        assertEquals("[\"github\",\"huggingface\"]", root.get("groups").toString());
        JsonNode metrics = root.get("metrics");
        assertEquals(12, metrics.size());
        JsonNode contributors = metrics.get(0);
        assertEquals("contributors", contributors.get("metric").asText());
        assertEquals("collaboration_intensity", contributors.get("dimension").asText());
        assertEquals("numeric", contributors.get("kind").asText());
        for (String side : new String[] {"a", "b"}) {
            for (String key : new String[] {"n", "mean", "median", "q1", "q3"}) {
                assertTrue(contributors.get(side).get(key).isNumber(), side + "." + key);
            }
        }
        for (String key : new String[] {"mann_whitney_u", "p_value", "cliffs_delta", "mean_pct_diff"}) {
            assertTrue(contributors.get(key).isNumber(), key);
        }
        JsonNode multi = metrics.get(3);
        assertEquals("multi_contributor", multi.get("metric").asText());
        assertEquals("share", multi.get("kind").asText());
        assertTrue(multi.get("a").get("n").isIntegralNumber());
        assertTrue(multi.get("b").get("share").isDouble());
        for (String key : new String[] {"chi_square", "p_value", "share_diff"}) {
            assertTrue(multi.get(key).isNumber(), key);
        }
        assertEquals(310, root.get("rows_read").asInt());
        assertEquals(10000, root.get("bootstrap").get("resamples").asInt());
        assertEquals(12, root.get("family_size").asInt());
        assertEquals("asymptotic", contributors.get("p_method").asText());
        assertEquals("chi-square", multi.get("p_method").asText());
        for (JsonNode metric : metrics) {
            assertTrue(metric.get("p_holm").isNumber() && metric.get("p_bh").isNumber(), metric.toString());
        }
        assertTrue(root.get("stratify") == null && root.get("strata") == null, "not stratified unless asked");
    }

    @Test
    void stratifiedJsonHasYearsCombinedTestsAndUnknownDates() throws Exception {
        JsonNode root = json("--stratify", "created_year");
        assertEquals("created_year", root.get("stratify").asText());
        JsonNode strata = root.get("strata");
        assertTrue(strata.size() >= 5, strata.toString());
        assertTrue(strata.get(0).get("stratum").asText().matches("\\d{4}"));
        assertEquals(12, strata.get(0).get("metrics").size());
        assertTrue(strata.get(0).get("repositories").has("huggingface"));
        JsonNode stratified = root.get("stratified");
        assertEquals(12, stratified.size());
        assertTrue(stratified.get(0).get("van_elteren_z").isNumber(), stratified.get(0).toString());
        assertTrue(stratified.get(3).get("cmh_chi_square").isNumber(), stratified.get(3).toString());
        assertTrue(root.get("unknown_created").get("github").asInt() > 0);

        JsonNode byType = json("--by", "repo_type", "--stratify", "created_year");
        for (JsonNode pair : byType.get("comparisons")) {
            assertTrue(pair.get("strata").isArray() && pair.get("stratified").size() == 12, pair.toString());
        }
        CliRun text = CliRun.of("compare", "--project", small.toString(), "--stratify", "created_year");
        assertTrue(text.out().contains("Within creation years") && text.out().contains("van Elteren"), text.out());
    }

    @Test
    void repoTypeJsonListsEachHuggingFaceTypeAgainstCode() throws Exception {
        JsonNode root = json("--by", "repo_type", "--where", "repo_type=code,space", "--created-from", "2020-01-01");
        assertEquals("repo_type", root.get("group_by").asText());
        JsonNode comparisons = root.get("comparisons");
        assertEquals(3, comparisons.size());
        assertEquals("[\"code\",\"model\"]", comparisons.get(0).get("groups").toString());
        assertEquals("[\"code\",\"space\"]", comparisons.get(2).get("groups").toString());
        JsonNode modelContributors = comparisons.get(0).get("metrics").get(0);
        assertEquals(0, modelContributors.get("b").get("n").asInt(), "models are filtered out");
        assertTrue(modelContributors.get("p_value").isNull());
        assertTrue(modelContributors.get("b").get("median").isNull());
        assertEquals("[\"repo_type=code\",\"repo_type=space\"]", root.get("filters").get("where").toString());
        assertEquals("2020-01-01", root.get("filters").get("created_from").asText());
    }

    @Test
    void textIsAnAlignedTableWithHeadlines() {
        CliRun run = CliRun.of("compare", "--project", small.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("GitHub (a) vs Hugging Face (b)"), run.out());
        assertTrue(run.out().contains("COLLABORATION INTENSITY\n  Contributors"), run.out());
        assertTrue(run.out().contains("Collaboration intensity: Hugging Face repositories have "), run.out());
        List<String> tableLines = run.out().lines().filter(line -> line.startsWith("  ")).toList();
        assertEquals(12, tableLines.size(), run.out());
        // The last column (the test) is left-aligned text: every row's starts where the header's does.
        int testColumn = run.out().lines().filter(line -> line.startsWith("Metric")).findFirst().orElseThrow()
                .indexOf("Test");
        assertTrue(tableLines.stream().allMatch(line -> line.charAt(testColumn - 1) == ' '
                && line.charAt(testColumn) != ' '), "aligned columns:\n" + run.out());
        assertTrue(run.out().contains("adjusted over the 12 tests of this comparison"), run.out());
    }

    @Test
    void badFilterValuesExitThreeWithAClearMessage() {
        assertInvalid("--where repo_type=modle: unknown repo_type 'modle'; use code, model, dataset or space",
                "--where", "repo_type=modle");
        assertInvalid("--where license=mit: unknown key 'license'; use platform or repo_type",
                "--where", "license=mit");
        assertInvalid("--created-to 31.12.2024: not a date; use YYYY-MM-DD, e.g. 2022-05-25",
                "--created-to", "31.12.2024");
        assertInvalid("--by stars: unknown grouping; use platform, repo_type or tag:NAME", "--by", "stars");
        assertInvalid("--resamples 0: must be at least 1", "--resamples", "0");
        assertInvalid("--stratify license: unknown stratification; use created_year", "--stratify", "license");
    }

    private static void assertInvalid(String message, String... args) {
        List<String> all = new ArrayList<>(List.of("compare", "--project", small.toString()));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
        assertEquals(message, run.err().strip().replaceFirst("^[^:]+: ", ""));
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(ExitCodes.USAGE, CliRun.of("compare", "--project", small.toString(), "--where").exitCode());
        assertEquals(ExitCodes.USAGE, CliRun.of("compare").exitCode());
        assertEquals(ExitCodes.USAGE, CliRun.of("compare", "--project", small.toString(), "--resamples", "x")
                .exitCode());
    }

    @Test
    void benchCompareReportsTimeAndHeap() {
        CliRun run = CliRun.of("bench", "compare", "--project", small.toString(), "--runs", "1");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().matches("(?s).*run 1: 310 rows, --by platform: total \\d+\\.\\d{3} s \\((scan|tables) .*"
                + "peak heap [\\d,]+ MiB.*"), run.out());
        CliRun stratified = CliRun.of("bench", "compare", "--project", small.toString(), "--runs", "1",
                "--stratify", "created_year");
        assertTrue(stratified.out().matches("(?s).*run 1 --stratify created_year: 310 rows.*"
                + "run 1: stratified by created_year / plain = \\d+\\.\\d\\d.*"), stratified.out());
        CliRun exact = CliRun.of("bench", "exact", "--large", "2000", "--runs", "1");
        assertTrue(exact.out().matches("(?s).*run 1: 6 vs 2,000 distinct values: \\d+\\.\\d{3} s, U = \\d+, p = .* "
                + "\\(exact\\).*"), exact.out());
    }

    @Test
    void benchRepositoriesListsSortsFiltersAndScrolls() {
        CliRun run = CliRun.of("bench", "repositories", "--project", small.toString(), "--pages", "20");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("open: 310 repositories counted and listed"), run.out());
        for (var key : org.divergence.core.repositories.SortKey.values()) {
            assertTrue(run.out().contains("sort by " + key.label().toLowerCase(java.util.Locale.ROOT)), key.name());
        }
        assertTrue(run.out().contains("scroll: 20 pages of 60 rows"), run.out());
    }
}
