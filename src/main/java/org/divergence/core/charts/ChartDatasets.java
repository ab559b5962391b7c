package org.divergence.core.charts;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.metrics.CreationTimeline;
import org.divergence.core.metrics.Group;
import org.divergence.core.metrics.GroupPair;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricKind;
import org.divergence.core.metrics.MetricSet;
import org.divergence.core.metrics.MetricComparisons;
import org.divergence.core.metrics.MetricTables;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.metrics.StratifiedComparison;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.CliffsDelta;
import org.divergence.core.stats.FrequencyTable;
import org.divergence.core.stats.MannWhitney;
import org.divergence.core.stats.WilsonInterval;

/**
 * Computes every chart's data from one scan's {@link MetricAccumulator} (per-group frequency tables): switching the
 * metric or the chart type costs milliseconds, whatever the number of repositories, because nothing here is O(n).
 */
public final class ChartDatasets {

    /** Level of the effect sizes' intervals. */
    public static final double CONFIDENCE = 0.95;

    private ChartDatasets() {
    }

    /**
     * The chart's data; invalid input when the chart cannot show the metric (e.g. share bars of a number) or the
     * time view was asked of an accumulator without creation times.
     */
    public static ChartData build(ChartType type, Metric metric, MetricAccumulator data, RepositoryFilter filter) {
        return build(type, metric, data, filter, Stratification.NONE);
    }

    /**
     * Stratified by creation year, the effect sizes are the chosen metric's per year ({@link #effectsByYear}); the
     * other charts do not depend on it.
     */
    public static ChartData build(ChartType type, Metric metric, MetricAccumulator data, RepositoryFilter filter,
                                  Stratification stratification) {
        if (!type.accepts(metric)) {
            throw new InvalidInputException("a " + type.label().toLowerCase(java.util.Locale.ROOT) + " cannot show "
                    + metric.key() + "; use one of " + MetricSet.keys(type.metrics(data.metrics())));
        }
        if (type == ChartType.EFFECTS && stratification == Stratification.CREATED_YEAR) {
            return effectsByYear(metric, data, filter);
        }
        return switch (type) {
            case BOX -> box(metric, data, filter);
            case ECDF -> ecdf(metric, data, filter);
            case HISTOGRAM -> histogram(metric, data, filter);
            case SHARE -> shares(metric, data, filter);
            case EFFECTS -> effects(metric, data, filter);
            case TIMELINE -> timeline(metric, data, filter);
        };
    }

    public static BoxPlotData box(Metric metric, MetricAccumulator data, RepositoryFilter filter) {
        ValueScale scale = scale(metric, data);
        List<BoxSummary> boxes = new ArrayList<>();
        List<Group> groups = data.split().groups();
        for (int g = 0; g < groups.size(); g++) {
            boxes.add(BoxSummary.of(g, groups.get(g), data.table(g, metric), scale));
        }
        return new BoxPlotData(metric, data.split(), filter, scale, List.copyOf(boxes));
    }

    public static EcdfData ecdf(Metric metric, MetricAccumulator data, RepositoryFilter filter) {
        List<Ecdf> curves = new ArrayList<>();
        for (int g = 0; g < data.split().groups().size(); g++) {
            curves.add(new Ecdf(data.table(g, metric)));
        }
        return new EcdfData(metric, data.split(), filter, scale(metric, data), List.copyOf(curves));
    }

