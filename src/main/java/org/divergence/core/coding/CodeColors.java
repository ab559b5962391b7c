package org.divergence.core.coding;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Colours for codes: the Okabe–Ito palette (colour-blind safe) in turn, and validation of "#RRGGBB". */
public final class CodeColors {

    public static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
            "#56B4E9", "#F0E442", "#999999");
    /**
     * Colours for the values of a case attribute (roles, sites…) on charts beside codes: Paul Tol's "muted" scheme
     * (colour-blind safe), none of it a code colour, so a role is never read as a code.
     */
    public static final List<String> ATTRIBUTE_VALUES = List.of("#332288", "#44AA99", "#CC6677", "#DDCC77",
            "#882255", "#117733", "#AA4499", "#999933");
    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");

    private CodeColors() {
    }

    public static String forIndex(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    public static String forAttributeValue(int index) {
        return ATTRIBUTE_VALUES.get(Math.floorMod(index, ATTRIBUTE_VALUES.size()));
    }

    /** "#RRGGBB" in upper case, or null for a missing or invalid colour. */
    public static String normalize(String color) {
        if (color == null || !HEX.matcher(color.strip()).matches()) {
            return null;
        }
        return color.strip().toUpperCase(Locale.ROOT);
    }
}
