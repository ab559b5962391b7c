package org.divergence.core.metrics;

import java.util.ArrayList;
import java.util.List;
import org.divergence.core.stats.MultipleTesting;

/**
 * Every metric compared between two groups, in report order, and, when the comparison was stratified, the same
 * within each stratum with the combined tests (null otherwise). The metrics of one pair are one family of tests:
 * their Holm and Benjamini–Hochberg p-values are adjusted over every metric with a known p ({@link #of}).
 */
public record PairComparison(Group a, Group b, List<MetricComparison> metrics, StratifiedComparison stratified) {

    /** The pair with its metrics' p-values adjusted over the family; not stratified. */
    public static PairComparison of(Group a, Group b, List<MetricComparison> metrics) {
        double[] p = metrics.stream().mapToDouble(MetricComparison::pValue).toArray();
        double[] holm = MultipleTesting.holm(p);
        double[] bh = MultipleTesting.benjaminiHochberg(p);
        List<MetricComparison> adjusted = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            MetricComparison metric = metrics.get(i);
            adjusted.add(metric.with(metric.significance().adjusted(holm[i], bh[i])));
        }
        return new PairComparison(a, b, List.copyOf(adjusted), null);
    }

    public PairComparison withStratified(StratifiedComparison value) {
        return new PairComparison(a, b, metrics, value);
    }

    public MetricComparison metric(Metric metric) {
        return metrics.stream().filter(comparison -> comparison.metric().equals(metric)).findFirst().orElseThrow();
    }

    /** The number of tests the adjusted p-values account for: the metrics with a known p. */
    public int familySize() {
        return (int) metrics.stream().filter(metric -> !Double.isNaN(metric.pValue())).count();
    }
}
