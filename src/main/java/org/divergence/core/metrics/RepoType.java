package org.divergence.core.metrics;

import java.util.Locale;

/** Repository types: code on GitHub; models, datasets and Spaces on Hugging Face. */
public enum RepoType {
    CODE("code", Platform.GITHUB, "GitHub code"),
    MODEL("model", Platform.HUGGINGFACE, "Hugging Face models"),
    DATASET("dataset", Platform.HUGGINGFACE, "Hugging Face datasets"),
    SPACE("space", Platform.HUGGINGFACE, "Hugging Face Spaces");

    private final String key;
    private final Platform platform;
    private final String label;

    RepoType(String key, Platform platform, String label) {
        this.key = key;
        this.platform = platform;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public Platform platform() {
        return platform;
    }

    /** E.g. "Hugging Face models": what the repositories of this type are called in sentences and headers. */
    public String label() {
        return label;
    }

    /** The type with this key (case-insensitive), or null. */
    public static RepoType ofKey(String key) {
        for (RepoType type : values()) {
            if (type.key.equals(key.strip().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        return null;
    }
}
