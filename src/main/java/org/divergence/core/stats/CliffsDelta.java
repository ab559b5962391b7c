package org.divergence.core.stats;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Cliff's delta δ = P(a > b) − P(a < b) and its confidence interval as R's {@code effsize::cliff.delta} computes it by
 * default: Cliff's unbiased variance estimate (Cliff 1996) and the asymmetric interval of Feng &amp; Cliff (2004) with
 * a Student-t quantile on n_a + n_b − 2 degrees of freedom. At complete separation (δ = ±1), where that interval
 * degenerates, as effsize does: the deviations and the interval are computed at δ shrunk by (n_a·n_b − 1)/(n_a·n_b),
 * and the bound on δ's side is 1 (or −1). The variance is Cliff's formula, which is effsize's {@code return.dm=TRUE};
 * effsize's default algorithm differs from it in a corner case (docs/decisions/0103). The dominance row and column means and the sum of squared dominance deviations come from the two
 * frequency tables, so it costs O(distinct values), not O(n_a·n_b).
 */
public final class CliffsDelta {

    private CliffsDelta() {
    }

    /** δ from U (O(n log n) through the ranks); NaN when a sample is empty. */
    public static double fromU(double u, long na, long nb) {
        if (na == 0 || nb == 0) {
            return Double.NaN;
        }
        return 2 * u / ((double) na * nb) - 1;
    }

    /**
     * The confidence interval of δ, or null when it is undefined: a sample with fewer than two observations (effsize's
     * other bound is then NaN), or a negative variance estimate.
     */
    public static Interval confidenceInterval(FrequencyTable a, FrequencyTable b, double delta, double level) {
        long na = a.n();
        long nb = b.n();
        if (na < 2 || nb < 2 || Double.isNaN(delta)) {
            return null;
        }
        double pairs = (double) na * nb;
        // effsize's device at complete separation: deviations and interval at the shrunk δ (its "d.").
        double centre = Math.abs(delta) == 1 ? delta * ((pairs - 1) / pairs) : delta;
        // For each distinct value of a: d_i. = (#b below − #b above) / n_b; of b: d_.j = (#a above − #a below) / n_a.
        double rowDeviations = 0;
        long tiedPairs = 0;
        int j = 0;
        long bBelow = 0;
        for (int i = 0; i < a.distinct(); i++) {
            double v = a.value(i);
            while (j < b.distinct() && b.value(j) < v) {
                bBelow += b.count(j++);
            }
            long bTied = j < b.distinct() && b.value(j) == v ? b.count(j) : 0;
            long bAbove = nb - bBelow - bTied;
            double rowMean = (double) (bBelow - bAbove) / nb;
            rowDeviations += a.count(i) * square(rowMean - centre);
            tiedPairs += a.count(i) * bTied;
        }
        double columnDeviations = 0;
        int i = 0;
        long aBelow = 0;
        for (j = 0; j < b.distinct(); j++) {
            double w = b.value(j);
            while (i < a.distinct() && a.value(i) < w) {
                aBelow += a.count(i++);
            }
            long aTied = i < a.distinct() && a.value(i) == w ? a.count(i) : 0;
            long aAbove = na - aBelow - aTied;
            double columnMean = (double) (aAbove - aBelow) / na;
            columnDeviations += b.count(j) * square(columnMean - centre);
        }
        // Σ_ij (d_ij − c)² = Σ d_ij² − 2c·Σ d_ij + pairs·c², with Σ d_ij = pairs·δ and d_ij² = 1 unless tied.
        double cellDeviations = (pairs - tiedPairs) - 2 * centre * delta * pairs + pairs * centre * centre;
        double variance = ((double) nb * nb * rowDeviations + (double) na * na * columnDeviations - cellDeviations)
                / (pairs * (na - 1) * (nb - 1));
        if (!(variance >= 0)) {
            return null;
        }
        double t = studentQuantile(na + nb - 2, (1 + level) / 2);
        double oneMinusSquare = 1 - centre * centre;
        double denominator = oneMinusSquare + t * t * variance;
        if (denominator == 0) {
            return null;
        }
        double spread = t * Math.sqrt(variance) * Math.sqrt(oneMinusSquare * oneMinusSquare + t * t * variance);
        double middle = centre - centre * centre * centre;
        double low = delta == -1 ? -1 : (middle - spread) / denominator;
        double high = delta == 1 ? 1 : (middle + spread) / denominator;
        return new Interval(low, high, level);
    }

    /**
     * The Student-t quantile, polished by Newton steps on the (accurate) distribution function: Hipparchus's inverse
     * solves only to about 1e-9, which the interval's cancellation near δ = 0 would magnify.
     */
    static double studentQuantile(double degreesOfFreedom, double probability) {
        TDistribution distribution = new TDistribution(degreesOfFreedom);
        double x = distribution.inverseCumulativeProbability(probability);
        for (int step = 0; step < 3; step++) {
            double error = distribution.cumulativeProbability(x) - probability;
            if (error == 0) {
                break;
            }
            x -= error / distribution.density(x);
        }
        return x;
    }

    private static double square(double x) {
        return x * x;
    }
}
