package org.divergence.core.metrics;

import org.divergence.core.stats.FrequencyTable;

/** A group's numeric metric: n and the location figures; NaN where undefined (n = 0). */
public record GroupSummary(long n, double mean, double median, double q1, double q3) {

    public static GroupSummary of(FrequencyTable table) {
        return new GroupSummary(table.n(), table.mean(), table.median(), table.quantile(0.25), table.quantile(0.75));
    }
}
