package org.divergence.core.agreement;

import java.util.Arrays;

/**
 * The units of one text as sorted, non-overlapping code point ranges [start, end). Finds the units a range touches
 * by binary search, so marking the units of k codings costs O(k log n + touched units).
 */
public final class UnitSpans {

    private final int[] starts;
    private final int[] ends;
    private final int count;

    UnitSpans(int[] starts, int[] ends, int count) {
        this.starts = starts;
        this.ends = ends;
        this.count = count;
        for (int i = 0; i < count; i++) {
            if (ends[i] <= starts[i] || (i > 0 && starts[i] < ends[i - 1])) {
                throw new IllegalArgumentException("unit " + i + " [" + starts[i] + ", " + ends[i]
                        + ") is empty or overlaps the one before");
            }
        }
    }

    /** Units given as consecutive (start, end) pairs, sorted and non-overlapping (tests and golden data). */
    public static UnitSpans of(int... startEndPairs) {
        int n = startEndPairs.length / 2;
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = startEndPairs[2 * i];
            ends[i] = startEndPairs[2 * i + 1];
        }
        return new UnitSpans(starts, ends, n);
    }

    public int count() {
        return count;
    }

    public int start(int unit) {
        return starts[unit];
    }

    public int end(int unit) {
        return ends[unit];
    }

    /** Index of the first unit ending after {@code position} (count() if none). */
    public int firstEndingAfter(int position) {
        int index = Arrays.binarySearch(ends, 0, count, position);
        // An exact hit ends at position, so it does not contain it: the next one is the first candidate.
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** Growable builder; units must be added in order. */
    static final class Builder {
        private int[] starts = new int[64];
        private int[] ends = new int[64];
        private int count;

        void add(int start, int end) {
            if (end <= start) {
                return;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            count++;
        }

        UnitSpans build() {
            return new UnitSpans(starts, ends, count);
        }
    }
}
