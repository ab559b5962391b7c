package org.divergence.core.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.divergence.core.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class ProportionalAllocationTest {

    @Test
    void givesTheSeatsLeftToTheLargestRemaindersAndBreaksTiesByStratumOrder() {
        // Quotas 10·(1/3) each: three seats by floor, the one left goes to the first stratum.
        assertArrayEquals(new long[] {4, 3, 3}, ProportionalAllocation.allocate(new long[] {5, 5, 5}, 10));
        // Quotas 2.5, 3.5, 4.0 (n = 10, N = 20): remainders .5 and .5 tie; the earlier stratum wins.
        assertArrayEquals(new long[] {3, 3, 4}, ProportionalAllocation.allocate(new long[] {5, 7, 8}, 10));
        // Quotas 0.9, 0.1: the larger remainder wins though its stratum comes second.
        assertArrayEquals(new long[] {0, 1}, ProportionalAllocation.allocate(new long[] {1, 9}, 1));
        assertArrayEquals(new long[] {7}, ProportionalAllocation.allocate(new long[] {7}, 7));
    }

    @Test
    void sizesSumToNAndLieWithinOneOfTheQuota() {
        Random random = new Random(11);
        for (int run = 0; run < 2_000; run++) {
            long[] sizes = new long[1 + random.nextInt(30)];
            for (int h = 0; h < sizes.length; h++) {
                sizes[h] = random.nextInt(5) == 0 ? 1 : 1 + random.nextInt(run % 2 == 0 ? 50 : 2_000_000);
            }
            long total = Arrays.stream(sizes).sum();
            long n = 1 + (long) (random.nextDouble() * total);
            long[] allocation = ProportionalAllocation.allocate(sizes, n);
            assertEquals(n, Arrays.stream(allocation).sum());
            for (int h = 0; h < sizes.length; h++) {
                double quota = (double) n * sizes[h] / total;
                assertTrue(Math.abs(allocation[h] - quota) < 1, "stratum " + h + ": " + allocation[h] + " vs "
                        + quota);
                assertTrue(allocation[h] <= sizes[h]);
            }
        }
    }

    @Test
    void refusesMoreThanThePopulation() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ProportionalAllocation.allocate(new long[] {3, 4}, 8));
        assertTrue(e.getMessage().contains("holds 7 repositories"), e.getMessage());
    }
}
