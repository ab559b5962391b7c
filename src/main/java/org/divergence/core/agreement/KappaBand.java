package org.divergence.core.agreement;

/**
 * The usual verbal bands for kappa of Landis and Koch (1977, Biometrics 33:159–174): below 0 poor, 0–0.20 slight,
 * 0.21–0.40 fair, 0.41–0.60 moderate, 0.61–0.80 substantial, 0.81–1 almost perfect. Only a convention: the authors
 * called them arbitrary, and they are applied to alpha alike only for colouring.
 */
public enum KappaBand {
    UNDEFINED("undefined", "—"),
    POOR("poor", "< 0"),
    SLIGHT("slight", "0.00–0.20"),
    FAIR("fair", "0.21–0.40"),
    MODERATE("moderate", "0.41–0.60"),
    SUBSTANTIAL("substantial", "0.61–0.80"),
    ALMOST_PERFECT("almost perfect", "0.81–1.00");

    private final String label;
    private final String range;

    KappaBand(String label, String range) {
        this.label = label;
        this.range = range;
    }

    public String label() {
        return label;
    }

    public String range() {
        return range;
    }

    public static KappaBand of(Double value) {
        if (value == null || value.isNaN()) {
            return UNDEFINED;
        }
        double v = value;
        if (v < 0) {
            return POOR;
        }
        if (v <= 0.20) {
            return SLIGHT;
        }
        if (v <= 0.40) {
            return FAIR;
        }
        if (v <= 0.60) {
            return MODERATE;
        }
        if (v <= 0.80) {
            return SUBSTANTIAL;
        }
        return ALMOST_PERFECT;
    }
}
