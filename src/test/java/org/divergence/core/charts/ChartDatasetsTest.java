package org.divergence.core.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.metrics.GroupSplits;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricSet;
import org.divergence.core.metrics.MetricComparisons;
import org.divergence.core.metrics.MetricInput;
import org.divergence.core.metrics.NumericComparison;
import org.divergence.core.metrics.RepositoryCounts;
import org.divergence.core.repositories.MetricRange;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.core.stats.FrequencyTable;
import org.divergence.core.stats.Interval;
import org.divergence.core.stats.WilsonInterval;
import org.junit.jupiter.api.Test;

/** Chart data from known samples, checked against NumPy/SciPy figures (computed once, quoted in the comments). */
class ChartDatasetsTest {

    private static final double EXACT = 1e-12;

    @Test
    void boxOnTheLogScaleHasNumPyQuartilesAndSummarisesOutliers() {
        // np.percentile(b, [25, 50, 75]) = [1.5, 5, 8.5]; fences 1.5 IQR on log1p: 0 … 10 inside, 500 and 20000 above.
        FrequencyTable b = FrequencyTable.of(0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 500, 20000);
        BoxSummary box = BoxSummary.of(1, GroupSplits.PLATFORM.groups().get(1), b, ValueScale.LOG1P);
        assertEquals(15, box.n());
        assertEquals(1.5, box.q1(), EXACT);
        assertEquals(5, box.median(), EXACT);
        assertEquals(8.5, box.q3(), EXACT);
        assertEquals(1370.3333333333333, box.mean(), 1e-9);
        assertEquals(0, box.whiskerLow());
        assertEquals(10, box.whiskerHigh());
        assertEquals(0, box.belowWhisker());
        assertEquals(2, box.aboveWhisker());
        assertEquals(0, box.min());
        assertEquals(20000, box.max());
    }

    @Test
    void boxOnTheLinearScaleUsesTukeysFences() {
        // sorted .05 .1 .2 .2 .3 .5 .5 .5 .9 1: q1 .2, median .4, q3 .5; upper fence .95 leaves 1.0 out.
        FrequencyTable rates = FrequencyTable.of(0.1, 0.2, 0.2, 0.3, 0.5, 0.5, 0.5, 0.9, 1.0, 0.05);
        BoxSummary box = BoxSummary.of(0, GroupSplits.PLATFORM.groups().get(0), rates, ValueScale.LINEAR);
        assertEquals(0.2, box.q1(), EXACT);
        assertEquals(0.4, box.median(), EXACT);
        assertEquals(0.5, box.q3(), EXACT);
        assertEquals(0.05, box.whiskerLow(), EXACT);
        assertEquals(0.9, box.whiskerHigh(), EXACT);
        assertEquals(1, box.aboveWhisker());
        assertEquals(0, box.belowWhisker());
        assertTrue(BoxSummary.of(0, GroupSplits.PLATFORM.groups().get(0), FrequencyTable.empty(),
                ValueScale.LINEAR).isEmpty());
    }

