package org.divergence.core.stats;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The Wilson score interval of a proportion (Wilson 1927), without continuity correction: the interval statsmodels'
 * {@code proportion_confint(count, nobs, method='wilson')} gives. Unlike the Wald interval it stays inside [0, 1] and
 * keeps its coverage for shares near 0 or 1 and for small groups, which repository shares often are.
 */
public final class WilsonInterval {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private WilsonInterval() {
    }

    /** The interval of yes / n at the level (e.g. 0.95); null when n is 0. */
    public static Interval of(long yes, long n, double level) {
        if (n <= 0) {
            return null;
        }
        if (yes < 0 || yes > n) {
            throw new IllegalArgumentException(yes + " of " + n);
        }
        double z = NORMAL.inverseCumulativeProbability((1 + level) / 2);
        double p = (double) yes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // At 0 and 1 the interval touches the bound exactly (rounding would leave 1e-17 outside [0, 1]).
        double low = yes == 0 ? 0 : Math.max(0, centre - half);
        double high = yes == n ? 1 : Math.min(1, centre + half);
        return new Interval(low, high, level);
    }
}
