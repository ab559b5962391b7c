package org.divergence.core.stats;

/**
 * Pearson's chi-square test of a 2×2 table without continuity correction, as SciPy's
 * {@code chi2_contingency(table, correction=False)}: rows are the two groups, columns "has" / "has not".
 */
public final class ChiSquare {

    /** The statistic, its p-value, and the smallest expected count (Fisher's exact test is used below 5). */
    public record Result(double chiSquare, double pValue, double minExpected) {
    }

    private ChiSquare() {
    }

    /** Returns null when an expected count is 0 (SciPy refuses the table then), e.g. nobody or everybody has it. */
    public static Result test2x2(long aYes, long aNo, long bYes, long bNo) {
        double[][] observed = {{aYes, aNo}, {bYes, bNo}};
        double[] rows = {aYes + aNo, bYes + bNo};
        double[] columns = {aYes + bYes, aNo + bNo};
        double total = rows[0] + rows[1];
        double statistic = 0;
        double minExpected = Double.POSITIVE_INFINITY;
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                double expected = rows[r] * columns[c] / total;
                if (!(expected > 0)) {
                    return null;
                }
                minExpected = Math.min(minExpected, expected);
                double deviation = observed[r][c] - expected;
                statistic += deviation * deviation / expected;
            }
        }
        return new Result(statistic, TailProbability.chiSquareOneDf(statistic), minExpected);
    }
}
