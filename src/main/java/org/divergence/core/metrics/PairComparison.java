package org.divergence.core.metrics;

import java.util.List;

/** Every metric compared between two groups, in {@link Metric} order. */
public record PairComparison(Group a, Group b, List<MetricComparison> metrics) {

    public MetricComparison metric(Metric metric) {
        return metrics.stream().filter(comparison -> comparison.metric() == metric).findFirst().orElseThrow();
    }
}
