package org.divergence.core.refi;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A source's text brought into the form every transcript of a project has (see ADR 0020: no byte order mark, LF line
 * endings, Unicode NFC), with an exact map of code point offsets from the text as given to the stored text, so that
 * REFI-QDA codings keep pointing at the same characters. A dropped CR or BOM maps to the position of the character
 * after it; an offset inside a sequence NFC composes maps to its start for a start and to its end for an end, so a
 * coding never loses a character it covered.
 */
public final class SourceText {

    private final String text;
    private final int rawLength;
    private final int[] startMap;
    private final int[] endMap;
    private final List<String> changes;

    private SourceText(String text, int rawLength, int[] startMap, int[] endMap, List<String> changes) {
        this.text = text;
        this.rawLength = rawLength;
        this.startMap = startMap;
        this.endMap = endMap;
        this.changes = List.copyOf(changes);
    }

    public static SourceText of(String raw) {
        int rawLength = raw.codePointCount(0, raw.length());
        boolean bom = raw.startsWith("\uFEFF");
        boolean carriageReturns = raw.indexOf('\r') >= 0;
        boolean nfc = Normalizer.isNormalized(raw, Normalizer.Form.NFC);
        if (!bom && !carriageReturns && nfc) {
            return new SourceText(raw, rawLength, null, null, List.of());
        }
        List<String> changes = new ArrayList<>();
        // Step 1: drop the BOM, turn CRLF and lone CR into LF. step1Of[i] = where raw code point i lands (or the next
        // kept one, for a dropped one).
        int[] step1Of = new int[rawLength + 1];
        StringBuilder step1 = new StringBuilder(raw.length());
        int crlf = 0;
        int lone = 0;
        int i = 0;
        int position = 0;
        for (int utf16 = 0; utf16 < raw.length(); i++) {
            int c = raw.codePointAt(utf16);
            utf16 += Character.charCount(c);
            step1Of[i] = position;
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
            step1.appendCodePoint(c);
            position++;
        }
        step1Of[rawLength] = position;
        if (bom) {
            changes.add("byte order mark removed");
        }
        if (crlf > 0 || lone > 0) {
            changes.add((crlf > 0 ? crlf + " CRLF" : "") + (crlf > 0 && lone > 0 ? " and " : "")
                    + (lone > 0 ? lone + " CR" : "") + " line ending(s) changed to LF");
        }
        // Step 2: NFC, segment by segment (a starter with the marks that follow it), so offsets map per segment.
        String step1Text = step1.toString();
        int step1Length = position;
        int[] startOf = new int[step1Length + 1];
        int[] endOf = new int[step1Length + 1];
        String result = step1Text;
        if (Normalizer.isNormalized(step1Text, Normalizer.Form.NFC)) {
            for (int k = 0; k <= step1Length; k++) {
                startOf[k] = k;
                endOf[k] = k;
            }
        } else {
            String composed = composeBySegments(step1Text, startOf, endOf);
            if (composed.equals(Normalizer.normalize(step1Text, Normalizer.Form.NFC))) {
                result = composed;
                changes.add("Unicode normalised to NFC");
            } else {
                // Composition across our segment boundaries (very rare scripts): keep the text as it is rather than
                // risk a wrong offset.
                for (int k = 0; k <= step1Length; k++) {
                    startOf[k] = k;
                    endOf[k] = k;
                }
                changes.add("left as it is, not in Unicode NFC (its composition could not be mapped exactly)");
            }
        }
        int[] startMap = new int[rawLength + 1];
        int[] endMap = new int[rawLength + 1];
        for (int k = 0; k <= rawLength; k++) {
            startMap[k] = startOf[step1Of[k]];
            endMap[k] = endOf[step1Of[k]];
        }
        return new SourceText(result, rawLength, startMap, endMap, changes);
    }

    private static String composeBySegments(String text, int[] startOf, int[] endOf) {
        StringBuilder out = new StringBuilder(text.length());
        int outPosition = 0;
        int cp = 0;
        int utf16 = 0;
        while (utf16 < text.length()) {
            int segmentStartUtf16 = utf16;
            int segmentStartCp = cp;
            int c = text.codePointAt(utf16);
            utf16 += Character.charCount(c);
            cp++;
            while (utf16 < text.length() && continuesSegment(text.codePointAt(utf16))) {
                utf16 += Character.charCount(text.codePointAt(utf16));
                cp++;
            }
            String segment = text.substring(segmentStartUtf16, utf16);
            String composed = Normalizer.normalize(segment, Normalizer.Form.NFC);
            int composedLength = composed.codePointCount(0, composed.length());
            if (composed.equals(segment)) {
                for (int k = segmentStartCp; k < cp; k++) {
                    startOf[k] = outPosition + (k - segmentStartCp);
                    endOf[k] = startOf[k];
                }
            } else {
                startOf[segmentStartCp] = outPosition;
                endOf[segmentStartCp] = outPosition;
                for (int k = segmentStartCp + 1; k < cp; k++) {
                    startOf[k] = outPosition;
                    endOf[k] = outPosition + composedLength;
                }
            }
            out.append(composed);
            outPosition += composedLength;
        }
        startOf[cp] = outPosition;
        endOf[cp] = outPosition;
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

    public boolean changed() {
        return startMap != null;
    }

    /** What was changed, for the import report (empty when nothing was). */
    public List<String> changes() {
        return changes;
    }

    /** Where a range starting at raw offset {@code raw} starts in the stored text. */
    public int mapStart(int raw) {
        return startMap == null ? raw : startMap[raw];
    }

    /** Where a range ending at raw offset {@code raw} ends in the stored text. */
    public int mapEnd(int raw) {
        return endMap == null ? raw : endMap[raw];
    }
}
