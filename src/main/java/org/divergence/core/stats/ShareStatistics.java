package org.divergence.core.stats;

/** Effect size of a difference between two proportions. */
public final class ShareStatistics {

    private ShareStatistics() {
    }

    /** Cohen's h = 2·asin(√p_b) − 2·asin(√p_a); NaN when a proportion is undefined. */
    public static double cohensH(double shareA, double shareB) {
        return 2 * Math.asin(Math.sqrt(shareB)) - 2 * Math.asin(Math.sqrt(shareA));
    }
}
