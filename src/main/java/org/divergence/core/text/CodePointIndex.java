package org.divergence.core.text;

import java.util.Arrays;

/**
 * Converts between Unicode code point offsets (what the project file and REFI-QDA store) and UTF-16 offsets (what
 * Java strings and text controls use) for one text, in O(log n) per conversion. Only supplementary characters
 * (emoji, rare CJK) make the two differ; a text without them converts by identity.
 */
public final class CodePointIndex {

    private final int utf16Length;
    private final int codePointLength;
    /** Code point offset of each supplementary character, ascending. */
    private final int[] supplementaryAt;

    private CodePointIndex(int utf16Length, int codePointLength, int[] supplementaryAt) {
        this.utf16Length = utf16Length;
        this.codePointLength = codePointLength;
        this.supplementaryAt = supplementaryAt;
    }

    public static CodePointIndex of(CharSequence text) {
        int[] found = new int[16];
        int count = 0;
        int codePoint = 0;
        int length = text.length();
        for (int i = 0; i < length; i++, codePoint++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = codePoint;
                i++;
            }
        }
        return new CodePointIndex(length, codePoint, Arrays.copyOf(found, count));
    }

    public int utf16Length() {
        return utf16Length;
    }

    public int codePointLength() {
        return codePointLength;
    }

    /** The UTF-16 offset of code point offset {@code codePoint} (0..codePointLength). */
    public int toUtf16(int codePoint) {
        if (codePoint < 0 || codePoint > codePointLength) {
            throw new IndexOutOfBoundsException("code point offset " + codePoint + " outside 0.." + codePointLength);
        }
        return codePoint + countBelow(codePoint);
    }

    /**
     * The code point offset of UTF-16 offset {@code utf16} (0..utf16Length). An offset between the two halves of a
     * surrogate pair moves forward past the character, so a selection never splits an emoji.
     */
    public int toCodePoint(int utf16) {
        if (utf16 < 0 || utf16 > utf16Length) {
            throw new IndexOutOfBoundsException("UTF-16 offset " + utf16 + " outside 0.." + utf16Length);
        }
        // The k-th supplementary character starts at UTF-16 offset supplementaryAt[k] + k.
        int low = 0;
        int high = supplementaryAt.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (supplementaryAt[mid] + mid < utf16) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        // low = number of supplementary characters starting before utf16.
        if (low > 0 && supplementaryAt[low - 1] + (low - 1) + 1 == utf16) {
            return supplementaryAt[low - 1] + 1;
        }
        return utf16 - low;
    }

    private int countBelow(int codePoint) {
        int index = Arrays.binarySearch(supplementaryAt, codePoint);
        return index >= 0 ? index : -index - 1;
    }

    /** The text between two code point offsets, end exclusive. */
    public static String substring(String text, CodePointIndex index, int startCodePoint, int endCodePoint) {
        return text.substring(index.toUtf16(startCodePoint), index.toUtf16(endCodePoint));
    }
}
