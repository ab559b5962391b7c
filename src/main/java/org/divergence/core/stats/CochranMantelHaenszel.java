package org.divergence.core.stats;

import java.util.List;

/**
 * The Cochran–Mantel–Haenszel test of 2×2 tables in strata, without continuity correction, as statsmodels'
 * {@code StratifiedTable(tables).test_null_odds(correction=False)}; the p-value in survival form (chi-square, one
 * degree of freedom), not as 1 − CDF. Rows are the groups, columns "has" / "has not". Strata with fewer than two
 * repositories or a group missing carry no information and are left out.
 */
public final class CochranMantelHaenszel {

    /** One stratum's table: group a's and group b's counts with and without the property. */
    public record Stratum(long aYes, long aNo, long bYes, long bNo) {
    }

    /** The statistic, its p-value and the number of strata that contributed. */
    public record Result(double chiSquare, double pValue, int strata) {
    }

    private CochranMantelHaenszel() {
    }

    /** Null when no stratum has both groups, or the pooled variance is 0 (e.g. nobody has the property). */
    public static Result test(List<Stratum> strata) {
        double deviation = 0;
        double variance = 0;
        int used = 0;
        for (Stratum s : strata) {
            double rowA = s.aYes() + s.aNo();
            double rowB = s.bYes() + s.bNo();
            double n = rowA + rowB;
            if (rowA == 0 || rowB == 0) {
                continue;
            }
            used++;
            double yes = s.aYes() + s.bYes();
            double no = s.aNo() + s.bNo();
            deviation += s.aYes() - rowA * yes / n;
            variance += rowA * rowB * yes * no / (n * n * (n - 1));
        }
        if (used == 0 || !(variance > 0)) {
            return null;
        }
        double statistic = deviation * deviation / variance;
        return new Result(statistic, TailProbability.chiSquareOneDf(statistic), used);
    }
}
