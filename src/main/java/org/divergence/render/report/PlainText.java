package org.divergence.render.report;

/** Shared wording for report text. */
final class PlainText {

    /** An empty cell. */
    static final String NONE = "—";

    private PlainText() {
    }

    /** "1 transcript", "2 transcripts". */
    static String count(long n, String singular, String plural) {
        return org.divergence.core.metrics.PaperFormat.count(n) + " " + (n == 1 ? singular : plural);
    }
}
