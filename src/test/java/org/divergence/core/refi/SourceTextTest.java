package org.divergence.core.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Offsets map from a source's text as given to its stored form (LF, NFC) onto the same characters. */
class SourceTextTest {

    @Test
    void normalisedTextIsKeptAsItIs() {
        String text = "Already fine: caf\u00E9 \uD83D\uDE00\nnext line";
        SourceText source = SourceText.of(text, 7);
        assertSame(text, source.text());
        assertEquals(7, source.mapStart(7));
        assertEquals(java.util.List.of(), source.changes());
    }

    @Test
    void lineEndingsAndByteOrderMark() {
        String raw = "\uFEFFa\r\nb\rc\r\n";
        SourceText source = SourceText.of(raw, all(raw));
        assertEquals("a\nb\nc\n", source.text());
        // raw code points: BOM 0, a 1, CR 2, LF 3, b 4, CR 5, c 6, CR 7, LF 8, end 9.
        assertEquals(0, source.mapStart(0));
        assertEquals(0, source.mapStart(1));
        assertEquals(1, source.mapStart(2), "a dropped CR maps to the LF after it");
        assertEquals(1, source.mapStart(3));
        assertEquals(2, source.mapStart(4));
        assertEquals(3, source.mapStart(5), "a lone CR becomes the LF itself");
        assertEquals(4, source.mapStart(6));
        assertEquals(6, source.mapEnd(9));
        assertTrue(source.changes().toString().contains("2 CRLF and 1 CR line ending(s) changed to LF"),
                source.changes().toString());
    }

    @Test
    void decomposedAccentsComposeAndRangesKeepTheirLetters() {
        String raw = "Cafe\u0301 re\u0301sume\u0301.";
        SourceText source = SourceText.of(raw, all(raw));
        assertEquals("Caf\u00E9 r\u00E9sum\u00E9.", source.text());
        // "re\u0301sume\u0301" is raw [6, 14) and stored [5, 11).
        assertEquals(5, source.mapStart(6));
        assertEquals(11, source.mapEnd(14));
        // An end between "e" (raw 3) and its accent (raw 4) keeps the whole "é"; a start there keeps it too.
        assertEquals(4, source.mapEnd(4));
        assertEquals(3, source.mapStart(4));
    }

    @Test
    void hangulJamoComposeAsOneSegment() {
        String raw = "\u1100\u1161\u11A8 ok";
        SourceText source = SourceText.of(raw, all(raw));
        assertEquals(Normalizer.normalize(raw, Normalizer.Form.NFC), source.text());
        assertEquals(1, source.mapEnd(3));
        assertEquals(2, source.mapStart(4));
    }

    @Test
    void randomTextsMapEveryCharacterOntoItself() {
        Random random = new Random(7);
        String[] pieces = {"a", "e\u0301", "\u00E9", "\r\n", "\r", "\n", "\uD83D\uDE00", "\u1100\u1161", " ", "o\u0308\u0304"};
        for (int round = 0; round < 300; round++) {
            StringBuilder raw = new StringBuilder(round % 5 == 0 ? "\uFEFF" : "");
            int count = random.nextInt(30);
            for (int i = 0; i < count; i++) {
                raw.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = raw.toString();
            SourceText source = SourceText.of(text, all(text));
            String expected = Normalizer.normalize(text.replaceFirst("^\uFEFF", "").replace("\r\n", "\n")
                    .replace('\r', '\n'), Normalizer.Form.NFC);
            assertEquals(expected, source.text(), text);
            int length = text.codePointCount(0, text.length());
            int stored = expected.codePointCount(0, expected.length());
            int previousStart = 0;
            for (int i = 0; i <= length; i++) {
                assertTrue(source.mapStart(i) <= source.mapEnd(i));
                assertTrue(source.mapStart(i) >= previousStart, "monotone");
                previousStart = source.mapStart(i);
                assertTrue(source.mapEnd(i) <= stored);
            }
            assertEquals(stored, source.mapEnd(length));
        }
    }

    @Test
    void mapsOnlyTheOffsetsAskedFor() {
        SourceText source = SourceText.of("a\r\nb", 3, 4);
        assertEquals(2, source.mapStart(3));
        assertEquals(3, source.mapEnd(4));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> source.mapStart(1));
    }

    private static int[] all(String text) {
        return java.util.stream.IntStream.rangeClosed(0, text.codePointCount(0, text.length())).toArray();
    }
}
