package org.divergence.core.metrics;

import org.divergence.core.stats.PValueMethod;

/**
 * A metric's test: the two-sided p-value, how it was computed (null when there was no test), and the p-value adjusted
 * by Holm and by Benjamini–Hochberg over the comparison's family (every metric of the comparison with a known p).
 * Unknown figures are NaN.
 */
public record Significance(double pValue, PValueMethod method, double holm, double bh) {

    /** No test (e.g. a group is empty). */
    public static final Significance NONE = new Significance(Double.NaN, null, Double.NaN, Double.NaN);

    /** A p-value not yet adjusted for its family (or NONE for NaN). */
    public static Significance of(double pValue, PValueMethod method) {
        return Double.isNaN(pValue) ? NONE : new Significance(pValue, method, Double.NaN, Double.NaN);
    }

    public Significance adjusted(double holmP, double bhP) {
        return new Significance(pValue, method, holmP, bhP);
    }
}
