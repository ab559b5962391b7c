package org.divergence.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrequencyTableTest {

    @Test
    void countsDistinctValuesInOrderAndFoldsNegativeZero() {
        FrequencyCounter counter = new FrequencyCounter();
        for (double value : new double[] {3, 1, 3, -0.0, 0.0, 2.5, 3}) {
            counter.add(value);
        }
        FrequencyTable table = counter.toTable();
        assertEquals(4, table.distinct());
        assertEquals(7, table.n());
        assertEquals(0.0, table.value(0));
        assertEquals(2, table.count(0));
        assertEquals(3.0, table.value(3));
        assertEquals(3, table.count(3));
        assertEquals(4, table.countBelow(3));
    }

    @Test
    void refusesNaNAndNegativeCounts() {
        FrequencyCounter counter = new FrequencyCounter();
        assertThrows(IllegalArgumentException.class, () -> counter.add(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> counter.add(1, -2));
    }

    @Test
    void growsPastManyDistinctValuesAndMergesCounters() {
        FrequencyCounter first = new FrequencyCounter();
        FrequencyCounter second = new FrequencyCounter();
        for (int i = 0; i < 100_000; i++) {
            first.add(i % 50_000);
            second.add(i * 0.5);
        }
        first.addAll(second);
        FrequencyTable table = first.toTable();
        assertEquals(200_000, table.n());
        assertEquals(100_000, table.distinct()); // 0 … 49,999 and the halves 0 … 49,999.5
        assertEquals(3, countOf(table, 10.0)); // twice in first, once as 20 * 0.5
        assertEquals(1, countOf(table, 10.5));
    }

    private static long countOf(FrequencyTable table, double value) {
        for (int i = 0; i < table.distinct(); i++) {
            if (table.value(i) == value) {
                return table.count(i);
            }
        }
        return 0;
    }

    @Test
    void quantilesAndMedianFollowNumpy() {
        // numpy.percentile([1, 2, 2, 3, 7, 10], [25, 50, 75]) = [2.0, 2.5, 6.0]; numpy.median = 2.5
        FrequencyTable table = FrequencyTable.of(7, 2, 10, 1, 3, 2);
        assertEquals(2.0, table.quantile(0.25));
        assertEquals(2.5, table.quantile(0.5));
        assertEquals(6.0, table.quantile(0.75));
        assertEquals(2.5, table.median());
        assertEquals(25.0 / 6, table.mean());
        // numpy.percentile([5], 25) = 5.0; numpy.percentile([1, 4], 75) = 3.25
        assertEquals(5.0, FrequencyTable.of(5).quantile(0.25));
        assertEquals(3.25, FrequencyTable.of(1, 4).quantile(0.75));
        assertEquals(10.0, table.quantile(1.0));
        assertEquals(1.0, table.quantile(0.0));
    }

    @Test
    void frequencyTableAgreesWithSortingTheSample() {
        Random random = new Random(11);
        double[] sample = new double[5001];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = random.nextInt(40) == 0 ? random.nextDouble() * 1000 : random.nextInt(6);
        }
        FrequencyTable table = FrequencyTable.of(sample);
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        for (double q : new double[] {0, 0.1, 0.25, 0.333, 0.5, 0.75, 0.9, 0.975, 1}) {
            assertEquals(Quantiles.linear(sorted, q), table.quantile(q), "q = " + q);
        }
        for (int k = 0; k < sorted.length; k += 97) {
            assertEquals(sorted[k], table.orderStatistic(k));
        }
        assertEquals(sorted[sorted.length / 2], table.median());
        assertEquals(sorted[0], table.inverseEcdf(1e-9));
        assertEquals(sorted[sorted.length - 1], table.inverseEcdf(1.0));
        assertEquals(sorted[2500], table.inverseEcdf(2501.0 / 5001));
    }

    @Test
    void meanIsExactForLargeIntegerSums() {
        FrequencyCounter counter = new FrequencyCounter();
        counter.add(1e15, 3);
        counter.add(1, 3);
        assertEquals((3e15 + 3) / 6, counter.toTable().mean());
    }

    @Test
    void emptyTableHasNoFigures() {
        FrequencyTable empty = FrequencyTable.empty();
        assertTrue(empty.isEmpty());
        assertTrue(Double.isNaN(empty.mean()));
        assertTrue(Double.isNaN(empty.median()));
        assertTrue(Double.isNaN(empty.quantile(0.25)));
        assertThrows(IndexOutOfBoundsException.class, () -> empty.orderStatistic(0));
    }
}
