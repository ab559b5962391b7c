package org.divergence.core.stats;

/**
 * The Mann–Whitney U test of two samples, as SciPy 1.10's {@code mannwhitneyu(a, b, alternative='two-sided',
 * method='auto')}: U of sample a from its rank sum (average ranks for ties); the exact p-value
 * ({@link ExactMannWhitney}) when a group has at most 8 values and no value is tied (within or between the groups),
 * otherwise the normal approximation with tie correction and continuity correction. z is always the normal
 * approximation's. Computed by merging the two frequency tables, so it costs O(distinct values) and never O(n²).
 *
 * <p>Cliff's delta comes from the same U: δ = P(a > b) − P(a < b) = 2U/(n_a·n_b) − 1.
 */
public final class MannWhitney {

    /**
     * U of sample a, the standardised statistic z (of max(U_a, U_b)), the two-sided p-value, how it was computed,
     * and Cliff's delta.
     */
    public record Result(double u, double z, double pValue, PValueMethod method, double cliffsDelta) {
    }

    /** Sample a's rank sum over the pooled midranks, the tie term Σ(t³ − t), and whether any value is tied. */
    public record RankSums(long na, long nb, double rankSumA, double tieTerm, boolean tied) {

        /** U of sample a. */
        public double u() {
            return rankSumA - na * (na + 1) / 2.0;
        }
    }

    private MannWhitney() {
    }

    /** Returns null when either sample is empty (the test is undefined). */
    public static Result test(FrequencyTable a, FrequencyTable b) {
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        RankSums ranks = rankSums(a, b);
        long na = ranks.na();
        long nb = ranks.nb();
        double uA = ranks.u();
        double product = (double) na * nb;
        double uB = product - uA;
        double n = na + nb;
        double mu = product / 2;
        double sigma = Math.sqrt(product / 12 * ((n + 1) - ranks.tieTerm() / (n * (n - 1))));
        double numerator = Math.max(uA, uB) - mu - 0.5;
        double z = numerator / sigma; // all values tied: sigma = 0, z = -inf, p = 1 (as SciPy)
        boolean exact = Math.min(na, nb) <= ExactMannWhitney.MAX_SMALL && !ranks.tied();
        double p = exact ? ExactMannWhitney.twoSidedP(na, nb, (long) uA) : TailProbability.twoSidedNormal(z);
        return new Result(uA, z, p, exact ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC, 2 * uA / product - 1);
    }

    /** The rank sums of two non-empty samples, by one merge of their tables. */
    public static RankSums rankSums(FrequencyTable a, FrequencyTable b) {
        double rankSumA = 0;
        double tieTerm = 0;
        boolean tied = false;
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
            long ties = countA + countB;
            tied |= ties > 1;
            // Ranks before+1 … before+ties share their average; products and sums stay exact (half-integers < 2^53).
            double averageRank = before + (ties + 1) / 2.0;
            rankSumA += countA * averageRank;
            double t = ties;
            tieTerm += t * t * t - t;
            before += ties;
        }
        return new RankSums(a.n(), b.n(), rankSumA, tieTerm, tied);
    }
}
