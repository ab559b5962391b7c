package org.divergence.core.metrics;

import java.util.Locale;

/** The two platforms of the study, with the key stored in the project file and the name users read. */
public enum Platform {
    GITHUB("github", "GitHub"),
    HUGGINGFACE("huggingface", "Hugging Face");

    private final String key;
    private final String label;

    Platform(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The platform with this key (case-insensitive), or null. */
    public static Platform ofKey(String key) {
        for (Platform platform : values()) {
            if (platform.key.equals(key.strip().toLowerCase(Locale.ROOT))) {
                return platform;
            }
        }
        return null;
    }
}
