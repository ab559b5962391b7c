package org.divergence.render.report;

import java.util.List;

/**
 * The colour of a comparison group, the same everywhere (Okabe–Ito, colour-blind safe): GitHub and code blue,
 * Hugging Face and models vermillion, datasets green, Spaces purple; other groups (tags) take the next colours.
 */
public final class GroupColors {

    private static final List<String> OTHERS = List.of("#E69F00", "#56B4E9", "#999999", "#F0E442");

    private GroupColors() {
    }

    public static String of(String groupKey, int index) {
        return switch (groupKey) {
            case "github", "code" -> "#0072B2";
            case "huggingface", "model" -> "#D55E00";
            case "dataset" -> "#009E73";
            case "space" -> "#CC79A7";
            case org.divergence.core.tags.TagSplit.UNTAGGED -> org.divergence.core.tags.TagSplit.UNTAGGED_COLOUR;
            default -> OTHERS.get(Math.floorMod(index, OTHERS.size()));
        };
    }
}