    public static HistogramData histogram(Metric metric, MetricAccumulator data, RepositoryFilter filter) {
        ValueScale scale = scale(metric, data);
        int groups = data.split().groups().size();
        double min = Double.NaN;
        double max = Double.NaN;
        boolean whole = true;
        for (int g = 0; g < groups; g++) {
            FrequencyTable table = data.table(g, metric);
            if (table.isEmpty()) {
                continue;
            }
            min = Double.isNaN(min) ? table.value(0) : Math.min(min, table.value(0));
            max = Double.isNaN(max) ? table.value(table.distinct() - 1)
                    : Math.max(max, table.value(table.distinct() - 1));
            for (int i = 0; i < table.distinct() && whole; i++) {
                whole = table.value(i) == Math.rint(table.value(i));
            }
        }
        HistogramBins bins = HistogramBins.spanning(min, max, whole, scale);
        List<long[]> counts = new ArrayList<>();
        List<Long> n = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            FrequencyTable table = data.table(g, metric);
            counts.add(bins.counts(table));
            n.add(table.n());
        }
        return new HistogramData(metric, data.split(), filter, scale, bins, List.copyOf(counts), List.copyOf(n));
    }

    public static ShareData shares(Metric metric, MetricAccumulator data, RepositoryFilter filter) {
        List<ShareBar> bars = new ArrayList<>();
        List<Group> groups = data.split().groups();
        for (int g = 0; g < groups.size(); g++) {
            long n = data.shareKnown(g, metric);
            long yes = data.shareYes(g, metric);
            bars.add(new ShareBar(g, groups.get(g), n, yes, n == 0 ? Double.NaN : (double) yes / n,
                    WilsonInterval.of(yes, n, ShareData.CONFIDENCE)));
        }
        return new ShareData(metric, data.split(), filter, List.copyOf(bars));
    }

    public static EffectsData effects(Metric selected, MetricAccumulator data, RepositoryFilter filter) {
        GroupSplit split = data.split();
        List<EffectEstimate> estimates = new ArrayList<>();
        List<GroupPair> pairs = split.pairs();
        for (int p = 0; p < pairs.size(); p++) {
            GroupPair pair = pairs.get(p);
            for (Metric metric : data.metrics().all()) {
                estimates.add(estimate(data, split, p, metric));
            }
        }
        List<Long> repositories = new ArrayList<>();
        for (int g = 0; g < split.groups().size(); g++) {
            repositories.add(data.rows(g));
        }
        return new EffectsData(selected, split, filter, List.copyOf(estimates), List.copyOf(repositories));
    }

    /** Cliff's delta of one metric and pair, with its interval, from the tables given (all, or a year's). */
    private static EffectEstimate estimate(MetricTables tables, GroupSplit split, int p, Metric metric) {
        GroupPair pair = split.pairs().get(p);
        FrequencyTable a = tables.values(pair.a(), metric);
        FrequencyTable b = tables.values(pair.b(), metric);
        MannWhitney.Result test = MannWhitney.test(a, b);
        double delta = test == null ? Double.NaN : test.cliffsDelta();
        return new EffectEstimate(metric, p, split.groups().get(pair.a()), split.groups().get(pair.b()), a.n(),
                b.n(), delta, CliffsDelta.confidenceInterval(a, b, delta, CONFIDENCE));
    }

    /**
     * One metric's Cliff's delta per creation year and pair (the forest plot of {@code chart --type effects
     * --stratify created_year}), with each pair's test across years; needs an accumulator with creation times.
     */
    public static YearEffectsData effectsByYear(Metric metric, MetricAccumulator data, RepositoryFilter filter) {
        CreationTimeline timeline = data.timeline();
        if (timeline == null) {
            throw new IllegalArgumentException("effects by year need an accumulator with creation times");
        }
        GroupSplit split = data.split();
        List<YearEffectsData.YearEffect> effects = new ArrayList<>();
        List<StratifiedComparison.StratifiedTest> tests = new ArrayList<>();
        for (int p = 0; p < split.pairs().size(); p++) {
            GroupPair pair = split.pairs().get(p);
            for (int year : MetricComparisons.years(pair, timeline)) {
                effects.add(new YearEffectsData.YearEffect(year, estimate(data.year(year), split, p, metric)));
            }
            tests.add(MetricComparisons.acrossYears(metric, pair, data));
        }
        List<Long> unknown = new ArrayList<>();
        for (int g = 0; g < split.groups().size(); g++) {
            unknown.add(timeline.undated(g));
        }
        return new YearEffectsData(metric, split, filter, List.copyOf(effects), List.copyOf(tests),
                List.copyOf(unknown));
    }

    public static TimelineData timeline(Metric metric, MetricAccumulator data, RepositoryFilter filter) {
        CreationTimeline timeline = data.timeline();
        if (timeline == null) {
            throw new IllegalArgumentException("the time view needs an accumulator with creation times");
        }
        List<Group> groups = data.split().groups();
        List<GroupTimeline> result = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Map<YearMonth, Long> monthly = timeline.monthly(g);
            long[] created = monthly.values().stream().mapToLong(Long::longValue).toArray();
            List<GroupTimeline.YearValue> byYear = new ArrayList<>();
            for (int year : timeline.years(g)) {
                byYear.add(yearValue(data, g, metric, year));
            }
            result.add(new GroupTimeline(g, groups.get(g), List.copyOf(monthly.keySet()), created,
                    timeline.undated(g), List.copyOf(byYear)));
        }
        return new TimelineData(metric, data.split(), filter, metric.kind() == MetricKind.NUMERIC
                ? scale(metric, data) : ValueScale.LINEAR, List.copyOf(result));
    }

    /** A numeric metric's scale, from its values in every group. */
    private static ValueScale scale(Metric metric, MetricAccumulator data) {
        List<FrequencyTable> tables = new ArrayList<>();
        for (int g = 0; g < data.split().groups().size(); g++) {
            tables.add(data.table(g, metric));
        }
        return ValueScale.of(metric, tables);
    }

    private static GroupTimeline.YearValue yearValue(MetricAccumulator data, int group, Metric metric, int year) {
        if (metric.kind() == MetricKind.NUMERIC) {
            FrequencyTable table = data.tableByYear(group, metric, year);
            return new GroupTimeline.YearValue(year, table.n(), table.median());
        }
        MetricTables tables = data.year(year);
        long known = tables.shareKnown(group, metric);
        return new GroupTimeline.YearValue(year, known, known == 0 ? Double.NaN
                : (double) tables.shareYes(group, metric) / known);
    }
}
