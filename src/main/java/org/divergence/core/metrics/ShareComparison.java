package org.divergence.core.metrics;

import org.divergence.core.stats.EffectMagnitude;

/**
 * A share metric compared: both groups' shares, Pearson's chi-square of the 2×2 table (no continuity correction; NaN
 * when an expected count is 0), the test (Fisher's exact p when an expected count is below 5, else chi-square's),
 * share_diff = share_b − share_a, and Cohen's h = h_b − h_a.
 */
public record ShareComparison(Metric metric, ShareSummary a, ShareSummary b, double chiSquare,
                              Significance significance, double shareDiff, double cohensH)
        implements MetricComparison {

    @Override
    public ShareComparison with(Significance value) {
        return new ShareComparison(metric, a, b, chiSquare, value, shareDiff, cohensH);
    }

    @Override
    public double effectSize() {
        return cohensH;
    }

    @Override
    public EffectMagnitude magnitude() {
        return EffectMagnitude.ofCohensH(cohensH);
    }
}
