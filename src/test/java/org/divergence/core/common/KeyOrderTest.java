package org.divergence.core.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The radix order against the JDK's stable sort of the same positions. */
class KeyOrderTest {

    @Test
    void ordersLikeAStableSortOfTheKeys() {
        Random random = new Random(23);
        for (int bits : new int[] {1, 3, 16, 17, 40, 64}) {
            long[] keys = new long[5_000];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = bits == 64 ? random.nextLong() : random.nextLong() >> (64 - bits);
            }
            // Keys of a small range are sorted packed with their positions; the extremes need the general way.
            assertArrayEquals(reference(keys, keys.length), KeyOrder.ascending(keys, keys.length), bits + " bits");
            keys[7] = Long.MIN_VALUE;
            keys[8] = Long.MAX_VALUE;
            keys[9] = -1;
            assertArrayEquals(reference(keys, keys.length), KeyOrder.ascending(keys, keys.length), bits + " bits, "
                    + "extremes");
            assertArrayEquals(reference(keys, 100), KeyOrder.ascending(keys, 100), "a prefix of " + bits + " bits");
        }
    }

    @Test
    void equalAndEmptyKeys() {
        assertArrayEquals(new int[] {0, 1, 2}, KeyOrder.ascending(new long[] {5, 5, 5}, 3));
        assertArrayEquals(new int[0], KeyOrder.ascending(new long[0], 0));
        assertArrayEquals(new int[] {0}, KeyOrder.ascending(new long[] {-4}, 1));
        assertArrayEquals(new int[] {1, 0, 2}, KeyOrder.ascending(new long[] {-3, -1L << 40, -3}, 3));
    }

    private static int[] reference(long[] keys, int count) {
        return IntStream.range(0, count).boxed()
                .sorted(Comparator.comparingLong(position -> keys[position]))
                .mapToInt(Integer::intValue).toArray();
    }
}
