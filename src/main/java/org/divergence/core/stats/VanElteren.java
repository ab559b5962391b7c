package org.divergence.core.stats;

import java.util.List;

/**
 * Van Elteren's stratified Wilcoxon rank-sum test: within each stratum the rank sum W of group a over the pooled
 * midranks, E[W] = n_a(N + 1)/2, Var[W] = n_a·n_b/12·((N + 1) − Σ(t³ − t)/(N(N − 1))), weight 1/(N + 1);
 * Z = Σ w(W − E) / √(Σ w²·Var), two-sided normal p, no continuity correction. Positive Z: group a tends higher.
 * Strata where a group is empty contribute nothing.
 */
public final class VanElteren {

    /** Group a's and group b's values in one stratum. */
    public record Stratum(FrequencyTable a, FrequencyTable b) {
    }

    /** Z, its two-sided p-value and the number of strata that contributed (both groups present). */
    public record Result(double z, double pValue, int strata) {
    }

    private VanElteren() {
    }

    /** Null when no stratum has both groups, or every contributing stratum is all ties (the variance is 0). */
    public static Result test(List<Stratum> strata) {
        double numerator = 0;
        double variance = 0;
        int used = 0;
        for (Stratum stratum : strata) {
            if (stratum.a().isEmpty() || stratum.b().isEmpty()) {
                continue;
            }
            used++;
            MannWhitney.RankSums ranks = MannWhitney.rankSums(stratum.a(), stratum.b());
            double na = ranks.na();
            double nb = ranks.nb();
            double n = na + nb;
            double weight = 1 / (n + 1);
            double expected = na * (n + 1) / 2;
            double tieCorrection = n > 1 ? ranks.tieTerm() / (n * (n - 1)) : 0;
            numerator += weight * (ranks.rankSumA() - expected);
            variance += weight * weight * (na * nb / 12 * ((n + 1) - tieCorrection));
        }
        if (used == 0 || !(variance > 0)) {
            return null;
        }
        double z = numerator / Math.sqrt(variance);
        return new Result(z, TailProbability.twoSidedNormal(Math.abs(z)), used);
    }
}
