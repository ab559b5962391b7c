package org.divergence.core.text;

import java.text.Normalizer;

/**
 * Makes imported transcript text canonical before it is stored: no byte order mark, LF line endings only, and Unicode
 * NFC, so that "é" typed in a search matches "é" decomposed in a file, and so offsets never depend on how the file
 * was saved (see docs/decisions/0020-transcript-text-and-offsets.md).
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        String result = text;
        if (!result.isEmpty() && result.charAt(0) == '\uFEFF') {
            result = result.substring(1);
        }
        if (result.indexOf('\r') >= 0) {
            result = result.replace("\r\n", "\n").replace('\r', '\n');
        }
        if (!Normalizer.isNormalized(result, Normalizer.Form.NFC)) {
            result = Normalizer.normalize(result, Normalizer.Form.NFC);
        }
        return result;
    }
}
