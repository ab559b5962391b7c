package org.divergence.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CodePointIndexTest {

    @Test
    void convertsBothWaysAroundSupplementaryCharacters() {
        String text = "a😀b𠀋c"; // 😀 and 𠀋 (CJK Extension B) are two UTF-16 units each
        CodePointIndex index = CodePointIndex.of(text);
        assertEquals(7, index.utf16Length());
        assertEquals(5, index.codePointLength());
        int[] utf16OfCodePoint = {0, 1, 3, 4, 6, 7};
        for (int cp = 0; cp <= 5; cp++) {
            assertEquals(utf16OfCodePoint[cp], index.toUtf16(cp), "code point " + cp);
            assertEquals(cp, index.toCodePoint(utf16OfCodePoint[cp]), "utf16 " + utf16OfCodePoint[cp]);
            assertEquals(text.offsetByCodePoints(0, cp), index.toUtf16(cp));
        }
        assertEquals("😀b", CodePointIndex.substring(text, index, 1, 3));
    }

    @Test
    void anOffsetInsideASurrogatePairMovesPastTheCharacter() {
        CodePointIndex index = CodePointIndex.of("x😀y");
        assertEquals(2, index.toCodePoint(2));
    }

    @Test
    void identityWithoutSupplementaryCharacters() {
        CodePointIndex index = CodePointIndex.of("héllo 世界");
        for (int i = 0; i <= 8; i++) {
            assertEquals(i, index.toUtf16(i));
            assertEquals(i, index.toCodePoint(i));
        }
    }

    @Test
    void refusesOffsetsOutsideTheText() {
        CodePointIndex index = CodePointIndex.of("ab");
        assertThrows(IndexOutOfBoundsException.class, () -> index.toUtf16(3));
        assertThrows(IndexOutOfBoundsException.class, () -> index.toCodePoint(-1));
    }

    @Test
    void normalizesLineEndingsBomAndComposition() {
        assertEquals("a\nb\nc\u00e9", TextNormalizer.normalize("\uFEFFa\r\nb\rce\u0301"));
    }
}
