package org.divergence.core.charts;

import org.divergence.core.stats.FrequencyTable;

/**
 * A group's empirical distribution function F(x) = (observations ≤ x) / n, read off its frequency table: exact at
 * every value, and downsampled for drawing to the points a given pixel width can show.
 */
public final class Ecdf {

    private final FrequencyTable table;

    public Ecdf(FrequencyTable table) {
        this.table = table;
    }

    public long n() {
        return table.n();
    }

    public boolean isEmpty() {
        return table.isEmpty();
    }

    /** The smallest and largest observation (NaN when empty). */
    public double min() {
        return table.isEmpty() ? Double.NaN : table.value(0);
    }

    public double max() {
        return table.isEmpty() ? Double.NaN : table.value(table.distinct() - 1);
    }

    /** The number of distinct values: the points of the full step function. */
    public int distinct() {
        return table.distinct();
    }

    /** F(x), exactly; NaN when empty. */
    public double at(double x) {
        if (table.isEmpty()) {
            return Double.NaN;
        }
        int index = lastAtMost(x);
        return index < 0 ? 0 : fraction(index);
    }

    /** Observations ≤ x. */
    public long countAtMost(double x) {
        int index = lastAtMost(x);
        return index < 0 ? 0 : table.countBelow(index) + table.count(index);
    }

    private double fraction(int index) {
        return (double) (table.countBelow(index) + table.count(index)) / table.n();
    }

    /** The index of the largest distinct value ≤ x, or −1. */
    private int lastAtMost(double x) {
        int low = 0;
        int high = table.distinct() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (table.value(middle) <= x) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    /**
     * The step function's points (x = a distinct value, f = F(x), exact) between {@code from} and {@code to},
     * thinned to at most two per pixel column: of the values falling into one of {@code columns} equal slices of
     * the range on the scale, the first and the last are kept. A step renderer then draws the true curve up to less
     * than a column's width: F only rises inside a column, and between columns nothing is dropped. One point beyond
     * each end of the range is kept so the steps entering and leaving the view are drawn.
     */
    public Points sample(ValueScale scale, double from, double to, int columns) {
        int count = table.distinct();
        if (count == 0) {
            return new Points(new double[0], new double[0]);
        }
        int first = Math.max(0, lastAtMost(from));
        int last = lastAtMost(to);
        last = last < 0 ? 0 : Math.min(count - 1, last + 1);
        double start = scale.forward(Math.max(from, table.value(0)));
        double span = scale.forward(Math.min(to, table.value(count - 1))) - start;
        int slices = Math.max(1, columns);
        double[] xs = new double[Math.min(last - first + 1, 2 * slices + 8)];
        double[] fs = new double[xs.length];
        int kept = 0;
        // The first value of a column, then (by binary search, so the cost grows with the columns, not with the
        // distinct values) the last one of the same column.
        int i = first;
        while (i <= last) {
            long column = column(i, scale, start, span, slices);
            kept = keep(xs, fs, kept, i);
            int low = i + 1;
            int high = last;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (column(middle, scale, start, span, slices) > column) {
                    high = middle - 1;
                } else {
                    low = middle + 1;
                }
            }
            int end = low - 1;
            if (end > i) {
                kept = keep(xs, fs, kept, end);
            }
            i = end + 1;
        }
        return new Points(java.util.Arrays.copyOf(xs, kept), java.util.Arrays.copyOf(fs, kept));
    }

    private long column(int index, ValueScale scale, double start, double span, int columns) {
        return span > 0 ? (long) Math.floor((scale.forward(table.value(index)) - start) / span * columns) : 0;
    }

    private int keep(double[] xs, double[] fs, int kept, int index) {
        double[] x = xs;
        if (kept == x.length) {
            throw new IllegalStateException("more points than columns allow");
        }
        x[kept] = table.value(index);
        fs[kept] = fraction(index);
        return kept + 1;
    }

    /** Points of the step function: F jumps to f[i] at x[i] and stays there until x[i + 1]. */
    public record Points(double[] x, double[] f) {
        public int size() {
            return x.length;
        }
    }
}
