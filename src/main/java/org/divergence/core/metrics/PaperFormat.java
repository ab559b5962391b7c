package org.divergence.core.metrics;

import java.util.Locale;

/** How figures read in tables and sentences for papers; "—" for anything undefined. */
public final class PaperFormat {

    public static final String UNDEFINED = "—";

    private PaperFormat() {
    }

    /** "&lt; 0.001" below a thousandth, else three decimals ("0.023"). */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return UNDEFINED;
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** Whole numbers with thousands separators ("1,428,792"), others with two decimals ("12.35"). */
    public static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return UNDEFINED;
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) x);
        }
        return String.format(Locale.ROOT, "%,.2f", x);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A share as a percentage with one decimal ("12.3%"). */
    public static String share(double share) {
        return Double.isNaN(share) ? UNDEFINED : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** An effect size with two decimals ("0.29", "-0.41"). */
    public static String effect(double effect) {
        return Double.isNaN(effect) ? UNDEFINED : String.format(Locale.ROOT, "%.2f", effect);
    }

    /** A percentage with one decimal and no sign ("48.8"). */
    public static String percent(double percent) {
        return Double.isNaN(percent) ? UNDEFINED : String.format(Locale.ROOT, "%.1f", Math.abs(percent));
    }
}
