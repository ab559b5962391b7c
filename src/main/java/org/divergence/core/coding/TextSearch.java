package org.divergence.core.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.divergence.core.text.CodePointIndex;

/** Finds every occurrence of a phrase in a text, case-insensitively, returning code point ranges. */
public final class TextSearch {

    /** A hit: code points [start, end). */
    public record Hit(int start, int end) {
    }

    private TextSearch() {
    }

    public static List<Hit> findAll(String text, String phrase, boolean wholeWords) {
        List<Hit> hits = new ArrayList<>();
        if (phrase == null || phrase.isBlank()) {
            return hits;
        }
        String needle = phrase.strip().toLowerCase(Locale.ROOT);
        String haystack = text.toLowerCase(Locale.ROOT);
        if (haystack.length() != text.length()) {
            // Lower-casing changed the length (rare scripts): search the original case-sensitively instead.
            haystack = text;
            needle = phrase.strip();
        }
        CodePointIndex index = CodePointIndex.of(text);
        int from = 0;
        while (true) {
            int at = haystack.indexOf(needle, from);
            if (at < 0) {
                break;
            }
            int end = at + needle.length();
            if (!wholeWords || (isBoundary(text, at - 1) && isBoundary(text, end))) {
                hits.add(new Hit(index.toCodePoint(at), index.toCodePoint(end)));
            }
            from = at + Math.max(1, needle.length());
        }
        return hits;
    }

    private static boolean isBoundary(String text, int position) {
        return position < 0 || position >= text.length() || !Character.isLetterOrDigit(text.charAt(position));
    }
}
