package org.divergence.core.stats;

/** NumPy's "linear" percentile method on plain sorted arrays (the bootstrap's replicates use it). */
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

    /** NumPy's {@code _lerp}: a + (b − a)·t, computed from the nearer end so that t = 1 gives b exactly. */
    static double lerp(double a, double b, double t) {
        double difference = b - a;
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
    }
}
