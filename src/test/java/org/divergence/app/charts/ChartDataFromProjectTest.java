package org.divergence.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.divergence.core.charts.ChartDatasets;
import org.divergence.core.charts.ChartSelection;
import org.divergence.core.charts.GroupTimeline;
import org.divergence.core.charts.HistogramData;
import org.divergence.core.charts.TimelineData;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.GroupSplits;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricSet;
import org.divergence.core.metrics.MetricInput;
import org.divergence.core.metrics.RepositoryCounts;
import org.divergence.core.repositories.MetricRange;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.render.charts.BuiltChart;
import org.divergence.render.charts.ChartBuilder;
import org.divergence.render.charts.ChartStyle;
import org.divergence.store.metrics.RepositoryMetricsReader;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.RepositoryBrowser;
import org.divergence.testsupport.RepositorySamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chart data read from a real project, and the metric-range filter that linked browsing uses, against brute force. */
class ChartDataFromProjectTest {

    @TempDir
    Path folder;

    private static final List<Object[]> ROWS = RepositorySamples.readCsv("/golden/small.csv");

    /** The metric of a CSV row, computed in Java as the core computes it. */
    private static double metricOf(Object[] row, BuiltInMetric metric) {
        Platform platform = Platform.ofCode((String) row[0]).orElseThrow();
        RepositoryCounts counts = new RepositoryCounts().clear().set(0, platform,
                RepoType.ofCode((String) row[1]).orElseThrow());
        for (MetricInput input : MetricInput.values()) {
            int column = RepositorySamples.COLUMNS.indexOf(input.column(platform).column());
            Object value = row[column];
            counts.set(input, value == null ? RepositoryCounts.UNKNOWN : (Long) value);
        }
        return metric.valueOf(counts);
    }

    @Test
    void theMetricRangeFilterSelectsExactlyTheRowsInTheRange() {
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            RepositorySamples.insert(project, ROWS);
            RepositoryBrowser browser = new RepositoryBrowser(project);
            List<MetricRange> ranges = List.of(MetricRange.closed("commits", 2, 10),
                    MetricRange.halfOpen("knowledge_threads", 1, 5), MetricRange.atLeast("derivatives", 1),
                    MetricRange.above("endorsements", 3), MetricRange.closed("pr_acceptance_rate", 0.25, 0.75),
                    MetricRange.halfOpen("commits_per_contributor", 1.5, 4), MetricRange.below("contributors", 2),
                    new MetricRange("pull_requests", Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY,
                            false));
            for (MetricRange range : ranges) {
                BuiltInMetric metric = BuiltInMetric.ofKey(range.metric());
                for (Platform platform : Platform.values()) {
                    long expected = ROWS.stream().filter(row -> row[0].equals(platform.code()))
                            .filter(row -> range.contains(metricOf(row, metric))).count();
                    RepositoryFilter filter = RepositoryFilter.ALL.withPlatforms(EnumSet.of(platform))
                            .withMetricRange(range);
                    assertEquals(expected, browser.count(filter), range.describe() + " on " + platform);
                    // The comparison's reader applies the same filter.
                    MetricAccumulator read = RepositoryMetricsReader.read(project, GroupSplits.PLATFORM, filter,
                            Progress.NONE);
                    assertEquals(expected, read.rows(platform.ordinal()), range.describe() + " read");
                }
                assertTrue(ranges.indexOf(range) >= 0);
            }
            InvalidInputException error = assertThrows(InvalidInputException.class, () -> browser.count(
                    RepositoryFilter.ALL.withMetricRange(MetricRange.atLeast("has_pull_requests", 1))));
            assertTrue(error.getMessage().contains("pull_requests"), error.getMessage());
        }
    }

    @Test
    void clickingAHistogramBarListsExactlyTheRepositoriesItCounts() {
        try (Project project = Project.create(folder.resolve("h.divergence"))) {
            RepositorySamples.insert(project, ROWS);
            RepositoryBrowser browser = new RepositoryBrowser(project);
            for (var split : List.of(GroupSplits.PLATFORM, GroupSplits.REPO_TYPE)) {
                MetricAccumulator data = RepositoryMetricsReader.read(project, split, RepositoryFilter.ALL,
                        Progress.NONE);
                for (BuiltInMetric metric : List.of(BuiltInMetric.COMMITS, BuiltInMetric.PR_ACCEPTANCE_RATE)) {
                    HistogramData histogram = ChartDatasets.histogram(metric, data, RepositoryFilter.ALL);
                    // Every bar as drawn: the entity a click hits, what it stands for, and the table it opens.
                    BuiltChart chart = ChartBuilder.build(histogram, ChartStyle.LIGHT);
                    org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
                    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(900, 500,
                            java.awt.image.BufferedImage.TYPE_INT_RGB);
                    java.awt.Graphics2D g2 = image.createGraphics();
                    chart.chart().draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, 900, 500), info);
                    g2.dispose();
                    int bars = 0;
                    for (Object each : info.getEntityCollection().getEntities()) {
                        if (each instanceof org.jfree.chart.entity.XYItemEntity bar) {
                            bars++;
                            ChartSelection selection = chart.selectionAt(bar).orElseThrow();
                            Optional<RepositoryFilter> filter = selection.apply(RepositoryFilter.ALL, split);
                            assertEquals(histogram.counts().get(bar.getSeriesIndex())[bar.getItem()],
                                    browser.count(filter.orElseThrow()), metric.key() + " bin " + bar.getItem()
                                            + " of group " + bar.getSeriesIndex() + ": " + selection.range());
                        }
                    }
                    assertEquals(split.groups().size() * histogram.bins().count(), bars, "every bar clickable");
                }
            }
        }
    }

    @Test
    void theTimelineCountsCreationMonthsInAnyNumberOfPartitions() {
        try (Project project = Project.create(folder.resolve("t.divergence"))) {
            RepositorySamples.insert(project, ROWS, 997);
            MetricAccumulator one = RepositoryMetricsReader.read(project, GroupSplits.PLATFORM, RepositoryFilter.ALL,
                    MetricSet.BUILT_IN, true, Progress.NONE, 1);
            MetricAccumulator three = RepositoryMetricsReader.read(project, GroupSplits.PLATFORM,
                    RepositoryFilter.ALL, MetricSet.BUILT_IN, true, Progress.NONE, 3);
            TimelineData a = ChartDatasets.timeline(BuiltInMetric.COMMITS, one, RepositoryFilter.ALL);
            TimelineData b = ChartDatasets.timeline(BuiltInMetric.COMMITS, three, RepositoryFilter.ALL);
            for (Platform platform : Platform.values()) {
                Map<YearMonth, Long> expected = new HashMap<>();
                long undated = 0;
                for (Object[] row : ROWS) {
                    if (!row[0].equals(platform.code())) {
                        continue;
                    }
                    if (row[3] == null) {
                        undated++;
                    } else {
                        expected.merge(YearMonth.parse(((String) row[3]).substring(0, 7)), 1L, Long::sum);
                    }
                }
                GroupTimeline timeline = a.timelines().get(platform.ordinal());
                GroupTimeline partitioned = b.timelines().get(platform.ordinal());
                assertEquals(undated, timeline.undated());
                for (int i = 0; i < timeline.months().size(); i++) {
                    assertEquals(expected.getOrDefault(timeline.months().get(i), 0L), timeline.created()[i],
                            timeline.months().get(i).toString());
                }
                assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), timeline.dated());
                assertEquals(timeline.months(), partitioned.months());
                assertEquals(timeline.byYear(), partitioned.byYear());
            }
        }
    }
}
