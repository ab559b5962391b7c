package org.divergence.core.charts;

import java.util.List;
import org.divergence.core.metrics.Group;

/**
 * The colour-blind-safe group colours (Okabe &amp; Ito 2008), the same for a group on every chart and screen: GitHub
 * and its code #0072B2, Hugging Face and its models #D55E00, datasets #009E73, spaces #CC79A7; a group with a colour
 * of its own (a factor tag's) keeps it; other groups take the remaining colours in order. Colours are "#RRGGBB" text, for Java2D, JavaFX, CSS and SVG alike.
 */
public final class GroupPalette {

    public static final String GITHUB = "#0072B2";
    public static final String HUGGING_FACE = "#D55E00";
    /** The Okabe–Ito colours after the two platforms', in the order further groups take them. */
    public static final List<String> OTHERS = List.of("#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
            "#000000");

    private GroupPalette() {
    }

    /** The colour of the group at {@code index} of its split. */
    public static String colour(Group group, int index) {
        if (group.colour() != null) {
            return group.colour();
        }
        return switch (group.key()) {
            case "github", "code" -> GITHUB;
            case "huggingface", "model" -> HUGGING_FACE;
            case "dataset" -> OTHERS.get(0);
            case "space" -> OTHERS.get(1);
            default -> OTHERS.get(Math.floorMod(index, OTHERS.size()));
        };
    }
}
