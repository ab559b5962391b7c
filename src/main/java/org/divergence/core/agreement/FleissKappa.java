package org.divergence.core.agreement;

/**
 * Fleiss' kappa (Fleiss 1971, Psychological Bulletin 76(5):378–381) for any number of raters who each put every
 * subject into one of several categories: κ = (P̄ − P̄e) / (1 − P̄e) with P̄ the mean agreement per subject and P̄e the
 * sum of the squared category shares.
 */
public final class FleissKappa {

    private FleissKappa() {
    }

    /** Kappa of a subjects × categories table of counts (each subject rated by the same number of raters). */
    public static Double of(long[][] counts) {
        long[] once = new long[counts.length];
        java.util.Arrays.fill(once, 1);
        return of(counts, once);
    }

    /**
     * Kappa where row {@code i} of {@code profiles} (the count of raters per category) describes {@code subjects[i]}
     * subjects alike, so that millions of binary units collapse into a few rows. Null when undefined: no subjects, or
     * P̄e = 1 (every rating in one category).
     */
    public static Double of(long[][] profiles, long[] subjects) {
        long raters = -1;
        long total = 0;
        int categories = profiles.length == 0 ? 0 : profiles[0].length;
        long[] perCategory = new long[categories];
        long agreeingPairs = 0;
        for (int i = 0; i < profiles.length; i++) {
            if (subjects[i] == 0) {
                continue;
            }
            long ratings = 0;
            long squares = 0;
            for (int j = 0; j < categories; j++) {
                long count = profiles[i][j];
                ratings += count;
                squares += count * count;
                perCategory[j] += subjects[i] * count;
            }
            if (raters >= 0 && ratings != raters) {
                throw new IllegalArgumentException("every subject needs the same number of ratings: " + raters
                        + " and " + ratings);
            }
            raters = ratings;
            total += subjects[i];
            agreeingPairs += subjects[i] * (squares - ratings);
        }
        if (total == 0 || raters < 2) {
            return null;
        }
        double meanAgreement = agreeingPairs / ((double) total * raters * (raters - 1));
        double chance = 0;
        for (long count : perCategory) {
            double share = count / ((double) total * raters);
            chance += share * share;
        }
        return chance == 1 ? null : (meanAgreement - chance) / (1 - chance);
    }
}
