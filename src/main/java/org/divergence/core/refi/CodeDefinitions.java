package org.divergence.core.refi;

import java.util.ArrayList;
import java.util.List;

/**
 * REFI-QDA gives a code one description; the workbench keeps the definition in four parts. Exports write all four
 * into the description, the optional parts under fixed headings that any tool shows as text; imports take those
 * headings apart again when they end the description, so a round trip keeps each part where it was.
 */
public final class CodeDefinitions {

    static final String INCLUSION = "Include when:";
    static final String EXCLUSION = "Exclude when:";
    static final String EXAMPLE = "Example:";
    private static final String[] HEADINGS = {INCLUSION, EXCLUSION, EXAMPLE};

    private CodeDefinitions() {
    }

    /** The description with the optional parts appended, each as a paragraph under its heading; null if empty. */
    public static String pack(RefiProject.Definition definition) {
        List<String> parts = new ArrayList<>();
        if (hasText(definition.description())) {
            parts.add(definition.description().strip());
        }
        String[] values = {definition.inclusion(), definition.exclusion(), definition.example()};
        for (int i = 0; i < HEADINGS.length; i++) {
            if (hasText(values[i])) {
                parts.add(HEADINGS[i] + " " + values[i].strip());
            }
        }
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    /** The inverse of {@link #pack}: trailing paragraphs under the headings, in their order, become the parts. */
    public static RefiProject.Definition unpack(String text) {
        if (!hasText(text)) {
            return RefiProject.Definition.EMPTY;
        }
        String normalized = text.replace("\r\n", "\n").strip();
        List<String> paragraphs = new ArrayList<>(List.of(normalized.split("\n\n")));
        String[] values = new String[HEADINGS.length];
        int next = HEADINGS.length - 1;
        while (!paragraphs.isEmpty() && next >= 0) {
            String last = paragraphs.getLast();
            int found = -1;
            for (int i = next; i >= 0; i--) {
                if (last.startsWith(HEADINGS[i] + " ")) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                break;
            }
            values[found] = last.substring(HEADINGS[found].length() + 1).strip();
            paragraphs.removeLast();
            next = found - 1;
        }
        String description = paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs);
        return new RefiProject.Definition(description, values[0], values[1], values[2]);
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
