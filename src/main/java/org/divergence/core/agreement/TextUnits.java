package org.divergence.core.agreement;

import java.text.BreakIterator;
import java.util.Locale;
import org.divergence.core.coding.SpeakerTurn;
import org.divergence.core.coding.SpeakerTurns;

/**
 * Splits a transcript into units of agreement, in code points. A paragraph is a line (the editor shows one paragraph
 * per line); a sentence is what {@link BreakIterator} finds within a paragraph, so sentences never span lines; a turn
 * is a speaker turn of {@link SpeakerTurns}. Every unit is trimmed of surrounding white space and blank units are
 * dropped, so a coding that only reaches into the space between two units does not touch the next one.
 */
public final class TextUnits {

    private TextUnits() {
    }

    /** The units of {@code text}; not for {@link AgreementUnit#CHARACTER}, whose units are the code points. */
    public static UnitSpans of(String text, AgreementUnit unit) {
        return switch (unit) {
            case PARAGRAPH -> paragraphs(text);
            case SENTENCE -> sentences(text);
            case TURN -> turns(text);
            case CHARACTER -> throw new IllegalArgumentException("character units are the code points themselves");
        };
    }

    static UnitSpans paragraphs(String text) {
        UnitSpans.Builder units = new UnitSpans.Builder();
        forEachLine(text, (lineStartUtf16, lineEndUtf16, lineStartCp) ->
                addTrimmed(units, text, lineStartUtf16, lineEndUtf16, lineStartCp));
        return units.build();
    }

    static UnitSpans sentences(String text) {
        UnitSpans.Builder units = new UnitSpans.Builder();
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
        forEachLine(text, (lineStartUtf16, lineEndUtf16, lineStartCp) -> {
            if (lineEndUtf16 == lineStartUtf16) {
                return;
            }
            String line = text.substring(lineStartUtf16, lineEndUtf16);
            iterator.setText(line);
            int from = iterator.first();
            int fromCp = lineStartCp;
            for (int to = iterator.next(); to != BreakIterator.DONE; to = iterator.next()) {
                addTrimmed(units, text, lineStartUtf16 + from, lineStartUtf16 + to, fromCp);
                fromCp += line.codePointCount(from, to);
                from = to;
            }
        });
        return units.build();
    }

    static UnitSpans turns(String text) {
        UnitSpans.Builder units = new UnitSpans.Builder();
        int utf16 = 0;
        int cp = 0;
        for (SpeakerTurn turn : SpeakerTurns.detect(text)) {
            // Turns come in order: advance the UTF-16 offset incrementally instead of converting from the start.
            utf16 = text.offsetByCodePoints(utf16, turn.start() - cp);
            cp = turn.start();
            int endUtf16 = text.offsetByCodePoints(utf16, turn.end() - turn.start());
            addTrimmed(units, text, utf16, endUtf16, cp);
        }
        return units.build();
    }

    @FunctionalInterface
    private interface LineVisitor {
        void visit(int startUtf16, int endUtf16, int startCp);
    }

    /** Calls {@code visitor} for each line (without its line break), with its start in code points. */
    private static void forEachLine(String text, LineVisitor visitor) {
        int start = 0;
        int startCp = 0;
        while (true) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int visibleEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            visitor.visit(start, visibleEnd, startCp);
            if (newline < 0) {
                return;
            }
            startCp += text.codePointCount(start, newline) + 1;
            start = newline + 1;
        }
    }

    /** Adds [from, to) (UTF-16, starting at code point fromCp) without leading and trailing white space. */
    private static void addTrimmed(UnitSpans.Builder units, String text, int from, int to, int fromCp) {
        int start = from;
        int startCp = fromCp;
        while (start < to) {
            int c = text.codePointAt(start);
            if (!isSpace(c)) {
                break;
            }
            start += Character.charCount(c);
            startCp++;
        }
        int end = to;
        while (end > start) {
            int c = text.codePointBefore(end);
            if (!isSpace(c)) {
                break;
            }
            end -= Character.charCount(c);
        }
        if (end > start) {
            units.add(startCp, startCp + text.codePointCount(start, end));
        }
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
