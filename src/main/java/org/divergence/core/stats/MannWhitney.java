package org.divergence.core.stats;

/**
 * The Mann–Whitney U test of two samples, as SciPy's {@code mannwhitneyu(a, b, alternative='two-sided',
 * use_continuity=True, method='asymptotic')}: U of sample a from its rank sum (average ranks for ties), the normal
 * approximation with tie correction and continuity correction, and the two-sided p-value. Computed by merging the two
 * frequency tables, so it costs O(distinct values) and never O(n²) or even O(n log n).
 *
 * <p>Cliff's delta comes from the same U: δ = P(a > b) − P(a < b) = 2U/(n_a·n_b) − 1.
 */
public final class MannWhitney {

    /** U of sample a, the standardised statistic z (of max(U_a, U_b)), the two-sided p-value, Cliff's delta. */
    public record Result(double u, double z, double pValue, double cliffsDelta) {
    }

    private MannWhitney() {
    }

    /** Returns null when either sample is empty (the test is undefined). */
    public static Result test(FrequencyTable a, FrequencyTable b) {
        long na = a.n();
        long nb = b.n();
        if (na == 0 || nb == 0) {
            return null;
        }
        double rankSumA = 0;
        double tieTerm = 0;
        long before = 0;
        int i = 0;
        int j = 0;
        while (i < a.distinct() || j < b.distinct()) {
            long countA = 0;
            long countB = 0;
            if (j >= b.distinct() || (i < a.distinct() && a.value(i) < b.value(j))) {
                countA = a.count(i++);
            } else if (i >= a.distinct() || b.value(j) < a.value(i)) {
                countB = b.count(j++);
            } else {
                countA = a.count(i++);
                countB = b.count(j++);
            }
            long tied = countA + countB;
            // Ranks before+1 … before+tied share their average; products and sums stay exact (half-integers < 2^53).
            double averageRank = before + (tied + 1) / 2.0;
            rankSumA += countA * averageRank;
            double t = tied;
            tieTerm += t * t * t - t;
            before += tied;
        }
        double uA = rankSumA - na * (na + 1) / 2.0;
        double product = (double) na * nb;
        double uB = product - uA;
        double n = na + nb;
        double mu = product / 2;
        double sigma = Math.sqrt(product / 12 * ((n + 1) - tieTerm / (n * (n - 1))));
        double numerator = Math.max(uA, uB) - mu - 0.5;
        double z = numerator / sigma; // all values tied: sigma = 0, z = -inf, p = 1 (as SciPy)
        double p = TailProbability.twoSidedNormal(z);
        return new Result(uA, z, p, 2 * uA / product - 1);
    }
}
