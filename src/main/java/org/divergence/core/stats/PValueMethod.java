package org.divergence.core.stats;

/** How a p-value was computed; {@link #key()} is the {@code p_method} of {@code compare --json}. */
public enum PValueMethod {
    /** Mann–Whitney U, exact permutation distribution (small group, no ties). */
    EXACT("exact", "exact"),
    /** Mann–Whitney U, normal approximation with tie and continuity correction. */
    ASYMPTOTIC("asymptotic", "normal approx."),
    /** Fisher's exact test of the 2×2 table (an expected count below 5). */
    FISHER("fisher", "Fisher"),
    /** Pearson's chi-square of the 2×2 table without continuity correction. */
    CHI_SQUARE("chi-square", "χ²");

    private final String key;
    private final String label;

    PValueMethod(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    /** The short name tables print, e.g. "exact", "Fisher", "χ²". */
    public String label() {
        return label;
    }
}
