package org.divergence.core.metrics;

import org.divergence.core.repositories.RepositoryFilter;
import java.util.ArrayList;
import java.util.List;
import org.divergence.core.common.Progress;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.core.stats.ChiSquare;
import org.divergence.core.stats.CliffsDelta;
import org.divergence.core.stats.FrequencyTable;
import org.divergence.core.stats.Interval;
import org.divergence.core.stats.MannWhitney;
import org.divergence.core.stats.ShareStatistics;

/** Turns what an accumulator collected into the statistics of every metric, for every pair of the split. */
public final class MetricComparisons {

    /** Confidence level of Cliff's delta interval. */
    public static final double CONFIDENCE = 0.95;

    private MetricComparisons() {
    }

    public static ComparisonReport compare(MetricAccumulator accumulator, RepositoryFilter filter,
                                           BootstrapMedianDifference.Settings bootstrap, Progress progress) {
        GroupSplit split = accumulator.split();
        List<PairComparison> comparisons = new ArrayList<>();
        List<GroupPair> pairs = split.pairs();
        for (int p = 0; p < pairs.size(); p++) {
            GroupPair pair = pairs.get(p);
            List<MetricComparison> metrics = new ArrayList<>();
            for (Metric metric : Metric.values()) {
                progress.checkCancelled();
                if (metric.kind() == MetricKind.NUMERIC) {
                    long seed = bootstrap.seed() + 1_000_003L * p + metric.ordinal();
                    metrics.add(numeric(metric, accumulator.table(pair.a(), metric),
                            accumulator.table(pair.b(), metric), bootstrap.withSeed(seed)));
                } else {
                    metrics.add(share(metric, accumulator.shareKnown(pair.a(), metric),
                            accumulator.shareYes(pair.a(), metric), accumulator.shareKnown(pair.b(), metric),
                            accumulator.shareYes(pair.b(), metric)));
                }
            }
            comparisons.add(new PairComparison(split.groups().get(pair.a()), split.groups().get(pair.b()),
                    List.copyOf(metrics)));
        }
        return new ComparisonReport(split, filter, bootstrap, accumulator.rowsRead(), List.copyOf(comparisons));
    }

    /** A numeric metric's statistics from the two groups' frequency tables. */
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
                test == null ? Double.NaN : test.pValue(), delta, deltaInterval, meanPctDiff,
                summaryB.median() - summaryA.median(), medianInterval);
    }

    /** A share metric's statistics from the two groups' known / yes counts. */
    public static ShareComparison share(Metric metric, long knownA, long yesA, long knownB, long yesB) {
        ShareSummary a = ShareSummary.of(knownA, yesA);
        ShareSummary b = ShareSummary.of(knownB, yesB);
        ChiSquare.Result test = knownA == 0 || knownB == 0 ? null
                : ChiSquare.test2x2(yesA, knownA - yesA, yesB, knownB - yesB);
        return new ShareComparison(metric, a, b, test == null ? Double.NaN : test.chiSquare(),
                test == null ? Double.NaN : test.pValue(), b.share() - a.share(),
                ShareStatistics.cohensH(a.share(), b.share()));
    }
}
