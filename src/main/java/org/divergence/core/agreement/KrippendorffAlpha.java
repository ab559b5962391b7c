package org.divergence.core.agreement;

import java.util.Arrays;

/**
 * Krippendorff's alpha from reliability data (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"): a
 * matrix of coders × units whose cells hold a value or are missing, for nominal, ordinal, interval or ratio data.
 * Units with fewer than two values cannot be paired and are left out entirely. alpha = 1 − (n − 1)·Σ o_ck δ²_ck /
 * Σ n_c n_k δ²_ck over the coincidence matrix o, its marginals n_c and the level's squared difference δ².
 */
public final class KrippendorffAlpha {

    /** The level of measurement, which chooses the difference function δ². */
    public enum Level {
        /** δ² = 0 for equal values, 1 otherwise. */
        NOMINAL,
        /** δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)² over the ranks of the values that occur. */
        ORDINAL,
        /** δ² = (c − k)². */
        INTERVAL,
        /** δ² = ((c − k) / (c + k))², 0 when c + k = 0. */
        RATIO
    }

    private KrippendorffAlpha() {
    }

    /**
     * Alpha of {@code data[coder][unit]}, where {@link Double#NaN} marks a missing value; null when undefined (fewer
     * than two pairable values, or no expected disagreement because a single value occurs).
     */
    public static Double of(double[][] data, Level level) {
        int units = data.length == 0 ? 0 : data[0].length;
        for (double[] coder : data) {
            if (coder.length != units) {
                throw new IllegalArgumentException("every coder needs a cell for each of the " + units + " units");
            }
        }
        double[] values = Arrays.stream(data).flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v))
                .distinct().sorted().toArray();
        int kinds = values.length;
        double[][] coincidences = new double[kinds][kinds];
        long[] marginals = new long[kinds];
        long[] inUnit = new long[kinds];
        int[] present = new int[data.length];
        for (int unit = 0; unit < units; unit++) {
            int distinct = 0;
            int pairable = 0;
            for (double[] coder : data) {
                if (!Double.isNaN(coder[unit])) {
                    int index = Arrays.binarySearch(values, coder[unit]);
                    if (inUnit[index]++ == 0) {
                        present[distinct++] = index;
                    }
                    pairable++;
                }
            }
            if (pairable >= 2) {
                for (int i = 0; i < distinct; i++) {
                    int c = present[i];
                    marginals[c] += inUnit[c];
                    for (int j = 0; j < distinct; j++) {
                        int k = present[j];
                        long pairs = inUnit[c] * inUnit[k] - (c == k ? inUnit[c] : 0);
                        coincidences[c][k] += pairs / (double) (pairable - 1);
                    }
                }
            }
            for (int i = 0; i < distinct; i++) {
                inUnit[present[i]] = 0;
            }
        }
        long n = Arrays.stream(marginals).sum();
        if (n < 2) {
            return null;
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < kinds; c++) {
            for (int k = 0; k < kinds; k++) {
                double delta = squaredDifference(level, values, marginals, c, k);
                observed += coincidences[c][k] * delta;
                expected += (double) marginals[c] * marginals[k] * delta;
            }
        }
        return expected == 0 ? null : 1 - (n - 1) * observed / expected;
    }

    private static double squaredDifference(Level level, double[] values, long[] marginals, int c, int k) {
        if (c == k) {
            return 0;
        }
        return switch (level) {
            case NOMINAL -> 1;
            case ORDINAL -> {
                double between = 0;
                for (int g = Math.min(c, k); g <= Math.max(c, k); g++) {
                    between += marginals[g];
                }
                double d = between - (marginals[c] + marginals[k]) / 2.0;
                yield d * d;
            }
            case INTERVAL -> (values[c] - values[k]) * (values[c] - values[k]);
            case RATIO -> {
                double sum = values[c] + values[k];
                double d = sum == 0 ? 0 : (values[c] - values[k]) / sum;
                yield d * d;
            }
        };
    }
}
