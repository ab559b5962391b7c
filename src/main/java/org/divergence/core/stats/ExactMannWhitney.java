package org.divergence.core.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The exact two-sided p-value of the Mann–Whitney U test when the smaller group has at most {@link #MAX_SMALL}
 * values and no value is tied, as SciPy 1.10's {@code mannwhitneyu(method='exact')}: p = 2·P(U ≤ min(U_a, U_b)),
 * clipped to 1. Computed in exact integers, in time independent of the larger group's size.
 *
 * <p>Under the null hypothesis the m ranks of the small group are a uniformly random m-subset of {1 … m + n}; the
 * number of subsets with U ≤ u is the coefficient of qᵘ in Π_{i=1..m} (1 − q^{n+i}) / ((1 − q)·Π_{i=1..m}(1 − qⁱ)).
 * Expanding the numerator gives Σ over subsets S of {1 … m} of (−1)^|S|·T_m(u − |S|·n − ΣS), where T_m(v) counts
 * partitions of any w ≤ v into parts of size at most m. T_m is a quasi-polynomial of degree m with period
 * L = lcm(1 … m) (at most 840), so T_m(r + tL) is a polynomial in t fixed by a small exact table, and evaluated by
 * Newton's forward differences. (docs/decisions/0100-small-samples-and-many-metrics.md; reference:
 * src/test/resources/golden/tests/make_golden_tests.py.)
 */
public final class ExactMannWhitney {

    /** The largest smaller-group size SciPy's {@code method='auto'} treats exactly (it needs both above 8). */
    public static final int MAX_SMALL = 8;

    /** Per m: T_m(v) for 0 ≤ v < (m + 1)·L, built on first use. */
    private static final BigInteger[][] TABLES = new BigInteger[MAX_SMALL + 1][];
    private static final int[] PERIODS = {1, 1, 2, 6, 12, 60, 60, 420, 840};

    private ExactMannWhitney() {
    }

    /**
     * The two-sided exact p-value for groups of {@code na} and {@code nb} values, U of group a = {@code uA} (a whole
     * number, as it is without ties). Requires min(na, nb) ≤ {@link #MAX_SMALL}.
     */
    public static double twoSidedP(long na, long nb, long uA) {
        long m = Math.min(na, nb);
        long n = Math.max(na, nb);
        if (m < 1 || m > MAX_SMALL) {
            throw new IllegalArgumentException("the exact test needs a group of 1 to " + MAX_SMALL + " values");
        }
        if (uA < 0 || uA > m * n) {
            throw new IllegalArgumentException("U = " + uA + " is outside 0 … " + m * n);
        }
        long uMin = Math.min(uA, m * n - uA);
        BigInteger twice = countAtMost((int) m, n, uMin).shiftLeft(1);
        BigInteger arrangements = binomial(m + n, (int) m);
        double p = new BigDecimal(twice).divide(new BigDecimal(arrangements), MathContext.DECIMAL128).doubleValue();
        return Math.min(p, 1.0);
    }

    /** The number of the C(m + n, m) equally likely arrangements with U ≤ u. */
    static BigInteger countAtMost(int m, long n, long u) {
        if (u < 0) {
            return BigInteger.ZERO;
        }
        if (u >= m * n) {
            return binomial(m + n, m);
        }
        BigInteger total = BigInteger.ZERO;
        for (int mask = 0; mask < 1 << m; mask++) {
            int size = Integer.bitCount(mask);
            long exponent = size * n;
            for (int i = 0; i < m; i++) {
                if ((mask >> i & 1) != 0) {
                    exponent += i + 1;
                }
            }
            if (exponent <= u) {
                BigInteger term = cumulativePartitions(m, u - exponent);
                total = size % 2 == 0 ? total.add(term) : total.subtract(term);
            }
        }
        return total;
    }

    /** T_m(v): the number of partitions of some w ≤ v into parts of size at most m. */
    static BigInteger cumulativePartitions(int m, long v) {
        BigInteger[] table = table(m);
        if (v < table.length) {
            return table[(int) v];
        }
        int period = PERIODS[m];
        int r = (int) (v % period);
        long t = v / period;
        // Forward differences Δʲf(0) of f(j) = T_m(r + jL), j = 0 … m, then Σ C(t, j)·Δʲf(0).
        BigInteger[] f = new BigInteger[m + 1];
        for (int j = 0; j <= m; j++) {
            f[j] = table[r + j * period];
        }
        BigInteger value = BigInteger.ZERO;
        BigInteger choose = BigInteger.ONE;
        for (int j = 0; j <= m; j++) {
            value = value.add(choose.multiply(f[0]));
            for (int k = 0; k < m - j; k++) {
                f[k] = f[k + 1].subtract(f[k]);
            }
            choose = choose.multiply(BigInteger.valueOf(t - j)).divide(BigInteger.valueOf(j + 1));
        }
        return value;
    }

    private static synchronized BigInteger[] table(int m) {
        if (TABLES[m] == null) {
            int size = (m + 1) * PERIODS[m];
            BigInteger[] a = new BigInteger[size];
            java.util.Arrays.fill(a, BigInteger.ZERO);
            a[0] = BigInteger.ONE;
            for (int part = 1; part <= m; part++) {
                for (int v = part; v < size; v++) {
                    a[v] = a[v].add(a[v - part]);
                }
            }
            for (int v = 1; v < size; v++) {
                a[v] = a[v].add(a[v - 1]);
            }
            TABLES[m] = a;
        }
        return TABLES[m];
    }

    static BigInteger binomial(long n, int k) {
        BigInteger result = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            result = result.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return result;
    }
}
