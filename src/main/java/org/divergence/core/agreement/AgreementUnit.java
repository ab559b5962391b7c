package org.divergence.core.agreement;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.divergence.core.common.InvalidInputException;

/** What one unit of agreement is: a character (Unicode code point), a sentence, a paragraph or a speaker turn. */
public enum AgreementUnit {
    CHARACTER("character", "Character"),
    SENTENCE("sentence", "Sentence"),
    PARAGRAPH("paragraph", "Paragraph"),
    TURN("turn", "Speaker turn");

    private final String code;
    private final String label;

    AgreementUnit(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The name on the command line and in JSON. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static AgreementUnit parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (AgreementUnit unit : values()) {
            if (unit.code.equals(wanted) || unit.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return unit;
            }
        }
        throw new InvalidInputException("Unknown unit \u201C" + text + "\u201D; use one of "
                + Arrays.stream(values()).map(AgreementUnit::code).collect(Collectors.joining(", ")));
    }
}
