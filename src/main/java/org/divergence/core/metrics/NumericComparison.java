package org.divergence.core.metrics;

import org.divergence.core.stats.EffectMagnitude;
import org.divergence.core.stats.Interval;

/**
 * A numeric metric compared: both groups' summaries, Mann–Whitney U of group a with its z (normal approximation) and
 * its test (exact or asymptotic p), Cliff's delta (P(a > b) − P(a < b)) with its confidence interval,
 * mean_pct_diff = (mean_b − mean_a)/mean_a·100, and the bootstrap interval of median_b − median_a. Intervals are
 * null when undefined.
 */
public record NumericComparison(Metric metric, GroupSummary a, GroupSummary b, double mannWhitneyU, double z,
                                Significance significance, double cliffsDelta, Interval cliffsDeltaInterval,
                                double meanPctDiff, double medianDiff, Interval medianDiffInterval)
        implements MetricComparison {

    @Override
    public NumericComparison with(Significance value) {
        return new NumericComparison(metric, a, b, mannWhitneyU, z, value, cliffsDelta, cliffsDeltaInterval,
                meanPctDiff, medianDiff, medianDiffInterval);
    }

    @Override
    public double effectSize() {
        return cliffsDelta;
    }

    /**
     * The bootstrap interval of median_a − median_b, as tables show differences (this record keeps
     * median_b − median_a, as the JSON does), or null when there is none.
     */
    public Interval medianDiffIntervalAMinusB() {
        return medianDiffInterval == null ? null
                : new Interval(-medianDiffInterval.high(), -medianDiffInterval.low(), medianDiffInterval.level());
    }

    @Override
    public EffectMagnitude magnitude() {
        return EffectMagnitude.ofCliffsDelta(cliffsDelta);
    }
}
