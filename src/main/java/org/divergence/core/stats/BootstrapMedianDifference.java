package org.divergence.core.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded percentile-bootstrap confidence interval for median(b) − median(a).
 *
 * <p>Resampling 1.4 million repositories 10,000 times would draw 2.9·10¹⁰ values. It is not needed: the median of a
 * resample is an order statistic of n draws from the empirical distribution F, and the k-th order statistic of n
 * draws from any F is F⁻¹(U₍ₖ₎), where U₍ₖ₎ ~ Beta(k, n − k + 1) is the k-th order statistic of n uniforms. For an even
 * n the next order statistic given U₍ₖ₎ = u is u + (1 − u)·M with M ~ Beta(1, n − k), the minimum of the n − k
 * uniforms above u. So each replicate draws one or two Beta variates per group and looks their quantile up in the
 * frequency table: the same distribution as brute-force resampling, exactly, at O(log distinct values) a replicate.
 */
public final class BootstrapMedianDifference {

    /** Resamples and seed (of a {@link SplittableRandom} stream); the defaults are documented in docs/metrics.md. */
    public record Settings(int resamples, long seed, double level) {
        public static final Settings DEFAULT = new Settings(10_000, 20_260_425L, 0.95);

        public Settings {
            if (resamples < 1) {
                throw new IllegalArgumentException("resamples must be at least 1");
            }
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("level must be in (0, 1)");
            }
        }

        /** The same settings with another seed (each metric and comparison gets its own stream). */
        public Settings withSeed(long otherSeed) {
            return new Settings(resamples, otherSeed, level);
        }
    }

    private BootstrapMedianDifference() {
    }

    /** The percentile interval (NumPy linear percentiles of the replicates), or null when a sample is empty. */
    public static Interval confidenceInterval(FrequencyTable a, FrequencyTable b, Settings settings) {
        double[] replicates = replicates(a, b, settings);
        if (replicates == null) {
            return null;
        }
        Arrays.sort(replicates);
        double tail = (1 - settings.level()) / 2;
        return new Interval(Quantiles.linear(replicates, tail), Quantiles.linear(replicates, 1 - tail),
                settings.level());
    }

    /** The bootstrap replicates of median(b) − median(a), in drawing order; null when a sample is empty. */
    public static double[] replicates(FrequencyTable a, FrequencyTable b, Settings settings) {
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        double[] replicates = new double[settings.resamples()];
        for (int r = 0; r < replicates.length; r++) {
            double medianA = resampledMedian(a, random);
            double medianB = resampledMedian(b, random);
            replicates[r] = medianB - medianA;
        }
        return replicates;
    }

    /** The median of one bootstrap resample of {@code table}, drawn through its order statistics. */
    static double resampledMedian(FrequencyTable table, SplittableRandom random) {
        long n = table.n();
        if (n == 1) {
            return table.orderStatistic(0);
        }
        long k = (n + 1) / 2; // 1-based rank of the (lower) middle observation
        double u = beta(random, k, n - k + 1);
        double lower = table.inverseEcdf(u);
        if (n % 2 == 1) {
            return lower;
        }
        // The smallest of the n − k uniforms above u: u + (1 − u)·(1 − V^(1/(n − k))), V uniform on (0, 1].
        double v = 1.0 - random.nextDouble();
        double next = u + (1 - u) * -Math.expm1(Math.log(v) / (n - k));
        double upper = table.inverseEcdf(next);
        return (lower + upper) / 2.0;
    }

    /** A Beta(a, b) variate (a, b ≥ 1) as X / (X + Y) of two Gamma variates. */
    static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x / (x + y);
    }

    /**
     * A Gamma(shape, 1) variate for shape ≥ 1 by Marsaglia &amp; Tsang's squeeze method (ACM TOMS 26, 2000): about
     * one normal and one uniform draw each, exact for every shape, fast for the huge shapes the medians of
     * millions of repositories need.
     */
    static double gamma(SplittableRandom random, double shape) {
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x;
            double v;
            do {
                x = random.nextGaussian();
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            double squared = x * x;
            if (u < 1.0 - 0.0331 * squared * squared) {
                return d * v;
            }
            if (Math.log(u) < 0.5 * squared + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
