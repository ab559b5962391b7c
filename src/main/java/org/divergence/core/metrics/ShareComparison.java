package org.divergence.core.metrics;

import org.divergence.core.stats.EffectMagnitude;

/**
 * A share metric compared: both groups' shares, Pearson's chi-square of the 2×2 table (no continuity correction) and
 * its p-value (NaN when an expected count is 0), share_diff = share_b − share_a, and Cohen's h.
 */
public record ShareComparison(Metric metric, ShareSummary a, ShareSummary b, double chiSquare, double pValue,
                              double shareDiff, double cohensH) implements MetricComparison {

    @Override
    public double effectSize() {
        return cohensH;
    }

    @Override
    public EffectMagnitude magnitude() {
        return EffectMagnitude.ofCohensH(cohensH);
    }
}
