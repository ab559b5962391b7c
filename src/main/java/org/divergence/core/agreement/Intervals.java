package org.divergence.core.agreement;

import java.util.Arrays;
import java.util.List;

/** Interval arithmetic on merged ranges stored as flat arrays [s0, e0, s1, e1, …], sorted and disjoint. */
final class Intervals {

    @FunctionalInterface
    interface RangeConsumer {
        void accept(int start, int end);
    }

    private Intervals() {
    }

    /** The union of the ranges, clipped to [0, length), as sorted disjoint intervals (touching ones joined). */
    static int[] merge(List<CodedRange> ranges, int length) {
        long[] packed = new long[ranges.size()];
        int n = 0;
        for (CodedRange range : ranges) {
            int start = Math.max(0, range.start());
            int end = Math.min(length, range.end());
            if (end > start) {
                packed[n++] = ((long) start << 32) | end;
            }
        }
        Arrays.sort(packed, 0, n);
        int[] merged = new int[2 * n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int start = (int) (packed[i] >>> 32);
            int end = (int) packed[i];
            if (m > 0 && start <= merged[m - 1]) {
                merged[m - 1] = Math.max(merged[m - 1], end);
            } else {
                merged[m++] = start;
                merged[m++] = end;
            }
        }
        return Arrays.copyOf(merged, m);
    }

    static long length(int[] intervals) {
        long total = 0;
        for (int i = 0; i < intervals.length; i += 2) {
            total += intervals[i + 1] - intervals[i];
        }
        return total;
    }

    static long intersectionLength(int[] a, int[] b) {
        long total = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int start = Math.max(a[i], b[j]);
            int end = Math.min(a[i + 1], b[j + 1]);
            if (end > start) {
                total += end - start;
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return total;
    }

    /** Reports the maximal ranges in {@code a} but not in {@code b}. */
    static void difference(int[] a, int[] b, RangeConsumer consumer) {
        int j = 0;
        for (int i = 0; i < a.length; i += 2) {
            int start = a[i];
            int end = a[i + 1];
            while (j < b.length && b[j + 1] <= start) {
                j += 2;
            }
            int k = j;
            while (start < end) {
                if (k >= b.length || b[k] >= end) {
                    consumer.accept(start, end);
                    break;
                }
                if (b[k] > start) {
                    consumer.accept(start, b[k]);
                }
                start = Math.max(start, b[k + 1]);
                k += 2;
            }
        }
    }
}
