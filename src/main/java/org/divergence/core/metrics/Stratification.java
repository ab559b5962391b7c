package org.divergence.core.metrics;

import java.util.Locale;
import org.divergence.core.common.InvalidInputException;

/** How a comparison is stratified: not at all, or by the repositories' creation year ({@code --stratify}). */
public enum Stratification {
    NONE("none", "no strata"),
    CREATED_YEAR("created_year", "creation year");

    private final String key;
    private final String label;

    Stratification(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The name in {@code --stratify} and the JSON, e.g. "created_year". */
    public String key() {
        return key;
    }

    /** What a stratum is, e.g. "creation year". */
    public String label() {
        return label;
    }

    /** "created_year" (or "none", or nothing); anything else is invalid input naming the accepted value. */
    public static Stratification ofKey(String key) {
        String wanted = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty() || wanted.equals(NONE.key)) {
            return NONE;
        }
        if (wanted.equals(CREATED_YEAR.key)) {
            return CREATED_YEAR;
        }
        throw new InvalidInputException("--stratify " + key + ": unknown stratification; use created_year");
    }
}
