package org.divergence.core.metrics;

import org.divergence.core.stats.FrequencyTable;

/**
 * A group's numeric metric: n, the location figures, and how many values are 0 (zero-inflated metrics are told
 * differently); NaN where undefined (n = 0).
 */
public record GroupSummary(long n, double mean, double median, double q1, double q3, long zeros) {

    public static GroupSummary of(FrequencyTable table) {
        long zeros = 0;
        for (int i = 0; i < table.distinct() && table.value(i) <= 0; i++) {
            zeros += table.value(i) == 0 ? table.count(i) : 0;
        }
        return new GroupSummary(table.n(), table.mean(), table.median(), table.quantile(0.25), table.quantile(0.75),
                zeros);
    }

    /** The share of values that are 0; NaN when n = 0. */
    public double zeroShare() {
        return n == 0 ? Double.NaN : (double) zeros / n;
    }
}
