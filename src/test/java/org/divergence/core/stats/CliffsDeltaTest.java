package org.divergence.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CliffsDeltaTest {

    /** The interval from the full dominance matrix, as R's effsize::cliff.delta writes it (O(n²), for checking). */
    private static Interval bruteForce(double[] a, double[] b, double level) {
        int n1 = a.length;
        int n2 = b.length;
        double[][] dominance = new double[n1][n2];
        double d = 0;
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                dominance[i][j] = Math.signum(a[i] - b[j]);
                d += dominance[i][j];
            }
        }
        d /= (double) n1 * n2;
        double rows = 0;
        for (int i = 0; i < n1; i++) {
            double mean = 0;
            for (int j = 0; j < n2; j++) {
                mean += dominance[i][j] / n2;
            }
            rows += (mean - d) * (mean - d);
        }
        double columns = 0;
        for (int j = 0; j < n2; j++) {
            double mean = 0;
            for (int i = 0; i < n1; i++) {
                mean += dominance[i][j] / n1;
            }
            columns += (mean - d) * (mean - d);
        }
        double cells = 0;
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                cells += (dominance[i][j] - d) * (dominance[i][j] - d);
            }
        }
        double variance = ((double) n2 * n2 * rows + (double) n1 * n1 * columns - cells)
                / ((double) n1 * n2 * (n1 - 1) * (n2 - 1));
        double z = CliffsDelta.studentQuantile(n1 + n2 - 2, (1 + level) / 2);
        double root = z * Math.sqrt(variance) * Math.sqrt((1 - d * d) * (1 - d * d) + z * z * variance);
        double denominator = 1 - d * d + z * z * variance;
        return new Interval((d - d * d * d - root) / denominator, (d - d * d * d + root) / denominator, level);
    }

    @Test
    void intervalFromFrequencyTablesEqualsTheDominanceMatrix() {
        Random random = new Random(17);
        for (int trial = 0; trial < 5; trial++) {
            double[] a = new double[40 + random.nextInt(200)];
            double[] b = new double[20 + random.nextInt(150)];
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextInt(12) + (trial % 2 == 0 ? 0 : random.nextDouble());
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(9);
            }
            FrequencyTable ta = FrequencyTable.of(a);
            FrequencyTable tb = FrequencyTable.of(b);
            double delta = MannWhitney.test(ta, tb).cliffsDelta();
            Interval fast = CliffsDelta.confidenceInterval(ta, tb, delta, 0.95);
            Interval slow = bruteForce(a, b, 0.95);
            assertEquals(slow.low(), fast.low(), 1e-12, "trial " + trial);
            assertEquals(slow.high(), fast.high(), 1e-12, "trial " + trial);
        }
    }

    @Test
    void undefinedForTinySamplesOnly() {
        assertNull(CliffsDelta.confidenceInterval(FrequencyTable.of(1), FrequencyTable.of(1, 2), 0, 0.95));
        // Complete separation: the bound on δ's side is 1 (values against effsize: SmallSampleGoldenTest).
        Interval separated = CliffsDelta.confidenceInterval(FrequencyTable.of(5, 6, 7), FrequencyTable.of(1, 2), 1.0,
                0.95);
        assertEquals(1.0, separated.high());
        assertEquals(0.5, CliffsDelta.fromU(3, 2, 2));
    }
}