    @Test
    void ecdfIsExactAndThinnedToTwoPointsPerColumn() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        Ecdf ecdf = new Ecdf(FrequencyTable.of(values));
        assertEquals(0.10, ecdf.at(9), EXACT);
        assertEquals(0.10, ecdf.at(9.5), EXACT);
        assertEquals(0, ecdf.at(-1));
        assertEquals(1, ecdf.at(1e9));
        Ecdf.Points points = ecdf.sample(ValueScale.LINEAR, 0, 99, 10);
        // Columns of width 9.9: 0–9, 10–19, … 90–98, and 99 alone: first and last of each.
        assertEquals(21, points.size());
        assertArrayEquals(new double[] {0, 9, 10, 19, 20, 29}, java.util.Arrays.copyOf(points.x(), 6));
        for (int i = 0; i < points.size(); i++) {
            assertEquals((points.x()[i] + 1) / 100, points.f()[i], EXACT, "F at the kept point " + points.x()[i]);
        }
        assertEquals(99, points.x()[points.size() - 1]);
        assertEquals(1, points.f()[points.size() - 1]);
        // Every point kept when the pixels allow; zoomed, one point either side of the range is kept.
        assertEquals(100, ecdf.sample(ValueScale.LINEAR, 0, 99, 1000).size());
        Ecdf.Points zoomed = ecdf.sample(ValueScale.LINEAR, 40.5, 50.5, 1000);
        assertEquals(40, zoomed.x()[0]);
        assertEquals(51, zoomed.x()[zoomed.size() - 1]);
        assertEquals(12, zoomed.size());
    }

    @Test
    void ecdfOfMillionsOfDistinctValuesNeverExceedsThePixelBudget() {
        org.divergence.core.stats.FrequencyCounter counter = new org.divergence.core.stats.FrequencyCounter();
        for (int i = 0; i < 200_000; i++) {
            counter.add(i * 1.5, 3);
        }
        Ecdf ecdf = new Ecdf(counter.toTable());
        Ecdf.Points points = ecdf.sample(ValueScale.LOG1P, ecdf.min(), ecdf.max(), 800);
        assertTrue(points.size() <= 2 * 800 + 4, "points: " + points.size());
        assertEquals(1, points.f()[points.size() - 1]);
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.x()[i] > points.x()[i - 1] && points.f()[i] > points.f()[i - 1]);
            assertEquals(ecdf.at(points.x()[i]), points.f()[i], EXACT);
        }
    }

    @Test
    void histogramBinsAreLogSpacedWholeNumbersAndCountEveryValue() {
        HistogramBins small = HistogramBins.spanning(0, 3, true, ValueScale.LOG1P);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, small.edges());
        assertArrayEquals(new long[] {3, 1, 1, 2}, small.counts(FrequencyTable.of(0, 0, 0, 1, 2, 3, 3)));

        HistogramBins wide = HistogramBins.spanning(0, 1_000_000, true, ValueScale.LOG1P);
        double[] edges = wide.edges();
        assertEquals(0, edges[0]);
        assertEquals(1_000_001, edges[edges.length - 1]);
        assertEquals(HistogramBins.PER_DECADE * 6 + 1, edges.length, "8 bins per decade over 6 decades");
        for (int i = 1; i < edges.length; i++) {
            assertTrue(edges[i] > edges[i - 1] && edges[i] == Math.rint(edges[i]));
        }
        // Evenly spaced on log(1 + x): the last bins grow by 10^(1/8).
        double ratio = (edges[edges.length - 1]) / (edges[edges.length - 2]);
        assertEquals(Math.pow(10, 1.0 / 8), ratio, 0.01);
        FrequencyTable sample = FrequencyTable.of(0, 5, 50, 500, 5000, 50000, 1_000_000);
        long[] counts = wide.counts(sample);
        assertEquals(7, java.util.Arrays.stream(counts).sum());
        assertEquals(1, counts[wide.binOf(1_000_000)]);
        assertEquals(-1, wide.binOf(1_000_001));
        assertEquals(0, wide.binOf(0));
    }

    @Test
    void histogramOfRatesUsesTwentyLinearBinsWithTheMaximumInTheLast() {
        HistogramBins bins = HistogramBins.spanning(0, 1, false, ValueScale.LINEAR);
        assertEquals(20, bins.count());
        assertEquals(0.05, bins.high(0), EXACT);
        assertEquals(19, bins.binOf(1.0));
        assertTrue(bins.closedAbove(19));
        assertArrayEquals(new long[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1},
                bins.counts(FrequencyTable.of(0, 0.5, 0.52, 1)));
    }

    @Test
    void wilsonIntervalsMatchTheReferenceFigures() {
        // (p + z²/2n ± z √(p(1−p)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹(0.975), as computed with SciPy's norm.ppf.
        Interval interval = WilsonInterval.of(81, 263, 0.95);
        assertEquals(0.2552885198782742, interval.low(), 1e-12);
        assertEquals(0.36620957698280004, interval.high(), 1e-12);
        assertEquals(0.0, WilsonInterval.of(0, 10, 0.95).low());
        assertEquals(0.2775327998628892, WilsonInterval.of(0, 10, 0.95).high(), 1e-12);
        assertEquals(0.7224672001371107, WilsonInterval.of(10, 10, 0.95).low(), 1e-12);
        assertEquals(1.0, WilsonInterval.of(10, 10, 0.95).high());
        assertEquals(0.4891047018771569, WilsonInterval.of(700_000, 1_428_792, 0.95).low(), 1e-12);
        assertEquals(0.4907440636605402, WilsonInterval.of(700_000, 1_428_792, 0.95).high(), 1e-12);
        assertNull(WilsonInterval.of(0, 0, 0.95));
    }

    private static MetricAccumulator platforms(boolean withTimes) {
        MetricAccumulator data = new MetricAccumulator(GroupSplits.PLATFORM, withTimes);
        RepositoryCounts row = new RepositoryCounts();
        // GitHub: contributors 1,2,3,4 (created 2020-01, 2020-01, 2021-06, unknown), pull requests 0,1,2,3.
        int[] githubMonths = {2020 * 12, 2020 * 12, 2021 * 12 + 5, RepositoryCounts.UNKNOWN_MONTH};
        for (int i = 0; i < 4; i++) {
            row.clear().set(i, Platform.GITHUB, RepoType.CODE).setCreatedMonth(githubMonths[i]);
            row.set(MetricInput.CONTRIBUTORS, i + 1).set(MetricInput.PULL_REQUESTS, i);
            data.add(row);
        }
        // Hugging Face: contributors 1,1,1,5,8 (all created 2023-03), pull requests 0,0,0,0,2.
        long[] contributors = {1, 1, 1, 5, 8};
        long[] pulls = {0, 0, 0, 0, 2};
        for (int i = 0; i < 5; i++) {
            row.clear().set(10 + i, Platform.HUGGINGFACE, RepoType.MODEL).setCreatedMonth(2023 * 12 + 2);
            row.set(MetricInput.CONTRIBUTORS, contributors[i]).set(MetricInput.PULL_REQUESTS, pulls[i]);
            data.add(row);
        }
        return data;
    }

    @Test
    void sharesCountRepositoriesWithThePropertyAndTheirWilsonInterval() {
        ShareData shares = ChartDatasets.shares(BuiltInMetric.HAS_PULL_REQUESTS, platforms(false), RepositoryFilter.ALL);
        ShareBar github = shares.bars().get(0);
        ShareBar huggingFace = shares.bars().get(1);
        assertEquals(4, github.n());
        assertEquals(3, github.yes());
        assertEquals(0.75, github.share(), EXACT);
        assertEquals(WilsonInterval.of(3, 4, 0.95), github.interval());
        assertEquals(1, huggingFace.yes());
        assertEquals(5, huggingFace.n());
    }

    @Test
    void effectsGiveCliffsDeltaForNumbersAndShareDifferencesForShares() {
        MetricAccumulator data = platforms(false);
        EffectsData effects = ChartDatasets.effects(BuiltInMetric.CONTRIBUTORS, data, RepositoryFilter.ALL);
        assertEquals(BuiltInMetric.values().length, effects.estimates().size());
        EffectEstimate contributors = effects.estimates().stream()
                .filter(e -> e.metric() == BuiltInMetric.CONTRIBUTORS).findFirst().orElseThrow();
        NumericComparison reference = MetricComparisons.numeric(BuiltInMetric.CONTRIBUTORS,
                data.table(0, BuiltInMetric.CONTRIBUTORS), data.table(1, BuiltInMetric.CONTRIBUTORS),
                new BootstrapMedianDifference.Settings(10, 1, 0.95));
        assertEquals(reference.cliffsDelta(), contributors.delta(), EXACT);
        assertEquals(reference.cliffsDeltaInterval(), contributors.interval());
        // has_pull_requests: 3/4 vs 1/5, so δ = P(a > b) − P(a < b) = 0.75 − 0.2.
        EffectEstimate shares = effects.estimates().stream()
                .filter(e -> e.metric() == BuiltInMetric.HAS_PULL_REQUESTS).findFirst().orElseThrow();
        assertEquals(0.55, shares.delta(), EXACT);
        assertEquals(4, shares.nA());
        // Metrics nobody has (commits) stay undefined instead of failing.
        EffectEstimate commits = effects.estimates().stream()
                .filter(e -> e.metric() == BuiltInMetric.COMMITS).findFirst().orElseThrow();
        assertTrue(Double.isNaN(commits.delta()));
        assertNull(commits.interval());
    }

    @Test
    void timelineCountsMonthsAndTakesMediansByCreationYear() {
        TimelineData timeline = ChartDatasets.timeline(BuiltInMetric.CONTRIBUTORS, platforms(true), RepositoryFilter.ALL);
        GroupTimeline github = timeline.timelines().get(0);
        assertEquals(YearMonth.of(2020, 1), github.months().getFirst());
        assertEquals(YearMonth.of(2021, 6), github.months().getLast());
        assertEquals(18, github.months().size(), "every month between the first and the last");
        assertEquals(2, github.created()[0]);
        assertEquals(1, github.created()[17]);
        assertEquals(3, github.dated());
        assertEquals(1, github.undated());
        assertEquals(List.of(new GroupTimeline.YearValue(2020, 2, 1.5), new GroupTimeline.YearValue(2021, 1, 3)),
                github.byYear());
        GroupTimeline huggingFace = timeline.timelines().get(1);
        assertEquals(List.of(new GroupTimeline.YearValue(2023, 5, 1)), huggingFace.byYear());

        TimelineData shares = ChartDatasets.timeline(BuiltInMetric.MULTI_CONTRIBUTOR, platforms(true), RepositoryFilter.ALL);
        assertEquals(List.of(new GroupTimeline.YearValue(2020, 2, 0.5), new GroupTimeline.YearValue(2021, 1, 1)),
                shares.timelines().get(0).byYear());
        assertThrows(IllegalArgumentException.class,
                () -> ChartDatasets.timeline(BuiltInMetric.CONTRIBUTORS, platforms(false), RepositoryFilter.ALL));
    }

    @Test
    void chartsRefuseMetricsTheyCannotShow() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> ChartDatasets.build(ChartType.SHARE, BuiltInMetric.COMMITS, platforms(false), RepositoryFilter.ALL));
        assertTrue(error.getMessage().contains("has_pull_requests"), error.getMessage());
        assertEquals(BuiltInMetric.HAS_PULL_REQUESTS, ChartType.SHARE.metricFor(BuiltInMetric.PULL_REQUESTS, MetricSet.BUILT_IN));
        assertEquals(BuiltInMetric.PULL_REQUESTS, ChartType.BOX.metricFor(BuiltInMetric.HAS_PULL_REQUESTS, MetricSet.BUILT_IN));
        assertEquals(BuiltInMetric.COMMITS, ChartType.ECDF.metricFor(BuiltInMetric.COMMITS, MetricSet.BUILT_IN));
    }

    @Test
    void aClickedElementBecomesTheChartsFilterNarrowedToItsGroupAndRange() {
        RepositoryFilter base = RepositoryFilter.parse(List.of("repo_type=code,model"), "2020-01-01", null);
        ChartSelection bin = ChartSelection.range(1, MetricRange.halfOpen("commits", 10, 20), "bin");
        RepositoryFilter filter = bin.apply(base, GroupSplits.PLATFORM).orElseThrow();
        assertEquals(Set.of(Platform.HUGGINGFACE), filter.platforms());
        assertEquals(Set.of(RepoType.CODE, RepoType.MODEL), filter.repoTypes());
        assertEquals(MetricRange.halfOpen("commits", 10, 20), filter.metricRange());
        assertEquals("platform = huggingface; repo_type = code, model; created from 2020-01-01; commits in [10, 20)",
                filter.describe());

        ChartSelection month = ChartSelection.created(2, LocalDate.of(2019, 12, 1), LocalDate.of(2019, 12, 31), "m");
        RepositoryFilter december = month.apply(base, GroupSplits.REPO_TYPE).orElseThrow();
        assertEquals(Set.of(RepoType.DATASET), december.repoTypes());
        assertEquals(LocalDate.of(2020, 1, 1), december.createdFrom(), "never wider than the chart's own filter");
        assertEquals(LocalDate.of(2020, 1, 1), december.createdTo());
        assertTrue(ChartSelection.group(5, "none").apply(base, GroupSplits.PLATFORM).isEmpty());
    }
}
