package org.divergence.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapMedianDifferenceTest {

    private static final BootstrapMedianDifference.Settings SETTINGS =
            new BootstrapMedianDifference.Settings(20_000, 99, 0.95);

    /** Draws whole resamples and takes their medians: what the order-statistic sampler must be equivalent to. */
    private static double[] bruteForce(double[] a, double[] b, int resamples, long seed) {
        Random random = new Random(seed);
        double[] replicates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            replicates[r] = median(resample(b, random)) - median(resample(a, random));
        }
        return replicates;
    }

    private static double[] resample(double[] sample, Random random) {
        double[] out = new double[sample.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = sample[random.nextInt(sample.length)];
        }
        return out;
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** The largest distance between the two replicate distributions' ECDFs (Kolmogorov–Smirnov statistic). */
    private static double distance(double[] first, double[] second) {
        double[] x = first.clone();
        double[] y = second.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        double largest = 0;
        for (double point : concat(x, y)) {
            double fx = upperBound(x, point) / (double) x.length;
            double fy = upperBound(y, point) / (double) y.length;
            largest = Math.max(largest, Math.abs(fx - fy));
        }
        return largest;
    }

    private static int upperBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static double[] concat(double[] x, double[] y) {
        double[] all = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, all, x.length, y.length);
        return all;
    }

    @Test
    void orderStatisticSamplerHasTheBruteForceDistribution() {
        Random random = new Random(5);
        // odd and even sizes, ties and continuous values
        int[][] sizes = {{31, 40}, {120, 77}, {9, 10}};
        for (int[] size : sizes) {
            double[] a = new double[size[0]];
            double[] b = new double[size[1]];
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextInt(4) == 0 ? random.nextDouble() * 10 : random.nextInt(5);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(3) + random.nextInt(2) * random.nextDouble();
            }
            double[] fast = BootstrapMedianDifference.replicates(FrequencyTable.of(a), FrequencyTable.of(b), SETTINGS);
            double[] slow = bruteForce(a, b, SETTINGS.resamples(), 1234);
            // KS critical value at α = 0.001 for two samples of 20,000: 1.95·sqrt(2/20000) ≈ 0.0195
            double d = distance(fast, slow);
            assertTrue(d < 0.0195, "sizes " + Arrays.toString(size) + ": KS distance " + d);
        }
    }

    @Test
    void seededIntervalIsReproducibleAndBracketsTheObservedDifference() {
        FrequencyTable a = FrequencyTable.of(0, 0, 1, 1, 1, 2, 3, 3, 4, 8, 9, 12);
        FrequencyTable b = FrequencyTable.of(0, 0, 0, 0, 1, 1, 2, 5);
        double[] first = BootstrapMedianDifference.replicates(a, b, SETTINGS);
        double[] second = BootstrapMedianDifference.replicates(a, b, SETTINGS);
        assertArrayEquals(first, second);
        Interval interval = BootstrapMedianDifference.confidenceInterval(a, b, SETTINGS);
        double observed = b.median() - a.median();
        assertTrue(interval.low() <= observed && observed <= interval.high(), interval + " vs " + observed);
        assertEquals(0.95, interval.level());
        Interval other = BootstrapMedianDifference.confidenceInterval(a, b, SETTINGS.withSeed(100));
        assertTrue(other.low() <= observed && observed <= other.high());
    }

    @Test
    void betaVariatesHaveTheirMomentsForSmallAndHugeShapes() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        double[][] shapes = {{1, 1}, {1, 30}, {3, 2.5}, {700_000, 700_001}};
        for (double[] shape : shapes) {
            double a = shape[0];
            double b = shape[1];
            int draws = 200_000;
            double sum = 0;
            double sumSquares = 0;
            for (int i = 0; i < draws; i++) {
                double x = BootstrapMedianDifference.beta(random, a, b);
                assertTrue(x > 0 && x < 1, "in (0, 1)");
                sum += x;
                sumSquares += x * x;
            }
            double mean = sum / draws;
            double variance = sumSquares / draws - mean * mean;
            double expectedMean = a / (a + b);
            double expectedVariance = a * b / ((a + b) * (a + b) * (a + b + 1));
            // five standard errors of the mean; the variance to 3%
            assertEquals(expectedMean, mean, 5 * Math.sqrt(expectedVariance / draws), "mean of Beta" + a + "," + b);
            assertEquals(expectedVariance, variance, 0.03 * expectedVariance, "variance of Beta" + a + "," + b);
        }
    }

    @Test
    void noIntervalWithoutBothSamples() {
        assertNull(BootstrapMedianDifference.confidenceInterval(FrequencyTable.empty(), FrequencyTable.of(1),
                SETTINGS));
        Interval single = BootstrapMedianDifference.confidenceInterval(FrequencyTable.of(3), FrequencyTable.of(5),
                SETTINGS);
        assertEquals(2.0, single.low());
        assertEquals(2.0, single.high());
    }
}
