package org.divergence.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.divergence.app.repositories.ImportRepositories;
import org.divergence.app.repositories.RemoveImportBatch;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.GroupSplits;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricSet;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.core.stats.FrequencyTable;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.store.metrics.RepositoryMetricsReader;
import org.divergence.store.project.ContentDigests;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.ProjectChecksum;
import org.divergence.store.repositories.CollectedRepositories;
import org.divergence.store.repositories.MetricSummaries;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.tags.TagRules;
import org.divergence.core.undo.UndoHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metric summary answers exactly what a scan of the rows answers (the same tables, hence the same statistics to
 * the last bit), after a bulk import with a repeated repository, imports that update and add, a live-collected
 * repository, tagging, and the removal (undo) of an import; and the integrity check finds it matching the rows.
 */
class ComparisonFromSummaryTest {

    private static final List<RepositoryFilter> FILTERS = List.of(
            RepositoryFilter.ALL,
            RepositoryFilter.parse(List.of("platform=huggingface"), null, null),
            RepositoryFilter.parse(List.of("repo_type=code,model"), "2022-05-25", "2024-12-31"),
            RepositoryFilter.parse(List.of(), "2020-01-01", "2022-12-31"),
            RepositoryFilter.parse(List.of(), "2021-03-15", null),
            RepositoryFilter.parse(List.of(), null, "2023-08-09"),
            RepositoryFilter.parse(List.of(), "2023-02-03", "2023-02-20"),
            RepositoryFilter.parse(List.of(), "2023-02-01", "2023-02-28"),
            RepositoryFilter.parse(List.of("platform=github", "repo_type=code"), "2019-06-30", "2019-07-01"));

    @TempDir
    Path folder;

