package org.divergence.core.common;

import java.util.Arrays;

/**
 * Orders positions by 64-bit keys with a stable least-significant-digit radix sort: equal keys keep their input
 * order, so rows read in id order come out sorted by key, then id. Linear in the number of keys (at most four
 * passes of 16 bits, fewer when the keys share their high bits), which is what lets the Repositories view sort millions
 * of rows by any column in well under a second (docs/decisions/0132-sorting-repositories-in-memory.md).
 * When the keys' range and the positions fit in one 64-bit value together (every column of the view), each is
 * sorted as one value with its position below its key: a pass then reads and writes one array in sequence instead of
 * looking up the key of each position at random.
 */
public final class KeyOrder {

    private static final int DIGIT_BITS = 16;
    private static final int DIGITS = 1 << DIGIT_BITS;
    private static final int PASSES = Long.SIZE / DIGIT_BITS;

    private KeyOrder() {
    }

    /** The positions {@code 0..count-1} ordered by {@code keys} (signed, ascending), equal keys in position order. */
    public static int[] ascending(long[] keys, int count) {
        int[] packed = packedOrder(keys, count);
        return packed != null ? packed : orderOfPositions(keys, count);
    }

    /** The order, sorting (key - smallest key) and position as one value; null when they do not fit in 63 bits. */
    private static int[] packedOrder(long[] keys, int count) {
        if (count == 0) {
            return new int[0];
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, keys[i]);
            max = Math.max(max, keys[i]);
        }
        long range = max - min; // negative when the difference overflows
        int positionBits = Long.SIZE - Long.numberOfLeadingZeros(Math.max(1, count - 1));
        int keyBits = Long.SIZE - Long.numberOfLeadingZeros(range);
        if (range < 0 || keyBits + positionBits > Long.SIZE - 1) {
            return null;
        }
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = (keys[i] - min) << positionBits | i;
        }
        long[] buffer = new long[count];
        int[] starts = new int[DIGITS];
        // The positions are in order already: only the key's digits need passes.
        for (int shift = positionBits; shift < positionBits + keyBits; shift += DIGIT_BITS) {
            Arrays.fill(starts, 0);
            for (int i = 0; i < count; i++) {
                starts[(int) (values[i] >>> shift) & (DIGITS - 1)]++;
            }
            if (!countsToStarts(starts, count)) {
                continue;
            }
            for (int i = 0; i < count; i++) {
                long value = values[i];
                buffer[starts[(int) (value >>> shift) & (DIGITS - 1)]++] = value;
            }
            long[] sorted = buffer;
            buffer = values;
            values = sorted;
        }
        int[] order = new int[count];
        long positionMask = (1L << positionBits) - 1;
        for (int i = 0; i < count; i++) {
            order[i] = (int) (values[i] & positionMask);
        }
        return order;
    }

    private static int[] orderOfPositions(long[] keys, int count) {
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
            if (!countsToStarts(starts, count)) {
                continue;
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

    /**
     * Turns a pass's digit counts into each digit's first place in the output; false, leaving them, when every key
     * has the same digit (the pass would change nothing).
     */
    private static boolean countsToStarts(int[] histogram, int count) {
        if (allInOneBucket(histogram, count)) {
            return false;
        }
        int sum = 0;
        for (int digit = 0; digit < DIGITS; digit++) {
            int size = histogram[digit];
            histogram[digit] = sum;
            sum += size;
        }
        return true;
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
