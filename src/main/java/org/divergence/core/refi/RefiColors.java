package org.divergence.core.refi;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads code colours as real exports write them: "#RRGGBB" (the standard), "#RGB", "RRGGBB" without the hash, and
 * "rgb(r, g, b)" or "r,g,b" decimal triples. Returns "#RRGGBB" in upper case, or null when it is no colour.
 */
public final class RefiColors {

    private static final Pattern HEX6 = Pattern.compile("#?([0-9a-fA-F]{6})");
    private static final Pattern HEX3 = Pattern.compile("#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])");
    private static final Pattern DECIMAL = Pattern.compile(
            "(?:rgb\\s*\\()?\\s*(\\d{1,3})\\s*[,;]\\s*(\\d{1,3})\\s*[,;]\\s*(\\d{1,3})\\s*\\)?", Pattern.CASE_INSENSITIVE);

    private RefiColors() {
    }

    public static String parse(String color) {
        if (color == null || color.isBlank()) {
            return null;
        }
        String text = color.strip();
        Matcher hex6 = HEX6.matcher(text);
        if (hex6.matches()) {
            return "#" + hex6.group(1).toUpperCase(Locale.ROOT);
        }
        Matcher hex3 = HEX3.matcher(text);
        if (hex3.matches()) {
            StringBuilder result = new StringBuilder("#");
            for (int i = 1; i <= 3; i++) {
                result.append(hex3.group(i)).append(hex3.group(i));
            }
            return result.toString().toUpperCase(Locale.ROOT);
        }
        Matcher decimal = DECIMAL.matcher(text);
        if (decimal.matches()) {
            int r = Integer.parseInt(decimal.group(1));
            int g = Integer.parseInt(decimal.group(2));
            int b = Integer.parseInt(decimal.group(3));
            if (r <= 255 && g <= 255 && b <= 255) {
                return String.format(Locale.ROOT, "#%02X%02X%02X", r, g, b);
            }
        }
        return null;
    }
}
