package org.divergence.core.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The continuum unitizing alpha works on (ADR 0090): the transcripts laid end to end in the order of their names in
 * Unicode code point order (then by id, for equal names), each counted once with its length in code points, so a
 * coding's offsets shift by the lengths of the transcripts before it. Uncoded transcripts count too.
 */
final class Continuum {

    /** A transcript on the continuum. */
    record Transcript(long id, String name, int length) {
    }

    static final Comparator<Transcript> ORDER = Comparator.comparing(Transcript::name, Continuum::compareCodePoints)
            .thenComparingLong(Transcript::id);

    private final Map<Long, Long> offsets = new HashMap<>();
    private final long length;

    Continuum(List<Transcript> transcripts) {
        List<Transcript> ordered = new ArrayList<>(transcripts);
        ordered.sort(ORDER);
        long offset = 0;
        for (Transcript transcript : ordered) {
            offsets.put(transcript.id(), offset);
            offset += transcript.length();
        }
        this.length = offset;
    }

    long length() {
        return length;
    }

    /** Where the transcript's offset 0 lies on the continuum. */
    long offset(long transcriptId) {
        return offsets.get(transcriptId);
    }

    /** Compares by code point, where {@link String#compareTo} compares UTF-16 units (they differ above U+FFFF). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