    @Test
    void summaryAndScanAgreeThroughImportsCollectionTaggingAndRemoval() throws IOException {
        List<String> lines = golden();
        String header = lines.getFirst();
        List<String> rows = lines.subList(1, lines.size());
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            // A bulk load into the empty table that repeats one repository (its last row wins).
            List<String> first = new ArrayList<>(rows.subList(0, 200));
            first.add(changed(rows.get(5), 1));
            importCsv(project, "first.csv", header, first);
            assertAgree(project);

            // Updates 50 of those and adds 110 more; then updates some again.
            List<String> second = rows.subList(150, rows.size()).stream().map(row -> changed(row, 2)).toList();
            long secondBatch = importCsv(project, "second.csv", header, second);
            importCsv(project, "third.csv", header, rows.subList(180, 230).stream().map(row -> changed(row, 3))
                    .toList());
            assertAgree(project);

            // One repository stored by live collection, new, then updated.
            for (long contributors : new long[] {4, 9}) {
                project.write(EnumSet.of(DataArea.REPOSITORIES, DataArea.BATCHES), connection -> {
                    long batch = CollectedRepositories.beginBatch(connection, "test crawl", "api");
                    return CollectedRepositories.store(connection, batch, new RepositoryRow(Platform.HUGGINGFACE,
                            RepoType.SPACE, "collected/one").createdAt("2023-02-10T08:00:00Z")
                            .count(CountColumn.CONTRIBUTORS, contributors).count(CountColumn.LIKES, 3L));
                });
            }
            assertAgree(project);

            // Tags leave the summary alone; comparisons filtered by a tag scan the rows.
            long code = new CodebookStore(project).createCode(null, "Compute requirements", null).run();
            UndoHistory history = new UndoHistory();
            history.execute(TagRules.add(project, code, "contributors >= 2"));
            assertAgree(project);
            history.undo();
            assertAgree(project);

            // Hand tags, and a code whose deletion takes its tags along (a cascade).
            long handCode = new CodebookStore(project).createCode(null, "Hand-picked", null).run();
            org.divergence.store.tags.RepositoryTags tags = new org.divergence.store.tags.RepositoryTags(project);
            long[] some = project.read(c -> org.divergence.store.project.Sql.list(c,
                    org.divergence.store.project.SqlText.of("SELECT id FROM repository ORDER BY id LIMIT 40"),
                    rs -> rs.getLong(1))).stream().mapToLong(Long::longValue).toArray();
            history.execute(tags.tag(tags.resolve("Hand-picked"), some));
            assertAgree(project);
            new CodebookStore(project).deleteCode(handCode).run();
            assertAgree(project);

            // Taking the second import back restores what it replaced and removes what it added.
            RemoveImportBatch.remove(project, secondBatch);
            assertAgree(project);
        }
    }

    @Test
    void aProjectWithoutASummaryGetsOneFromItsFirstComparison() throws IOException {
        List<String> lines = golden();
        try (Project project = Project.create(folder.resolve("old.divergence"))) {
            importCsv(project, "all.csv", lines.getFirst(), lines.subList(1, lines.size()));
            project.write(EnumSet.noneOf(DataArea.class), connection -> {
                org.divergence.store.project.Sql.execute(connection,
                        org.divergence.store.project.SqlText.of("DELETE FROM metric_summary_built"));
                return null;
            });
            assertTrue(!project.read(MetricSummaries::isBuilt));
            assertAgree(project);
            assertTrue(project.read(MetricSummaries::isBuilt));
        }
    }

    private static void assertAgree(Project project) {
        assertEquals(List.of(), project.read(MetricSummaries::check), "the summary matches the rows");
        // So do the content digests (docs/decisions/0136), whichever code wrote.
        assertEquals(List.of(), project.read(ContentDigests::check), "the content digests match the rows");
        assertEquals(project.read(c -> ProjectChecksum.fromRows(c, Progress.NONE)),
                ProjectChecksum.of(project, Progress.NONE), "the checksum from the digests is the rows' checksum");
        for (GroupSplit split : List.of(GroupSplits.PLATFORM, GroupSplits.REPO_TYPE)) {
            for (RepositoryFilter filter : FILTERS) {
                for (boolean byTime : new boolean[] {false, true}) {
                    MetricAccumulator summary = RepositoryMetricsReader.read(project, split, filter,
                            MetricSet.BUILT_IN, byTime, Progress.NONE, 0);
                    MetricAccumulator scan = RepositoryMetricsReader.scan(project, split, filter,
                            MetricSet.BUILT_IN, byTime, Progress.NONE, 1);
                    String where = split + ", " + filter.describe() + (byTime ? ", by creation time" : "");
                    assertSameTables(scan, summary, where);
                    if (filter != FILTERS.get(0) && filter != FILTERS.get(2)) {
                        continue; // the same tables give the same statistics: two filters show it end to end
                    }
                    Stratification stratification = byTime ? Stratification.CREATED_YEAR : Stratification.NONE;
                    assertEquals(CompareRepositories.compare(scan, filter, BootstrapMedianDifference.Settings.DEFAULT,
                                    stratification, Progress.NONE),
                            CompareRepositories.compare(summary, filter, BootstrapMedianDifference.Settings.DEFAULT,
                                    stratification, Progress.NONE), where);
                }
            }
        }
    }

    private static void assertSameTables(MetricAccumulator expected, MetricAccumulator actual, String where) {
        assertEquals(expected.rowsRead(), actual.rowsRead(), where);
        for (int group = 0; group < expected.split().groups().size(); group++) {
            assertEquals(expected.rows(group), actual.rows(group), where);
            for (Metric metric : SummaryMetrics.NUMERIC) {
                assertEquals(describe(expected.table(group, metric)), describe(actual.table(group, metric)),
                        where + ", " + metric.key());
            }
            if (expected.byCreationTime()) {
                assertEquals(expected.timeline().monthly(group), actual.timeline().monthly(group), where);
                assertEquals(expected.timeline().undated(group), actual.timeline().undated(group), where);
                for (int year : expected.timeline().years(group)) {
                    for (Metric metric : SummaryMetrics.NUMERIC) {
                        assertEquals(describe(expected.tableByYear(group, metric, year)),
                                describe(actual.tableByYear(group, metric, year)), where + ", " + year);
                    }
                }
            }
        }
    }

    private static String describe(FrequencyTable table) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < table.distinct(); i++) {
            text.append(Double.doubleToRawLongBits(table.value(i))).append('×').append(table.count(i)).append(' ');
        }
        return text.toString();
    }

    /** The built-in metrics with tables of their own. */
    private static final class SummaryMetrics {
        static final List<Metric> NUMERIC = List.copyOf(org.divergence.core.metrics.SummaryCell.METRICS);
    }

    /** The row with its counts changed (contributors, commits, stars or likes + variant), so an update shows. */
    private static String changed(String row, int variant) {
        String[] cells = row.split(",", -1);
        for (int column : new int[] {4, 5, 10, 13}) {
            if (!cells[column].isEmpty()) {
                cells[column] = Long.toString(Long.parseLong(cells[column]) * variant + variant);
            }
        }
        return String.join(",", cells);
    }

    private long importCsv(Project project, String name, String header, List<String> rows) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, header + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return new ImportRepositories(project).importFiles(List.of(file), ImportOptions.defaults(), Progress.NONE)
                .files().getFirst().batchId();
    }

    private static List<String> golden() throws IOException {
        try (InputStream in = ComparisonFromSummaryTest.class.getResourceAsStream("/golden/small.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
