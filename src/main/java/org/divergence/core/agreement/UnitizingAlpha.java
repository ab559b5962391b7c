package org.divergence.core.agreement;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;

/**
 * Krippendorff's unitizing alpha, αu (Krippendorff 1995; 2004: 251–255), computed exactly as DKPro Statistics 2.2.1's
 * {@code KrippendorffAlphaUnitizingAgreement} does — per category its {@code calculateCategoryAgreement}, overall its
 * {@code calculateAgreement} — but in O(N log N) instead of DKPro's O(R²·N) per category (ADR 0090). The same doubles
 * come out: observed disagreement is an exact integer sum, expected disagreement the same exact BigDecimal terms with
 * the same two DECIMAL128 divisions.
 *
 * <p>Each rater's units of a category are given as a flat array [b0, e0, b1, e1, …] of half-open ranges on the
 * continuum [begin, begin + length), sorted and disjoint (touching is allowed). A rater without units still counts.
 */
public final class UnitizingAlpha {

    /** The longest continuum: keeps every intermediate sum of squares within a long. */
    public static final long MAX_LENGTH = 1_000_000_000L;

    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    /** One category's observed and expected disagreement (DKPro's D_o and D_e). */
    public record Category(double observed, double expected) {
        /** 1 − D_o / D_e, or exactly 0 when they are equal (as DKPro); null when not finite. */
        public Double alpha() {
            return UnitizingAlpha.alpha(observed, expected);
        }
    }

    private UnitizingAlpha() {
    }

    /** The disagreements of one category; {@code units[r]} is rater r's units. Needs two raters or more. */
    public static Category category(long[][] units, long begin, long length) {
        int raters = units.length;
        if (raters < 2 || length <= 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("unitizing alpha needs two raters or more and a continuum of 1 to "
                    + MAX_LENGTH + " positions: " + raters + " raters, length " + length);
        }
        for (long[] rater : units) {
            check(rater, begin, length);
        }
        return new Category(observed(units, length), expected(units, begin, length));
    }

    /** DKPro's overall: 1 − mean D_o / mean D_e over the categories in their order; null without categories. */
    public static Double overall(List<Category> categories) {
        if (categories.isEmpty()) {
            return null;
        }
        double observed = 0.0;
        double expected = 0.0;
        for (Category category : categories) {
            observed += category.observed();
            expected += category.expected();
        }
        return alpha(observed / categories.size(), expected / categories.size());
    }

    private static Double alpha(double observed, double expected) {
        double alpha = observed == expected ? 0.0 : 1.0 - observed / expected;
        return Double.isFinite(alpha) ? alpha : null;
    }

    private static void check(long[] units, long begin, long length) {
        if (units.length % 2 != 0) {
            throw new IllegalArgumentException("units come as begin, end pairs");
        }
        long position = begin;
        for (int i = 0; i < units.length; i += 2) {
            if (units[i] < position || units[i + 1] <= units[i] || units[i + 1] > begin + length) {
                throw new IllegalArgumentException("units must be non-empty, sorted, disjoint and on the continuum: "
                        + "[" + units[i] + ", " + units[i + 1] + ")");
            }
            position = units[i + 1];
        }
    }

    /**
     * D_o = 2·S / (R·(R − 1)·L²) where S sums, over every pair of raters, (b − b')² + (e − e')² for each pair of
     * their units that overlap, and l² for each unit that overlaps none of the other rater's (it lies in a gap).
     */
    private static double observed(long[][] units, long length) {
        int raters = units.length;
        BigInteger sum = BigInteger.ZERO;
        for (int r1 = 0; r1 < raters; r1++) {
            for (int r2 = r1 + 1; r2 < raters; r2++) {
                sum = sum.add(BigInteger.valueOf(pair(units[r1], units[r2])));
            }
        }
        // DKPro sums doubles that are exact integers, then divides by the exact integer R(R-1)L² as a double.
        double result = sum.doubleValue();
        result *= 2.0;
        result /= BigInteger.valueOf((long) raters * (raters - 1)).multiply(BigInteger.valueOf(length))
                .multiply(BigInteger.valueOf(length)).doubleValue();
        return result;
    }

