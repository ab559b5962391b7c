package org.divergence.core.repositories;

import java.util.List;
import java.util.Optional;

/** What a repository holds: code on GitHub; a model, dataset or space on Hugging Face. */
public enum RepoType {
    CODE("code", Platform.GITHUB),
    MODEL("model", Platform.HUGGINGFACE),
    DATASET("dataset", Platform.HUGGINGFACE),
    SPACE("space", Platform.HUGGINGFACE);

    private final String code;
    private final Platform platform;

    RepoType(String code, Platform platform) {
        this.code = code;
        this.platform = platform;
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
