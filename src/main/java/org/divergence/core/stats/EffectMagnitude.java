package org.divergence.core.stats;

import java.util.Locale;

/** Plain-language size of an effect. */
public enum EffectMagnitude {
    NEGLIGIBLE, SMALL, MEDIUM, LARGE;

    /** Romano et al. (2006) thresholds for Cliff's delta: |δ| < 0.147, < 0.33, < 0.474, else large. */
    public static EffectMagnitude ofCliffsDelta(double delta) {
        return of(delta, 0.147, 0.33, 0.474);
    }

    /** Cohen's (1988) thresholds for h (difference of arcsine-transformed proportions): 0.2, 0.5, 0.8. */
    public static EffectMagnitude ofCohensH(double h) {
        return of(h, 0.2, 0.5, 0.8);
    }

    private static EffectMagnitude of(double effect, double small, double medium, double large) {
        if (Double.isNaN(effect)) {
            return null;
        }
        double size = Math.abs(effect);
        return size < small ? NEGLIGIBLE : size < medium ? SMALL : size < large ? MEDIUM : LARGE;
    }

    /** "negligible", "small", "medium", "large". */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
