package org.divergence.core.refi;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A source's text brought into the form every transcript of a project has (see ADR 0020: no byte order mark, LF line
 * endings, Unicode NFC), with the offsets of its codings mapped from the text as given to the stored text, so that
 * REFI-QDA codings keep pointing at the same characters. A dropped CR or BOM maps to the position of the character
 * after it; an offset inside a sequence NFC composes maps to its start for a start and to its end for an end, so a
 * coding never loses a character it covered.
 *
 * <p>Only the offsets asked for are mapped, in one pass over the text: memory grows with the number of codings, not
 * with the length of the text.
 */
public final class SourceText {

    private final String text;
    private final int rawLength;
    /** The offsets asked for, sorted and distinct, and where each lands as a start and as an end. */
    private final int[] offsets;
    private final int[] starts;
    private final int[] ends;
    private final List<String> changes;

    private SourceText(String text, int rawLength, int[] offsets, int[] starts, int[] ends, List<String> changes) {
        this.text = text;
        this.rawLength = rawLength;
        this.offsets = offsets;
        this.starts = starts;
        this.ends = ends;
        this.changes = List.copyOf(changes);
    }

    /** The stored form of {@code raw}, able to map the given raw offsets (each within 0..raw's code points). */
    public static SourceText of(String raw, int... wanted) {
        int rawLength = raw.codePointCount(0, raw.length());
        int[] offsets = Arrays.stream(wanted).filter(o -> o >= 0 && o <= rawLength).sorted().distinct().toArray();
        boolean bom = raw.startsWith("\uFEFF");
        boolean carriageReturns = raw.indexOf('\r') >= 0;
        if (!bom && !carriageReturns && Normalizer.isNormalized(raw, Normalizer.Form.NFC)) {
            return new SourceText(raw, rawLength, offsets, offsets, offsets, List.of());
        }
        List<String> changes = new ArrayList<>();
        // Step 1: drop the BOM, turn CRLF and lone CR into LF; note where each wanted offset lands.
        int[] step1 = new int[offsets.length];
        StringBuilder lines = new StringBuilder(raw.length());
        int crlf = 0;
        int lone = 0;
        int next = 0;
        int position = 0;
        int i = 0;
        for (int utf16 = 0; utf16 < raw.length(); i++) {
            while (next < offsets.length && offsets[next] == i) {
                step1[next++] = position;
            }
            int c = raw.codePointAt(utf16);
            utf16 += Character.charCount(c);
            if (i == 0 && c == 0xFEFF) {
                continue;
            }
            if (c == '\r') {
                if (utf16 < raw.length() && raw.charAt(utf16) == '\n') {
                    crlf++;
                    continue;
                }
                lone++;
                c = '\n';
            }
            lines.appendCodePoint(c);
            position++;
        }
        while (next < offsets.length) {
            step1[next++] = position;
        }
        if (bom) {
            changes.add("byte order mark removed");
        }
        if (crlf > 0 || lone > 0) {
            changes.add((crlf > 0 ? crlf + " CRLF" : "") + (crlf > 0 && lone > 0 ? " and " : "")
                    + (lone > 0 ? lone + " CR" : "") + " line ending(s) changed to LF");
        }
        // Step 2: NFC, segment by segment (a starter with the marks that follow it), so offsets map per segment.
        String lineText = lines.toString();
        int[] starts = step1.clone();
        int[] ends = step1.clone();
        String result = lineText;
        if (!Normalizer.isNormalized(lineText, Normalizer.Form.NFC)) {
            String composed = composeBySegments(lineText, step1, starts, ends);
            if (composed.equals(Normalizer.normalize(lineText, Normalizer.Form.NFC))) {
                result = composed;
                changes.add("Unicode normalised to NFC");
            } else {
                // Composition across our segment boundaries (very rare scripts): keep the text as it is rather than
                // risk a wrong offset.
                starts = step1.clone();
                ends = step1.clone();
                changes.add("left as it is, not in Unicode NFC (its composition could not be mapped exactly)");
            }
        }
        return new SourceText(result, rawLength, offsets, starts, ends, changes);
    }

    /**
     * Composes {@code text} segment by segment; maps {@code positions} (sorted code point offsets into it) into
     * {@code starts} and {@code ends}.
     */
    private static String composeBySegments(String text, int[] positions, int[] starts, int[] ends) {
        StringBuilder out = new StringBuilder(text.length());
        int outPosition = 0;
        int cp = 0;
        int utf16 = 0;
        int next = 0;
        while (utf16 < text.length()) {
            int segmentStartUtf16 = utf16;
            int segmentStartCp = cp;
            utf16 += Character.charCount(text.codePointAt(utf16));
            cp++;
            while (utf16 < text.length() && continuesSegment(text.codePointAt(utf16))) {
                utf16 += Character.charCount(text.codePointAt(utf16));
                cp++;
            }
            String segment = text.substring(segmentStartUtf16, utf16);
            String composed = Normalizer.normalize(segment, Normalizer.Form.NFC);
            int composedLength = composed.codePointCount(0, composed.length());
            boolean same = composed.equals(segment);
            // Offsets in [segmentStart, cp): the segment's start maps to itself; inside, identity when nothing was
            // composed, else the segment's start (for a start) and its end (for an end).
            while (next < positions.length && positions[next] < cp) {
                int inside = positions[next] - segmentStartCp;
                if (same || inside == 0) {
                    starts[next] = outPosition + inside;
                    ends[next] = outPosition + inside;
                } else {
                    starts[next] = outPosition;
                    ends[next] = outPosition + composedLength;
                }
                next++;
            }
            out.append(composed);
            outPosition += composedLength;
        }
        while (next < positions.length) {
            starts[next] = outPosition;
            ends[next] = outPosition;
            next++;
        }
        return out.toString();
    }

    /** Marks (and Hangul medial and final jamo) attach to the character before them: NFC may compose across them. */
    private static boolean continuesSegment(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || (codePoint >= 0x1160 && codePoint <= 0x11FF)
                || (codePoint >= 0xD7B0 && codePoint <= 0xD7FF);
    }

    /** The text to store. */
    public String text() {
        return text;
    }

    /** Code points of the text as given, before anything was removed. */
    public int rawLength() {
        return rawLength;
    }

    /** What was changed, for the import report (empty when nothing was). */
    public List<String> changes() {
        return changes;
    }

    /** Where a range starting at raw offset {@code raw} (one of those given) starts in the stored text. */
    public int mapStart(int raw) {
        return starts[index(raw)];
    }

    /** Where a range ending at raw offset {@code raw} (one of those given) ends in the stored text. */
    public int mapEnd(int raw) {
        return ends[index(raw)];
    }

    private int index(int raw) {
        int index = Arrays.binarySearch(offsets, raw);
        if (index < 0) {
            throw new IllegalArgumentException("offset " + raw + " was not given to SourceText.of");
        }
        return index;
    }
}