    /** S for two raters by a two-pointer merge; at most 8·L², so a long suffices for L up to MAX_LENGTH. */
    private static long pair(long[] a, long[] b) {
        long sum = 0;
        int i = 0;
        int j = 0;
        boolean hitA = false;
        boolean hitB = false;
        while (i < a.length && j < b.length) {
            long aBegin = a[i];
            long aEnd = a[i + 1];
            long bBegin = b[j];
            long bEnd = b[j + 1];
            if (aEnd <= bBegin) {
                if (!hitA) {
                    sum += square(aEnd - aBegin);
                }
                i += 2;
                hitA = false;
            } else if (bEnd <= aBegin) {
                if (!hitB) {
                    sum += square(bEnd - bBegin);
                }
                j += 2;
                hitB = false;
            } else {
                sum += square(aBegin - bBegin) + square(aEnd - bEnd);
                hitA = true;
                hitB = true;
                if (aEnd <= bEnd) {
                    i += 2;
                    hitA = false;
                }
                if (bEnd <= aEnd) {
                    j += 2;
                    hitB = false;
                }
            }
        }
        for (; i < a.length; i += 2, hitA = false) {
            if (!hitA) {
                sum += square(a[i + 1] - a[i]);
            }
        }
        for (; j < b.length; j += 2, hitB = false) {
            if (!hitB) {
                sum += square(b[j + 1] - b[j]);
            }
        }
        return sum;
    }

    private static long square(long x) {
        return x * x;
    }

    /**
     * D_e = (2/L)·Σ_u [(N − 1)·l(l − 1)(2l − 1)/3 + l²·Σ_{gaps g ≥ l} (g − l + 1)] / [R·L·(R·L − 1) − Σ_u l(l − 1)],
     * term by term as DKPro writes it; the inner sum over gaps comes from suffix sums of the sorted gap lengths.
     */
    private static double expected(long[][] units, long begin, long length) {
        int count = 0;
        for (long[] rater : units) {
            count += rater.length / 2;
        }
        long[] gaps = new long[count + units.length];
        int gapCount = 0;
        for (long[] rater : units) {
            long position = begin;
            for (int i = 0; i < rater.length; i += 2) {
                if (rater[i] > position) {
                    gaps[gapCount++] = rater[i] - position;
                }
                position = rater[i + 1];
            }
            if (begin + length > position) {
                gaps[gapCount++] = begin + length - position;
            }
        }
        Arrays.sort(gaps, 0, gapCount);
        long[] suffix = new long[gapCount + 1];
        for (int g = gapCount - 1; g >= 0; g--) {
            suffix[g] = suffix[g + 1] + gaps[g];
        }
        long[] lengths = new long[count];
        int at = 0;
        for (long[] rater : units) {
            for (int i = 0; i < rater.length; i += 2) {
                lengths[at++] = rater[i + 1] - rater[i];
            }
        }
        Arrays.sort(lengths);
        // A unit's terms depend on its length only, and BigDecimal sums and products are exact: each distinct length
        // is computed once and multiplied by how many units have it, which is the same number as DKPro's sum.
        BigDecimal squaredLengths = BigDecimal.ZERO;
        BigDecimal result = BigDecimal.ZERO;
        for (int i = 0; i < count; ) {
            long l = lengths[i];
            int same = 0;
            for (; i < count && lengths[i] == l; i++) {
                same++;
            }
            BigDecimal times = BigDecimal.valueOf(same);
            squaredLengths = squaredLengths.add(new BigDecimal(l).multiply(new BigDecimal(l - 1.0)).multiply(times));
            // The same double expression as DKPro, so that it rounds alike for very long units.
            BigDecimal within = new BigDecimal((count - 1.0) * (2.0 * l * l * l - 3.0 * l * l + l))
                    .divide(THREE, MathContext.DECIMAL128);
            int first = lowerBound(gaps, gapCount, l);
            long placements = suffix[first] - (l - 1) * (gapCount - first);
            BigDecimal inGaps = new BigDecimal(placements).multiply(new BigDecimal(l * l));
            result = result.add(within.add(inGaps).multiply(times));
        }
        result = result.multiply(new BigDecimal(2).divide(new BigDecimal(length), MathContext.DECIMAL128));
        BigDecimal positions = new BigDecimal(units.length * length);
        result = result.divide(positions.multiply(positions.subtract(BigDecimal.ONE)).subtract(squaredLengths),
                MathContext.DECIMAL128);
        return result.doubleValue();
    }

    /** The first index whose gap is at least {@code key}. */
    private static int lowerBound(long[] sorted, int size, long key) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
