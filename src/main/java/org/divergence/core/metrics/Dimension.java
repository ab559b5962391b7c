package org.divergence.core.metrics;

import java.util.List;
import java.util.Locale;

/**
 * What a metric measures: one of the study's dimensions (BRIEF section 3) plus popularity, or a custom metric's
 * own dimension, free text ({@code custom} unless its author named one). Two dimensions are the same when their
 * keys are; a custom metric naming a built-in dimension's key joins that dimension.
 */
public record Dimension(String key, String label) {

    public static final Dimension COLLABORATION_INTENSITY =
            new Dimension("collaboration_intensity", "Collaboration intensity");
    public static final Dimension COLLABORATION_OPENNESS =
            new Dimension("collaboration_openness", "Collaboration openness");
    public static final Dimension KNOWLEDGE_EXCHANGE = new Dimension("knowledge_exchange", "Knowledge exchange");
    public static final Dimension USER_INNOVATION = new Dimension("user_innovation", "User innovation");
    public static final Dimension POPULARITY = new Dimension("popularity", "Popularity");
    /** The dimension of custom metrics whose author named none. */
    public static final String CUSTOM = "custom";

    private static final List<Dimension> BUILT_IN = List.of(COLLABORATION_INTENSITY, COLLABORATION_OPENNESS,
            KNOWLEDGE_EXCHANGE, USER_INNOVATION, POPULARITY);

    public Dimension {
        if (key == null || key.isBlank() || label == null || label.isBlank()) {
            throw new IllegalArgumentException("a dimension needs a key and a label");
        }
    }

    /** The built-in dimensions in report order; each has a lead metric and a headline. */
    public static List<Dimension> builtIn() {
        return BUILT_IN;
    }

    /**
     * The dimension with this key: a built-in one, or a custom one labelled by its key ("governance" →
     * "Governance", "code_review" → "Code review").
     */
    public static Dimension of(String key) {
        String stripped = key == null || key.isBlank() ? CUSTOM : key.strip();
        for (Dimension dimension : BUILT_IN) {
            if (dimension.key.equals(stripped)) {
                return dimension;
            }
        }
        String words = stripped.replace('_', ' ');
        int first = words.offsetByCodePoints(0, 1);
        return new Dimension(stripped, words.substring(0, first).toUpperCase(Locale.ROOT) + words.substring(first));
    }

    /**
     * A name for ids in documents (HTML anchors, SVG ids): the key with dashes for underscores when it is a plain
     * lower-case name, else its letters and digits with a hash of the key, so that two keys never share one.
     */
    public String id() {
        if (key.matches("[a-z0-9_]+")) {
            return key.replace('_', '-');
        }
        String plain = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return (plain.isEmpty() ? "dimension" : plain) + "-" + Integer.toHexString(key.hashCode());
    }

    public boolean isBuiltIn() {
        return BUILT_IN.contains(this);
    }
}
