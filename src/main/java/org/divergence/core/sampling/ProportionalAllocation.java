package org.divergence.core.sampling;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.divergence.core.common.InvalidInputException;

/**
 * Proportional allocation by largest remainder (Hamilton's method): stratum h gets floor(n·N_h/N), and the seats
 * left go one each to the strata with the largest remainders n·N_h mod N, ties to the stratum that comes first. The
 * sizes sum to n and each lies within 1 of n·N_h/N. Exact integer arithmetic: no rounding can move a seat.
 */
public final class ProportionalAllocation {

    private ProportionalAllocation() {
    }

    /** {@code sizes}: the strata's population sizes in stratum order; {@code n}: 0 to their sum. */
    public static long[] allocate(long[] sizes, long n) {
        long total = Arrays.stream(sizes).sum();
        if (n < 0 || n > total) {
            throw new InvalidInputException("--n " + n + ": the population holds " + total
                    + " repositories; draw between 1 and " + total);
        }
        long[] allocation = new long[sizes.length];
        long[] remainders = new long[sizes.length];
        long given = 0;
        for (int h = 0; h < sizes.length; h++) {
            // n and N_h are at most a few million each, so n·N_h fits a long; multiplyHigh guards the rest.
            if (Math.multiplyHigh(n, sizes[h]) != 0 || n * sizes[h] < 0) {
                throw new ArithmeticException("population too large to allocate exactly");
            }
            long product = n * sizes[h];
            allocation[h] = product / total;
            remainders[h] = product % total;
            given += allocation[h];
        }
        int[] byRemainder = IntStream.range(0, sizes.length).boxed()
                .sorted(Comparator.<Integer>comparingLong(h -> -remainders[h]).thenComparingInt(h -> h))
                .mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < n - given; i++) {
            allocation[byRemainder[i]]++;
        }
        return allocation;
    }
}
