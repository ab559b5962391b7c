package org.divergence.core.charts;

import java.util.Arrays;
import org.divergence.core.stats.FrequencyTable;

/**
 * Histogram bins spaced evenly on a {@link ValueScale} (on log1p: logarithmically, with 0 in the first bin) across
 * the values of all groups, about {@link #PER_DECADE} per decade (between {@link #MIN_BINS} and {@link #MAX_BINS}).
 * Bins are half-open [edge i, edge i+1); for whole numbers the edges are whole too (so no bin is empty merely because
 * it holds no integer) and the last edge is max + 1, otherwise the last bin also includes the maximum.
 */
public record HistogramBins(double[] edges, boolean wholeNumbers) {

    public static final int PER_DECADE = 8;
    public static final int MIN_BINS = 10;
    public static final int MAX_BINS = 60;

    public HistogramBins {
        edges = edges.clone();
        if (edges.length < 2) {
            throw new IllegalArgumentException("a histogram needs at least one bin");
        }
    }

    public int count() {
        return edges.length - 1;
    }

    public double low(int bin) {
        return edges[bin];
    }

    public double high(int bin) {
        return edges[bin + 1];
    }

    /** True when the bin includes its upper edge (the last bin of a histogram of non-whole numbers). */
    public boolean closedAbove(int bin) {
        return !wholeNumbers && bin == count() - 1;
    }

    /** The bin holding the value, or −1 outside all bins. */
    public int binOf(double value) {
        if (value < edges[0] || value > edges[edges.length - 1]) {
            return -1;
        }
        if (value == edges[edges.length - 1]) {
            return wholeNumbers ? -1 : count() - 1;
        }
        int index = Arrays.binarySearch(edges, value);
        return index >= 0 ? index : -index - 2;
    }

    /** Bins over [min, max] on the scale. */
    public static HistogramBins spanning(double min, double max, boolean wholeNumbers, ValueScale scale) {
        if (Double.isNaN(min) || Double.isNaN(max)) {
            return new HistogramBins(new double[] {0, 1}, wholeNumbers);
        }
        if (wholeNumbers) {
            min = Math.floor(min);
            max = Math.floor(max);
        }
        if (max == min) {
            return new HistogramBins(new double[] {min, wholeNumbers ? min + 1 : min + 1e-9 * Math.max(1, min)},
                    wholeNumbers);
        }
        double low = scale.forward(min);
        double high = scale.forward(max);
        int bins = scale == ValueScale.LOG1P
                ? (int) Math.ceil(PER_DECADE * (high - low) / Math.log(10)) : 20;
        bins = Math.max(MIN_BINS, Math.min(MAX_BINS, bins));
        double[] edges = new double[bins + 1];
        int size = 0;
        for (int i = 0; i <= bins; i++) {
            double edge = i == 0 ? min : i == bins ? max : scale.inverse(low + (high - low) * i / bins);
            if (wholeNumbers) {
                edge = i == bins ? max + 1 : Math.ceil(edge);
            }
            if (size == 0 || edge > edges[size - 1]) {
                edges[size++] = edge;
            }
        }
        return new HistogramBins(Arrays.copyOf(edges, size), wholeNumbers);
    }

    /** How many of the table's observations fall into each bin. */
    public long[] counts(FrequencyTable table) {
        long[] counts = new long[count()];
        for (int i = 0; i < table.distinct(); i++) {
            int bin = binOf(table.value(i));
            if (bin >= 0) {
                counts[bin] += table.count(i);
            }
        }
        return counts;
    }
}
