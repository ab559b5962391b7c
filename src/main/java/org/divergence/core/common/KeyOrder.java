package org.divergence.core.common;

/**
 * Orders positions by 64-bit keys with a stable least-significant-digit radix sort: equal keys keep their input
 * order, so rows read in id order come out sorted by key, then id. Linear in the number of keys (at most four
 * passes of 16 bits, fewer when the keys share their high bits), which is what lets the Repositories view sort millions
 * of rows by any column in well under a second (docs/decisions/0132-sorting-repositories-in-memory.md).
 */
public final class KeyOrder {

    private static final int DIGIT_BITS = 16;
    private static final int DIGITS = 1 << DIGIT_BITS;
    private static final int PASSES = Long.SIZE / DIGIT_BITS;

    private KeyOrder() {
    }

    /** The positions {@code 0..count-1} ordered by {@code keys} (signed, ascending), equal keys in position order. */
    public static int[] ascending(long[] keys, int count) {
        int[][] histograms = new int[PASSES][DIGITS];
        for (int i = 0; i < count; i++) {
            long key = keys[i] ^ Long.MIN_VALUE; // signed order as unsigned digits
            for (int pass = 0; pass < PASSES; pass++) {
                histograms[pass][digit(key, pass)]++;
            }
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        int[] buffer = new int[count];
        for (int pass = 0; pass < PASSES; pass++) {
            int[] starts = histograms[pass];
            if (allInOneBucket(starts, count)) {
                continue;
            }
            int sum = 0;
            for (int digit = 0; digit < DIGITS; digit++) {
                int size = starts[digit];
                starts[digit] = sum;
                sum += size;
            }
            for (int i = 0; i < count; i++) {
                int position = order[i];
                buffer[starts[digit(keys[position] ^ Long.MIN_VALUE, pass)]++] = position;
            }
            int[] sorted = buffer;
            buffer = order;
            order = sorted;
        }
        return order;
    }

    private static int digit(long key, int pass) {
        return (int) (key >>> (pass * DIGIT_BITS)) & (DIGITS - 1);
    }

    private static boolean allInOneBucket(int[] histogram, int count) {
        for (int size : histogram) {
            if (size != 0) {
                return size == count;
            }
        }
        return true;
    }
}
