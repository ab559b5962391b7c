package org.divergence.core.stats;

/**
 * The app's one percentile definition: NumPy's default ("linear") method, on plain arrays (the bootstrap's
 * replicates, benchmark timings); {@link FrequencyTable#quantile} computes the same on frequency tables.
 */
public final class Quantiles {

    private Quantiles() {
    }

    /** The q-th quantile of an ascending array, as {@code numpy.percentile(sorted, 100 q)}; NaN when empty. */
    public static double linear(double[] sorted, double q) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double virtualIndex = (n - 1) * q;
        if (virtualIndex >= n - 1) {
            return sorted[n - 1];
        }
        int previous = (int) Math.floor(virtualIndex);
        return lerp(sorted[previous], sorted[previous + 1], virtualIndex - previous);
    }

    /** The q-th quantile of values in any order, as {@code numpy.percentile(values, 100 q)}; NaN when empty. */
    public static double linear(java.util.Collection<? extends Number> values, double q) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return linear(sorted, q);
    }

    /** The median of values in any order, as {@code numpy.median}. */
    public static double median(java.util.Collection<? extends Number> values) {
        return linear(values, 0.5);
    }

    /** NumPy's {@code _lerp}: a + (b − a)·t, computed from the nearer end so that t = 1 gives b exactly. */
    static double lerp(double a, double b, double t) {
        double difference = b - a;
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
    }
}
