package org.divergence.core.metrics;

/** The study's dimensions (BRIEF section 3), plus popularity. */
public enum Dimension {
    COLLABORATION_INTENSITY("collaboration_intensity", "Collaboration intensity"),
    COLLABORATION_OPENNESS("collaboration_openness", "Collaboration openness"),
    KNOWLEDGE_EXCHANGE("knowledge_exchange", "Knowledge exchange"),
    USER_INNOVATION("user_innovation", "User innovation"),
    POPULARITY("popularity", "Popularity");

    private final String key;
    private final String label;

    Dimension(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
