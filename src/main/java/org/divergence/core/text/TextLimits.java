package org.divergence.core.text;

import java.util.Locale;

/**
 * How much text one transcript may hold, whichever way it comes in (a transcript file, a REFI-QDA source, another
 * project): about 8,000 pages, far beyond any interview, and small enough that reading, normalising and storing it
 * stays within a 256 MB heap (see docs/reliability.md, "Every reader has a memory budget").
 */
public final class TextLimits {

    public static final int MAX_TRANSCRIPT_CHARS = 16 * 1024 * 1024;

    private TextLimits() {
    }

    /** "16.8 million characters": a limit as the messages say it. */
    public static String characters(long count) {
        return count >= 1_000_000 ? String.format(Locale.ROOT, "%.1f million characters", count / 1e6)
                : String.format(Locale.ROOT, "%,d characters", count);
    }
}
