package org.divergence.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.core.stats.ChiSquare;
import org.divergence.core.stats.CliffsDelta;
import org.divergence.core.stats.CochranMantelHaenszel;
import org.divergence.core.stats.FisherExact;
import org.divergence.core.stats.FrequencyTable;
import org.divergence.core.stats.Interval;
import org.divergence.core.stats.MannWhitney;
import org.divergence.core.stats.PValueMethod;
import org.divergence.core.stats.ShareStatistics;
import org.divergence.core.stats.VanElteren;

/**
 * Turns what an accumulator collected into the statistics of every metric, for every pair of the split, and, when
 * stratified by creation year, for every year present plus one combined test per metric across the years.
 */
public final class MetricComparisons {

    /** Confidence level of Cliff's delta interval. */
    public static final double CONFIDENCE = 0.95;
    /** Fisher's exact test replaces chi-square when an expected count of the 2×2 table is below this. */
    public static final double FISHER_BELOW = 5;

    private MetricComparisons() {
    }

    public static ComparisonReport compare(MetricAccumulator accumulator, RepositoryFilter filter,
                                           BootstrapMedianDifference.Settings bootstrap, Progress progress) {
        return compare(accumulator, filter, bootstrap, Stratification.NONE, progress);
    }

    /** Stratified by creation year, the accumulator must have collected by creation time. */
    public static ComparisonReport compare(MetricAccumulator accumulator, RepositoryFilter filter,
                                           BootstrapMedianDifference.Settings bootstrap,
                                           Stratification stratification, Progress progress) {
        if (stratification == Stratification.CREATED_YEAR && !accumulator.byCreationTime()) {
            throw new IllegalArgumentException("stratifying by creation year needs the tables by creation time");
        }
        GroupSplit split = accumulator.split();
        List<PairComparison> comparisons = new ArrayList<>();
        List<GroupPair> pairs = split.pairs();
        for (int p = 0; p < pairs.size(); p++) {
            GroupPair pair = pairs.get(p);
            long seed = bootstrap.seed() + 1_000_003L * p;
            PairComparison comparison = pair(split, pair, accumulator.metrics(), accumulator, bootstrap, seed,
                    progress);
            if (stratification == Stratification.CREATED_YEAR) {
                comparison = comparison.withStratified(byYear(split, pair, accumulator, bootstrap, seed, progress));
            }
            comparisons.add(comparison);
        }
        return new ComparisonReport(accumulator.metrics(), split, filter, stratification, bootstrap,
                accumulator.rowsRead(),
                List.copyOf(comparisons));
    }

    /**
     * Every metric of one pair from the tables given (one family of tests); bootstrap seeds are {@code seed} + the
     * metric's {@link Metric#seedOffset()}.
     */
    private static PairComparison pair(GroupSplit split, GroupPair pair, MetricSet set, MetricTables tables,
                                       BootstrapMedianDifference.Settings bootstrap, long seed, Progress progress) {
        List<MetricComparison> metrics = new ArrayList<>();
        for (Metric metric : set.all()) {
            progress.checkCancelled();
            if (metric.kind() == MetricKind.NUMERIC) {
                metrics.add(numeric(metric, tables.table(pair.a(), metric), tables.table(pair.b(), metric),
                        bootstrap.withSeed(seed + metric.seedOffset())));
            } else {
                metrics.add(share(metric, tables.shareKnown(pair.a(), metric), tables.shareYes(pair.a(), metric),
                        tables.shareKnown(pair.b(), metric), tables.shareYes(pair.b(), metric)));
            }
        }
        return PairComparison.of(split.groups().get(pair.a()), split.groups().get(pair.b()), metrics);
    }

    /** The pair within each creation year present in either group, and van Elteren's / CMH's tests across them. */
    private static StratifiedComparison byYear(GroupSplit split, GroupPair pair, MetricAccumulator accumulator,
                                               BootstrapMedianDifference.Settings bootstrap, long seed,
                                               Progress progress) {
        CreationTimeline timeline = accumulator.timeline();
        List<Integer> years = years(pair, timeline);
        List<StratifiedComparison.Stratum> strata = new ArrayList<>();
        for (int year : years) {
            // A seed per year, apart from the whole comparison's (which add only the metric's offset).
            strata.add(new StratifiedComparison.Stratum(Integer.toString(year), timeline.created(pair.a(), year),
                    timeline.created(pair.b(), year), pair(split, pair, accumulator.metrics(), accumulator.year(year),
                    bootstrap, seed + 1_009L * year, progress)));
        }
        List<StratifiedComparison.StratifiedTest> tests = new ArrayList<>();
        for (Metric metric : accumulator.metrics().all()) {
            progress.checkCancelled();
            tests.add(acrossYears(metric, pair, accumulator));
        }
        return new StratifiedComparison(Stratification.CREATED_YEAR, List.copyOf(strata), List.copyOf(tests),
                timeline.undated(pair.a()), timeline.undated(pair.b()));
    }

