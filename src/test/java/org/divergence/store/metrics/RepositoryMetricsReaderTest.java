package org.divergence.store.metrics;

import static org.divergence.testsupport.RepositorySamples.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.divergence.app.compare.CompareRepositories;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.GroupSplits;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricSet;
import org.divergence.core.metrics.MetricComparisons;
import org.divergence.core.metrics.NumericComparison;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.store.project.Project;
import org.divergence.testsupport.RepositorySamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryMetricsReaderTest {

    @TempDir
    Path folder;

    private static ComparisonReport compare(MetricAccumulator accumulator) {
        return MetricComparisons.compare(accumulator, RepositoryFilter.ALL,
                BootstrapMedianDifference.Settings.DEFAULT, Progress.NONE);
    }

    @Test
    void parallelPartitionsGiveExactlyWhatOneScanGives() {
        try (Project project = Project.create(folder.resolve("sparse.divergence"))) {
            RepositorySamples.insert(project, RepositorySamples.readCsv("/golden/small.csv"), 997);
            for (var split : List.of(GroupSplits.PLATFORM, GroupSplits.REPO_TYPE)) {
                MetricAccumulator one = RepositoryMetricsReader.read(project, split, RepositoryFilter.ALL,
                        MetricSet.BUILT_IN, false, Progress.NONE, 1);
                MetricAccumulator three = RepositoryMetricsReader.read(project, split, RepositoryFilter.ALL,
                        MetricSet.BUILT_IN, false, Progress.NONE, 3);
                assertEquals(310, one.rowsRead());
                assertEquals(310, three.rowsRead());
                assertEquals(compare(one).comparisons(), compare(three).comparisons());
            }
        }
    }

    @Test
    void filtersOnTypePlatformAndInclusiveCreationDates() {
        try (Project project = Project.create(folder.resolve("dates.divergence"))) {
            RepositorySamples.insert(project, List.of(
                    row("github", "code", "2022-01-01T00:00:00Z", 1L),
                    row("github", "code", "2023-06-30T23:59:59Z", 2L),
                    row("github", "code", "2023-07-01T00:00:00Z", 3L),
                    row("github", "code", null, 4L),
                    row("huggingface", "model", "2022-05-25", 5L),
                    row("huggingface", "dataset", "2023-01-01T10:00:00.000Z", 6L),
                    row("huggingface", "space", null, 7L)));
            assertEquals(List.of(4L, 3L), contributorsCounts(project, RepositoryFilter.ALL));
            assertEquals(List.of(2L, 2L), contributorsCounts(project,
                    RepositoryFilter.parse(List.of(), "2022-01-01", "2023-06-30")));
            assertEquals(List.of(2L, 1L), contributorsCounts(project,
                    RepositoryFilter.parse(List.of(), "2023-01-01", null)));
            assertEquals(List.of(0L, 2L), contributorsCounts(project,
                    RepositoryFilter.parse(List.of("repo_type=model,space"), null, null)));
            assertEquals(List.of(4L, 0L), contributorsCounts(project,
                    RepositoryFilter.parse(List.of("platform=github"), null, null)));
            assertEquals(List.of(0L, 1L), contributorsCounts(project,
                    RepositoryFilter.parse(List.of("platform=huggingface", "repo_type=model"), null, "2022-05-25")));
        }
    }

    private static List<Long> contributorsCounts(Project project, RepositoryFilter filter) {
        ComparisonReport report = CompareRepositories.compare(project, GroupSplits.PLATFORM, filter,
                BootstrapMedianDifference.Settings.DEFAULT, Progress.NONE);
        NumericComparison contributors = (NumericComparison) report.comparisons().getFirst()
                .metric(BuiltInMetric.CONTRIBUTORS);
        return List.of(contributors.a().n(), contributors.b().n());
    }

    @Test
    void emptyProjectComparesToNothing() {
        try (Project project = Project.create(folder.resolve("empty.divergence"))) {
            assertFalse(CompareRepositories.hasRepositories(project));
            ComparisonReport report = CompareRepositories.compare(project, GroupSplits.REPO_TYPE,
                    RepositoryFilter.ALL, BootstrapMedianDifference.Settings.DEFAULT, Progress.NONE);
            assertEquals(3, report.comparisons().size());
            NumericComparison commits = (NumericComparison) report.comparisons().getFirst().metric(BuiltInMetric.COMMITS);
            assertEquals(0, commits.a().n());
            assertTrue(Double.isNaN(commits.pValue()));
            assertTrue(Double.isNaN(commits.a().median()));
        }
    }

    @Test
    void negativeCountIsInvalidInputNamingTheRepository() {
        try (Project project = Project.create(folder.resolve("negative.divergence"))) {
            Object[] bad = row("huggingface", "model", null, 1L, 2L, 0L, 0L, null, -4L);
            bad[2] = "someone/broken-model";
            RepositorySamples.insert(project, List.of(row("github", "code", null, 1L), bad));
            InvalidInputException error = assertThrows(InvalidInputException.class,
                    () -> RepositoryMetricsReader.read(project, GroupSplits.PLATFORM, RepositoryFilter.ALL,
                            Progress.NONE));
            assertEquals("repository huggingface:model:someone/broken-model (id 2): discussions is -4; counts cannot be "
                    + "negative (fix or re-import this repository)", error.getMessage());
        }
    }

    @Test
    void cancelledBeforeOrDuringTheScan() {
        try (Project project = RepositorySamples.projectFromResource(folder.resolve("large.divergence"),
                "/golden/large.csv")) {
            Progress cancelled = new Progress() {
                @Override
                public void update(long done, long total, String message) {
                }

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            assertThrows(CancelledException.class, () -> RepositoryMetricsReader.read(project,
                    GroupSplits.PLATFORM, RepositoryFilter.ALL, cancelled));
            // cancelled once the first progress report arrives (every 32,768 rows)
            int[] reports = new int[1];
            Progress cancelOnFirstReport = new Progress() {
                @Override
                public void update(long done, long total, String message) {
                    reports[0]++;
                }

                @Override
                public boolean isCancelled() {
                    return reports[0] > 0;
                }
            };
            List<Object[]> many = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                for (Object[] copy : RepositorySamples.readCsv("/golden/large.csv")) {
                    copy[2] = copy[2] + "-copy" + i;
                    many.add(copy);
                }
            }
            RepositorySamples.insert(project, many);
            assertThrows(CancelledException.class, () -> RepositoryMetricsReader.read(project,
                    GroupSplits.PLATFORM, RepositoryFilter.ALL, MetricSet.BUILT_IN, false, cancelOnFirstReport, 1));
            assertEquals(1, reports[0]);
        }
    }
}
