package org.divergence.core.stats;

import java.util.Arrays;

/**
 * A sample as its ascending distinct values and their counts: everything the comparison needs (mean, NumPy
 * percentiles, ranks with ties, bootstrap order statistics) is computed from it in O(distinct values), not O(n).
 */
public final class FrequencyTable {

    private static final FrequencyTable EMPTY = new FrequencyTable(new double[0], new long[0]);

    private final double[] values;
    private final long[] counts;
    /** cumulative[i] = counts[0] + … + counts[i]. */
    private final long[] cumulative;
    private final long n;

    FrequencyTable(double[] values, long[] counts) {
        this.values = values;
        this.counts = counts;
        this.cumulative = new long[counts.length];
        long running = 0;
        for (int i = 0; i < counts.length; i++) {
            running += counts[i];
            cumulative[i] = running;
        }
        this.n = running;
    }

    public static FrequencyTable empty() {
        return EMPTY;
    }

    /**
     * A table of distinct values in strictly ascending order (no NaN, no -0.0) and their positive counts, e.g. as
     * stored in a summary; anything else is refused.
     */
    public static FrequencyTable ofDistinct(double[] values, long[] counts) {
        if (values.length != counts.length) {
            throw new IllegalArgumentException(values.length + " values but " + counts.length + " counts");
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i]) || counts[i] <= 0 || (i > 0 && !(values[i - 1] < values[i]))
                    || Double.doubleToRawLongBits(values[i]) == Double.doubleToRawLongBits(-0.0)) {
                throw new IllegalArgumentException("not a frequency table at entry " + i);
            }
        }
        return new FrequencyTable(values.clone(), counts.clone());
    }

    /** A table of the given observations (NaN refused); convenient for small samples and tests. */
    public static FrequencyTable of(double... sample) {
        FrequencyCounter counter = new FrequencyCounter();
        for (double value : sample) {
            counter.add(value);
        }
        return counter.toTable();
    }

    public long n() {
        return n;
    }

    public boolean isEmpty() {
        return n == 0;
    }

    public int distinct() {
        return values.length;
    }

    public double value(int index) {
        return values[index];
    }

    public long count(int index) {
        return counts[index];
    }

    /** The number of observations strictly below the distinct value at {@code index}. */
    public long countBelow(int index) {
        return index == 0 ? 0 : cumulative[index - 1];
    }

    /** The arithmetic mean (NaN for an empty sample); a compensated dot product, so exact to the last bits. */
    public double mean() {
        if (n == 0) {
            return Double.NaN;
        }
        // Ogita–Rump–Oishi Dot2: error-free products (fma) and sums, so the result is as if computed in twice
        // the working precision, then rounded once.
        double sum = 0;
        double compensation = 0;
        for (int i = 0; i < values.length; i++) {
            double product = values[i] * counts[i];
            double productError = Math.fma(values[i], (double) counts[i], -product);
            double next = sum + product;
            double z = next - sum;
            double sumError = (sum - (next - z)) + (product - z);
            sum = next;
            compensation += productError + sumError;
        }
        return (sum + compensation) / n;
    }

    /** The k-th smallest observation, counting from 0. */
    public double orderStatistic(long k) {
        if (k < 0 || k >= n) {
            throw new IndexOutOfBoundsException("order statistic " + k + " of " + n);
        }
        return values[indexOfRank(k)];
    }

    /** The index of the distinct value holding the k-th smallest observation (0-based). */
    private int indexOfRank(long k) {
        int index = Arrays.binarySearch(cumulative, k + 1);
        return index >= 0 ? index : -index - 1;
    }

    /**
     * The q-th quantile (0 ≤ q ≤ 1) by linear interpolation between order statistics, exactly as NumPy's default
     * {@code percentile(x, 100 q)} computes it (virtual index (n − 1)·q and NumPy's two-sided lerp).
     */
    public double quantile(double q) {
        if (n == 0) {
            return Double.NaN;
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile " + q + " is not in [0, 1]");
        }
        double virtualIndex = (n - 1) * q;
        if (virtualIndex >= n - 1) {
            return orderStatistic(n - 1);
        }
        long previous = (long) Math.floor(virtualIndex);
        double gamma = virtualIndex - previous;
        return Quantiles.lerp(orderStatistic(previous), orderStatistic(previous + 1), gamma);
    }

    /** The median as NumPy's {@code median}: the middle observation, or the mean of the two middle ones. */
    public double median() {
        if (n == 0) {
            return Double.NaN;
        }
        if (n % 2 == 1) {
            return orderStatistic(n / 2);
        }
        return (orderStatistic(n / 2 - 1) + orderStatistic(n / 2)) / 2.0;
    }

    /**
     * The empirical distribution's quantile function at u in (0, 1]: the smallest observation x with
     * F(x) ≥ u. Drawing X = F⁻¹(U) for uniform U samples the empirical distribution, which the bootstrap uses.
     */
    public double inverseEcdf(double u) {
        long rank = (long) Math.ceil(n * u) - 1;
        return orderStatistic(Math.min(n - 1, Math.max(0, rank)));
    }
}
