package org.divergence.store.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.divergence.app.compare.PreviewCustomMetric;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.formulas.CustomMetric;
import org.divergence.core.metrics.GroupSplits;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricSet;
import org.divergence.core.repositories.MetricRange;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.FrequencyTable;
import org.divergence.core.undo.UndoHistory;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.RepositoryBrowser;
import org.divergence.testsupport.RepositorySamples;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom metric definitions in a real project: stored, undone, read in the comparison's scan, and browsed. */
class CustomMetricsTest {

    @TempDir
    Path folder;

    private static final CustomMetric RATE = CustomMetric.define("merge_rate", "merged_pull_requests / pull_requests",
            false, "collaboration_openness");
    private static final CustomMetric ACTIVE = CustomMetric.define("active", "commits >= 10 OR stars >= 5", true,
            null);

    @Test
    void definitionsAreAddedChangedAndRemovedUndoably() {
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            UndoHistory history = new UndoHistory();
            history.execute(CustomMetrics.add(project, RATE));
            history.execute(CustomMetrics.add(project, ACTIVE));
            assertEquals(List.of(ACTIVE, RATE), CustomMetrics.list(project).stream().map(CustomMetrics.Saved::metric)
                    .toList());
            long id = CustomMetrics.list(project).get(1).id();
            CustomMetric changed = CustomMetric.define("merge_rate", "merged_pull_requests / (pull_requests + 1)",
                    false, "openness");
            history.execute(CustomMetrics.update(project, id, changed));
            assertEquals(changed, CustomMetrics.list(project).get(1).metric());
            String before = TableDump.of(project.file(), "custom_metric");
            history.execute(CustomMetrics.remove(project, "MERGE_RATE"));
            assertEquals(List.of(ACTIVE), CustomMetrics.list(project).stream().map(CustomMetrics.Saved::metric)
                    .toList());
            history.undo();
            assertEquals(before, TableDump.of(project.file(), "custom_metric"));
            history.undo();
            assertEquals(RATE, CustomMetrics.list(project).get(1).metric());
            history.redo();
            history.redo();
            assertEquals(1, CustomMetrics.list(project).size());
            assertEquals(MetricSet.withCustom(List.of(ACTIVE)), CustomMetrics.metricSet(project));
        }
    }

    @Test
    void aNameIsTakenOnceIgnoringCaseAndUnknownNamesCannotBeRemoved() {
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            CustomMetrics.add(project, ACTIVE).run();
            String before = TableDump.of(project.file(), "custom_metric");
            InvalidInputException taken = assertThrows(InvalidInputException.class, () -> CustomMetrics.add(project,
                    CustomMetric.define("Active", "stars > 1", true, null)).run());
            assertTrue(taken.getMessage().contains("already has a custom metric named 'active' (names are compared ignoring case)"), taken.getMessage());
            InvalidInputException unknown = assertThrows(InvalidInputException.class,
                    () -> CustomMetrics.remove(project, "nothing").run());
            assertTrue(unknown.getMessage().contains("no custom metric named 'nothing'; it has active"),
                    unknown.getMessage());
            assertEquals(before, TableDump.of(project.file(), "custom_metric"));
        }
    }

    @Test
    void theScanComputesCustomMetricsBesideTheBuiltInOnesInAnyNumberOfPartitions() {
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            RepositorySamples.insert(project, RepositorySamples.readCsv("/golden/small.csv"), 997);
            MetricSet metrics = MetricSet.withCustom(List.of(RATE, ACTIVE));
            MetricAccumulator one = RepositoryMetricsReader.read(project, GroupSplits.REPO_TYPE, RepositoryFilter.ALL,
                    metrics, true, Progress.NONE, 1);
            MetricAccumulator three = RepositoryMetricsReader.read(project, GroupSplits.REPO_TYPE,
                    RepositoryFilter.ALL, metrics, true, Progress.NONE, 3);
            for (int g = 0; g < GroupSplits.REPO_TYPE.groups().size(); g++) {
                for (var metric : metrics.all()) {
                    assertEquals(one.values(g, metric).n(), three.values(g, metric).n(), metric.key());
                    assertEquals(one.values(g, metric).mean(), three.values(g, metric).mean(), 1e-12, metric.key());
                }
            }
            // merge_rate is the built-in acceptance rate by another name: the same values.
            for (int g = 0; g < GroupSplits.REPO_TYPE.groups().size(); g++) {
                FrequencyTable custom = one.table(g, RATE);
                FrequencyTable builtIn = one.table(g, org.divergence.core.metrics.BuiltInMetric.PR_ACCEPTANCE_RATE);
                assertEquals(builtIn.n(), custom.n());
                assertEquals(builtIn.mean(), custom.mean(), 1e-15);
            }
        }
    }

    @Test
    void aRangeOfACustomMetricBrowsesTheRepositoriesItCountsAndThePreviewHasTheComparisonsN() {
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            RepositorySamples.insert(project, RepositorySamples.readCsv("/golden/small.csv"));
            CustomMetric perContributor = CustomMetric.define("stars_per_contributor",
                    "coalesce(stars, likes) / contributors", false, null);
            MetricAccumulator data = RepositoryMetricsReader.read(project, GroupSplits.PLATFORM, RepositoryFilter.ALL,
                    MetricSet.withCustom(List.of(perContributor)), false, Progress.NONE, 0);
            RepositoryBrowser browser = new RepositoryBrowser(project);
            for (MetricRange range : List.of(MetricRange.closed("stars_per_contributor", 0.5, 3),
                    MetricRange.above("stars_per_contributor", 2), MetricRange.below("stars_per_contributor", 1))) {
                MetricRange custom = range.computedBy(perContributor.expression());
                long counted = 0;
                for (int g = 0; g < 2; g++) {
                    FrequencyTable table = data.table(g, perContributor);
                    for (int i = 0; i < table.distinct(); i++) {
                        counted += custom.contains(table.value(i)) ? table.count(i) : 0;
                    }
                }
                assertEquals(counted, browser.count(RepositoryFilter.ALL.withMetricRange(custom)), range.describe());
                assertTrue(counted > 0, range.describe());
            }
            List<PreviewCustomMetric.GroupValues> preview = PreviewCustomMetric.preview(project, GroupSplits.PLATFORM,
                    RepositoryFilter.ALL, perContributor, Progress.NONE);
            for (int g = 0; g < 2; g++) {
                assertEquals(data.table(g, perContributor).n(), preview.get(g).known());
                assertEquals(data.table(g, perContributor).median(), preview.get(g).centre());
                assertEquals(data.rows(g), preview.get(g).repositories());
            }
        }
    }

    @Test
    void aStoredDefinitionThisVersionCannotReadNamesTheMetric() {
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            project.write(CustomMetrics.METRICS, connection -> {
                try (var statement = connection.prepareStatement("INSERT INTO custom_metric (name, expression, kind,"
                        + " dimension, created_at) VALUES ('broken', 'stars +', 'numeric', 'custom', 'now')")) {
                    statement.executeUpdate();
                }
                return null;
            });
            InvalidInputException error = assertThrows(InvalidInputException.class,
                    () -> CustomMetrics.metricSet(project));
            assertTrue(error.getMessage().startsWith("custom metric 'broken' in the project cannot be read (at "
                    + "character 8"), error.getMessage());
        }
    }
}
