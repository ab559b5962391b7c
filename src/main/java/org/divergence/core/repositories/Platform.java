package org.divergence.core.repositories;

import java.util.Optional;

/** The two platforms of the study, by the code used in files and the project. */
public enum Platform {
    GITHUB("github", "GitHub"),
    HUGGINGFACE("huggingface", "Hugging Face");

    private final String code;
    private final String displayName;

    Platform(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    /** Exact, lower-case codes only: a sample with "GitHub" in it was not written to the canonical format. */
    public static Optional<Platform> ofCode(String code) {
        for (Platform platform : values()) {
            if (platform.code.equals(code)) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }

    /** The repository's page on the platform's website. */
    public String webUrl(RepoType type, String fullName) {
        return switch (this) {
            case GITHUB -> "https://github.com/" + fullName;
            case HUGGINGFACE -> switch (type) {
                case DATASET -> "https://huggingface.co/datasets/" + fullName;
                case SPACE -> "https://huggingface.co/spaces/" + fullName;
                default -> "https://huggingface.co/" + fullName;
            };
        };
    }
}