    /** The creation years in which either group of the pair has repositories, ascending. */
    public static List<Integer> years(GroupPair pair, CreationTimeline timeline) {
        TreeSet<Integer> years = new TreeSet<>(timeline.years(pair.a()));
        years.addAll(timeline.years(pair.b()));
        return List.copyOf(years);
    }

    /** One metric's test across creation years: van Elteren's for numbers, Cochran–Mantel–Haenszel's for shares. */
    public static StratifiedComparison.StratifiedTest acrossYears(Metric metric, GroupPair pair,
                                                                  MetricAccumulator accumulator) {
        List<Integer> years = years(pair, accumulator.timeline());
        return metric.kind() == MetricKind.NUMERIC ? vanElteren(metric, pair, accumulator, years)
                : mantelHaenszel(metric, pair, accumulator, years);
    }

    private static StratifiedComparison.StratifiedTest vanElteren(Metric metric, GroupPair pair,
                                                                  MetricAccumulator accumulator, Iterable<Integer> years) {
        List<VanElteren.Stratum> strata = new ArrayList<>();
        for (int year : years) {
            MetricTables tables = accumulator.year(year);
            strata.add(new VanElteren.Stratum(tables.table(pair.a(), metric), tables.table(pair.b(), metric)));
        }
        VanElteren.Result result = VanElteren.test(strata);
        return result == null ? new StratifiedComparison.StratifiedTest(metric, Double.NaN, Double.NaN, 0)
                : new StratifiedComparison.StratifiedTest(metric, result.z(), result.pValue(), result.strata());
    }

    private static StratifiedComparison.StratifiedTest mantelHaenszel(Metric metric, GroupPair pair,
                                                                      MetricAccumulator accumulator,
                                                                      Iterable<Integer> years) {
        List<CochranMantelHaenszel.Stratum> strata = new ArrayList<>();
        for (int year : years) {
            MetricTables tables = accumulator.year(year);
            long knownA = tables.shareKnown(pair.a(), metric);
            long yesA = tables.shareYes(pair.a(), metric);
            long knownB = tables.shareKnown(pair.b(), metric);
            long yesB = tables.shareYes(pair.b(), metric);
            strata.add(new CochranMantelHaenszel.Stratum(yesA, knownA - yesA, yesB, knownB - yesB));
        }
        CochranMantelHaenszel.Result result = CochranMantelHaenszel.test(strata);
        return result == null ? new StratifiedComparison.StratifiedTest(metric, Double.NaN, Double.NaN, 0)
                : new StratifiedComparison.StratifiedTest(metric, result.chiSquare(), result.pValue(),
                result.strata());
    }

    /** A numeric metric's statistics from the two groups' frequency tables (p not yet adjusted for a family). */
    public static NumericComparison numeric(Metric metric, FrequencyTable a, FrequencyTable b,
                                            BootstrapMedianDifference.Settings bootstrap) {
        GroupSummary summaryA = GroupSummary.of(a);
        GroupSummary summaryB = GroupSummary.of(b);
        MannWhitney.Result test = MannWhitney.test(a, b);
        double u = test == null ? Double.NaN : test.u();
        double delta = test == null ? Double.NaN : test.cliffsDelta();
        Interval deltaInterval = CliffsDelta.confidenceInterval(a, b, delta, CONFIDENCE);
        double meanPctDiff = summaryA.mean() == 0 ? Double.NaN
                : (summaryB.mean() - summaryA.mean()) / summaryA.mean() * 100;
        Interval medianInterval = BootstrapMedianDifference.confidenceInterval(a, b, bootstrap);
        return new NumericComparison(metric, summaryA, summaryB, u, test == null ? Double.NaN : test.z(),
                test == null ? Significance.NONE : Significance.of(test.pValue(), test.method()), delta,
                deltaInterval, meanPctDiff, summaryB.median() - summaryA.median(), medianInterval);
    }

    /**
     * A share metric's statistics from the two groups' known / yes counts (p not yet adjusted for a family): Fisher's
     * exact p when an expected count is below 5, else chi-square's; no test when a group is empty or nobody (or
     * everybody) has the property, where the 2×2 table has a zero margin and nothing can differ.
     */
    public static ShareComparison share(Metric metric, long knownA, long yesA, long knownB, long yesB) {
        ShareSummary a = ShareSummary.of(knownA, yesA);
        ShareSummary b = ShareSummary.of(knownB, yesB);
        ChiSquare.Result chi = knownA == 0 || knownB == 0 ? null
                : ChiSquare.test2x2(yesA, knownA - yesA, yesB, knownB - yesB);
        Significance test = chi == null ? Significance.NONE : chi.minExpected() < FISHER_BELOW
                ? Significance.of(FisherExact.twoSidedP(yesA, knownA - yesA, yesB, knownB - yesB), PValueMethod.FISHER)
                : Significance.of(chi.pValue(), PValueMethod.CHI_SQUARE);
        return new ShareComparison(metric, a, b, chi == null ? Double.NaN : chi.chiSquare(), test,
                b.share() - a.share(), ShareStatistics.cohensH(a.share(), b.share()));
    }
}
