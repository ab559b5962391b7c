package org.divergence.core.stats;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Fisher's exact test of a 2×2 table, two-sided, as SciPy 1.10's {@code fisher_exact(table)}: the table
 * [[aYes, aNo], [bYes, bNo]] is one outcome of the hypergeometric distribution of the top-left cell given the margins;
 * p sums the probabilities of the tables no more likely than the observed one, "no more likely" with SciPy's relative
 * tolerance of 1e-14 (R's fisher.test uses 1e-7, which can differ). p = 1 when a margin is 0.
 *
 * <p>The probabilities are weights relative to the mode, by the ratio recurrence outward from it (no factorials, no
 * overflow); where the tolerance decision is closer than doubles can tell, it is made exactly with integers.
 */
public final class FisherExact {

    /** SciPy's 1 + 1e-14 as a double, decided exactly. */
    private static final double GAMMA = 1 + 1e-14;
    private static final BigDecimal EXACT_GAMMA = new BigDecimal(GAMMA);

    private FisherExact() {
    }

    /** The two-sided p-value; counts must not be negative. */
    public static double twoSidedP(long aYes, long aNo, long bYes, long bNo) {
        if (aYes < 0 || aNo < 0 || bYes < 0 || bNo < 0) {
            throw new IllegalArgumentException("negative count in a 2×2 table");
        }
        long n1 = aYes + aNo;
        long n2 = bYes + bNo;
        long n = aYes + bYes;
        if (n1 == 0 || n2 == 0 || n == 0 || aNo + bNo == 0) {
            return 1.0;
        }
        long total = n1 + n2;
        long lo = Math.max(0, n - n2);
        long hi = Math.min(n, n1);
        // SciPy's mode: a double division, truncated.
        long mode = (long) ((double) (n + 1) * (n1 + 1) / (total + 2));
        int size = (int) (hi - lo + 1);
        double[] w = new double[size];
        w[(int) (mode - lo)] = 1.0;
        for (long x = mode; x < hi; x++) {
            w[(int) (x + 1 - lo)] = w[(int) (x - lo)] * ((double) (n1 - x) * (n - x))
                    / ((double) (x + 1) * (n2 - n + x + 1));
        }
        for (long x = mode; x > lo; x--) {
            w[(int) (x - 1 - lo)] = w[(int) (x - lo)] * ((double) x * (n2 - n + x))
                    / ((double) (n1 - x + 1) * (n - x + 1));
        }
        long observed = aYes;
        double wa = w[(int) (observed - lo)];
        if (wa == 0) {
            return 0.0; // the observed table's probability underflows: p is below about 1e-300
        }
        if (Math.abs(wa - 1) <= 1e-14 * Math.max(wa, 1)
                || Math.abs(wa - 1) <= 1e-9 && atMostGamma(mode, observed, n1, n2, n)
                && atMostGamma(observed, mode, n1, n2, n)) {
            return 1.0;
        }
        double sum = 0;
        double compensation = 0;
        double all = 0;
        double allCompensation = 0;
        for (long x = lo; x <= hi; x++) {
            double weight = w[(int) (x - lo)];
            double[] next = add(all, allCompensation, weight);
            all = next[0];
            allCompensation = next[1];
            boolean onObservedSide = observed < mode ? x <= observed : x >= observed;
            boolean otherSide = observed < mode ? x > mode : x < mode;
            if (onObservedSide || otherSide && included(weight, wa, x, observed, n1, n2, n)) {
                next = add(sum, compensation, weight);
                sum = next[0];
                compensation = next[1];
            }
        }
        return Math.min((sum + compensation) / (all + allCompensation), 1.0);
    }

    /** Neumaier's compensated sum step: {new sum, new compensation}. */
    private static double[] add(double sum, double compensation, double value) {
        double next = sum + value;
        double error = Math.abs(sum) >= Math.abs(value) ? (sum - next) + value : (value - next) + sum;
        return new double[] {next, compensation + error};
    }

    /** Is pmf(x) ≤ pmf(observed)·(1 + 1e-14)? By doubles when clear, else exactly. */
    private static boolean included(double weight, double observedWeight, long x, long observed, long n1, long n2,
                                    long n) {
        double ratio = weight / observedWeight;
        if (Math.abs(ratio - 1) > 1e-9) {
            return ratio < 1;
        }
        return atMostGamma(x, observed, n1, n2, n);
    }

    /** pmf(x) / pmf(y) ≤ 1 + 1e-14, exactly: the ratio is a product of the recurrence's integer factors. */
    private static boolean atMostGamma(long x, long y, long n1, long n2, long n) {
        BigInteger numerator = BigInteger.ONE;
        BigInteger denominator = BigInteger.ONE;
        // pmf(k + 1) / pmf(k) = (n1 − k)(n − k) / ((k + 1)(n2 − n + k + 1))
        for (long k = Math.min(x, y); k < Math.max(x, y); k++) {
            BigInteger up = BigInteger.valueOf(n1 - k).multiply(BigInteger.valueOf(n - k));
            BigInteger down = BigInteger.valueOf(k + 1).multiply(BigInteger.valueOf(n2 - n + k + 1));
            if (x > y) {
                numerator = numerator.multiply(up);
                denominator = denominator.multiply(down);
            } else {
                numerator = numerator.multiply(down);
                denominator = denominator.multiply(up);
            }
        }
        return new BigDecimal(numerator).compareTo(EXACT_GAMMA.multiply(new BigDecimal(denominator))) <= 0;
    }
}
