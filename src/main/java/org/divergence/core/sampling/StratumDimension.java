package org.divergence.core.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;

/** What a draw may stratify by: the platform, the repository type, the year of creation (unknown is its own). */
public enum StratumDimension {
    PLATFORM("platform"),
    REPO_TYPE("repo_type"),
    CREATED_YEAR("created_year");

    /** The created_year of a repository whose creation date is unknown. */
    public static final String UNKNOWN_YEAR = "unknown";

    private final String code;

    StratumDimension(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** This dimension's value for one repository ({@code createdAt}: ISO text or null). */
    public String valueOf(Platform platform, RepoType type, String createdAt) {
        return switch (this) {
            case PLATFORM -> platform.code();
            case REPO_TYPE -> type.code();
            case CREATED_YEAR -> createdAt == null || createdAt.length() < 4 ? UNKNOWN_YEAR
                    : createdAt.substring(0, 4);
        };
    }

    /** Reads "platform,repo_type,created_year" (any subset, any order, no repeats; blank: no strata). */
    public static List<StratumDimension> parseList(String text) {
        List<StratumDimension> dimensions = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return dimensions;
        }
        for (String part : text.split(",", -1)) {
            String code = part.strip().toLowerCase(Locale.ROOT);
            StratumDimension dimension = null;
            for (StratumDimension candidate : values()) {
                if (candidate.code.equals(code)) {
                    dimension = candidate;
                }
            }
            if (dimension == null) {
                throw new InvalidInputException("--strata " + text + ": unknown stratum '" + part.strip()
                        + "'; use platform, repo_type and/or created_year, separated by commas");
            }
            if (dimensions.contains(dimension)) {
                throw new InvalidInputException("--strata " + text + ": " + code + " is named twice");
            }
            dimensions.add(dimension);
        }
        return dimensions;
    }
}
