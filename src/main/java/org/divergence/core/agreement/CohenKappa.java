package org.divergence.core.agreement;

/**
 * Cohen's kappa of two coders over categories, unweighted or weighted, as scikit-learn's {@code cohen_kappa_score}
 * defines it: κ = 1 − Σ w·C / Σ w·E with C the confusion matrix, E = rows·columns / total its expectation under
 * independence, and w the disagreement weight of two category positions. The agreement screen's two-coder figure is
 * the unweighted 2 × 2 case ({@link AgreementCounts#kappa()}).
 */
public final class CohenKappa {

    /** The disagreement weight of categories at positions i and j. */
    public enum Weights {
        /** 1 for i ≠ j. */
        NONE,
        /** |i − j|. */
        LINEAR,
        /** (i − j)². */
        QUADRATIC
    }

    private CohenKappa() {
    }

    /**
     * Kappa of {@code confusion[i][j]}, the items the first coder put in category i and the second in category j
     * (categories in their order, which the weights use). Null when undefined (no items, or no expected
     * disagreement).
     */
    public static Double of(long[][] confusion, Weights weights) {
        int k = confusion.length;
        long total = 0;
        long[] rows = new long[k];
        long[] columns = new long[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rows[i] += confusion[i][j];
                columns[j] += confusion[i][j];
                total += confusion[i][j];
            }
        }
        if (total == 0) {
            return null;
        }
        double observed = 0;
        double expected = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double weight = switch (weights) {
                    case NONE -> i == j ? 0 : 1;
                    case LINEAR -> Math.abs(i - j);
                    case QUADRATIC -> (double) (i - j) * (i - j);
                };
                observed += weight * confusion[i][j];
                expected += weight * rows[i] * (double) columns[j] / total;
            }
        }
        return expected == 0 ? null : 1 - observed / expected;
    }
}
