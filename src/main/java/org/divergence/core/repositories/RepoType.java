package org.divergence.core.repositories;

import java.util.List;
import java.util.Optional;

/** What a repository holds: code on GitHub; a model, dataset or space on Hugging Face. */
public enum RepoType {
    CODE("code", Platform.GITHUB, "GitHub code"),
    MODEL("model", Platform.HUGGINGFACE, "Hugging Face models"),
    DATASET("dataset", Platform.HUGGINGFACE, "Hugging Face datasets"),
    SPACE("space", Platform.HUGGINGFACE, "Hugging Face Spaces");

    private final String code;
    private final Platform platform;
    private final String label;

    RepoType(String code, Platform platform, String label) {
        this.code = code;
        this.platform = platform;
        this.label = label;
    }

    /** E.g. "Hugging Face models": what the repositories of this type are called in sentences and headers. */
    public String label() {
        return label;
    }

    public String code() {
        return code;
    }

    public Platform platform() {
        return platform;
    }

    public static Optional<RepoType> ofCode(String code) {
        for (RepoType type : values()) {
            if (type.code.equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static List<RepoType> of(Platform platform) {
        return java.util.Arrays.stream(values()).filter(type -> type.platform == platform).toList();
    }
}
