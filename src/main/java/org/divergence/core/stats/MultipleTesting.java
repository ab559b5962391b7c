package org.divergence.core.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p-values over a family of tests, as statsmodels' {@code multipletests(p, method='holm' | 'fdr_bh')}, bit
 * for bit. Unknown p-values (NaN) are not tests: they are left out of the family (statsmodels would count them in
 * Holm's m, and return all NaN for Benjamini–Hochberg) and stay NaN.
 */
public final class MultipleTesting {

    private MultipleTesting() {
    }

    /** The number of known p-values: the family's size. */
    public static int familySize(double[] p) {
        return (int) Arrays.stream(p).filter(value -> !Double.isNaN(value)).count();
    }

    /** Holm's step-down adjustment: running maximum of p₍ᵢ₎·(m − i + 1) from the smallest p, capped at 1. */
    public static double[] holm(double[] p) {
        int[] order = ascending(p);
        int m = order.length;
        double[] adjusted = nans(p.length);
        double running = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            running = Math.max(running, p[order[k]] * (double) (m - k));
            adjusted[order[k]] = Math.min(running, 1.0);
        }
        return adjusted;
    }

    /**
     * Benjamini–Hochberg: running minimum of p₍ᵢ₎ / (i / m) from the largest p, capped at 1 (statsmodels divides by
     * the empirical CDF i/m, which is not always the same double as p·m/i).
     */
    public static double[] benjaminiHochberg(double[] p) {
        int[] order = ascending(p);
        int m = order.length;
        double[] adjusted = nans(p.length);
        double running = Double.POSITIVE_INFINITY;
        for (int k = m - 1; k >= 0; k--) {
            double ecdf = (k + 1) / (double) m;
            running = Math.min(running, p[order[k]] / ecdf);
            adjusted[order[k]] = Math.min(running, 1.0);
        }
        return adjusted;
    }

    /** Indices of the known p-values, smallest p first (tied p-values get equal adjusted values in any order). */
    private static int[] ascending(double[] p) {
        return IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).mapToInt(Integer::intValue).toArray();
    }

    private static double[] nans(int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
