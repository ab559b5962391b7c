package org.divergence.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MannWhitneyTest {

    @Test
    void smallSampleMatchesScipy() {
        // scipy.stats.mannwhitneyu([1, 2, 2, 5], [2, 3, 3], method='asymptotic')
        //   -> statistic=4.0, pvalue=0.578403013496116
        MannWhitney.Result result = MannWhitney.test(FrequencyTable.of(1, 2, 2, 5), FrequencyTable.of(2, 3, 3));
        assertEquals(4.0, result.u());
        assertEquals(0.578403013496116, result.pValue(), 1e-6 * 0.578403013496116);
        assertEquals(2 * 4.0 / 12 - 1, result.cliffsDelta(), 1e-15);
    }

    @Test
    void uOfAEqualsTheCountOfWinsPlusHalfTies() {
        Random random = new Random(3);
        double[] a = new double[211];
        double[] b = new double[157];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextInt(9);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextInt(7);
        }
        double wins = 0;
        for (double x : a) {
            for (double y : b) {
                wins += x > y ? 1 : x == y ? 0.5 : 0;
            }
        }
        MannWhitney.Result result = MannWhitney.test(FrequencyTable.of(a), FrequencyTable.of(b));
        assertEquals(wins, result.u());
        MannWhitney.Result swapped = MannWhitney.test(FrequencyTable.of(b), FrequencyTable.of(a));
        assertEquals((double) a.length * b.length - wins, swapped.u());
        assertEquals(result.pValue(), swapped.pValue(), 1e-15);
        assertEquals(-result.cliffsDelta(), swapped.cliffsDelta(), 1e-15);
    }

    @Test
    void identicalValuesGiveOneAndEmptySamplesGiveNothing() {
        MannWhitney.Result tied = MannWhitney.test(FrequencyTable.of(4, 4, 4), FrequencyTable.of(4, 4));
        assertEquals(1.0, tied.pValue());
        assertEquals(0.0, tied.cliffsDelta());
        assertNull(MannWhitney.test(FrequencyTable.empty(), FrequencyTable.of(1)));
        assertNull(MannWhitney.test(FrequencyTable.of(1), FrequencyTable.empty()));
    }

    @Test
    void completeSeparationOfLargeSamplesUnderflowsOnlyTruly() {
        FrequencyCounter a = new FrequencyCounter();
        FrequencyCounter b = new FrequencyCounter();
        a.add(1, 60);
        b.add(0, 60);
        MannWhitney.Result moderate = MannWhitney.test(a.toTable(), b.toTable());
        assertTrue(moderate.pValue() > 0 && moderate.pValue() < 1e-20, "" + moderate.pValue());
        a.add(1, 5_000);
        b.add(0, 5_000);
        MannWhitney.Result extreme = MannWhitney.test(a.toTable(), b.toTable());
        assertTrue(extreme.z() > 40, "" + extreme.z());
        assertEquals(0.0, extreme.pValue()); // erfc underflows beyond z ≈ 38.5
        assertEquals(1.0, extreme.cliffsDelta());
    }
}
