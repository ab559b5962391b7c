package org.divergence.core.metrics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.divergence.core.common.InvalidInputException;

/**
 * Which repositories a comparison looks at: platforms and repository types (empty = all), and an inclusive range of
 * creation dates (null = open). With a date bound, repositories whose creation date is unknown are left out; without
 * one they are kept. Values for the same key are alternatives (OR); different keys must all hold (AND).
 */
public record RepositoryFilter(Set<Platform> platforms, Set<RepoType> repoTypes, LocalDate createdFrom,
                               LocalDate createdTo) {

    public static final RepositoryFilter ALL = new RepositoryFilter(Set.of(), Set.of(), null, null);

    public RepositoryFilter {
        platforms = platforms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(platforms));
        repoTypes = repoTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(repoTypes));
        if (createdFrom != null && createdTo != null && createdFrom.isAfter(createdTo)) {
            throw new InvalidInputException("--created-from " + createdFrom + " is after --created-to " + createdTo
                    + ": the date range is empty");
        }
    }

    /**
     * Reads the command line's filters: {@code where} items "platform=github", "repo_type=model" (also
     * "repo_type=model,dataset"), and ISO dates (YYYY-MM-DD) or null. Anything else is invalid input that says what
     * is accepted.
     */
    public static RepositoryFilter parse(Collection<String> where, String createdFrom, String createdTo) {
        Set<Platform> platforms = EnumSet.noneOf(Platform.class);
        Set<RepoType> types = EnumSet.noneOf(RepoType.class);
        for (String item : where) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                throw new InvalidInputException("--where " + item + ": expected KEY=VALUE, e.g. repo_type=model");
            }
            String key = item.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String[] values = item.substring(equals + 1).split(",", -1);
            for (String value : values) {
                switch (key) {
                    case "platform" -> {
                        Platform platform = Platform.ofKey(value);
                        if (platform == null) {
                            throw new InvalidInputException("--where " + item + ": unknown platform '" + value.strip()
                                    + "'; use github or huggingface");
                        }
                        platforms.add(platform);
                    }
                    case "repo_type" -> {
                        RepoType type = RepoType.ofKey(value);
                        if (type == null) {
                            throw new InvalidInputException("--where " + item + ": unknown repo_type '"
                                    + value.strip() + "'; use code, model, dataset or space");
                        }
                        types.add(type);
                    }
                    default -> throw new InvalidInputException("--where " + item + ": unknown key '" + key
                            + "'; use platform or repo_type");
                }
            }
        }
        return new RepositoryFilter(platforms, types, date("--created-from", createdFrom),
                date("--created-to", createdTo));
    }

    private static LocalDate date(String option, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(option + " " + text + ": not a date; use YYYY-MM-DD, e.g. 2022-05-25", e);
        }
    }

    public boolean hasDateRange() {
        return createdFrom != null || createdTo != null;
    }

    public boolean isAll() {
        return platforms.isEmpty() && repoTypes.isEmpty() && !hasDateRange();
    }

    /** The filters as "--where" items, in a stable order (for JSON and for reproducing a run). */
    public List<String> whereItems() {
        List<String> items = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            if (platforms.contains(platform)) {
                items.add("platform=" + platform.key());
            }
        }
        for (RepoType type : RepoType.values()) {
            if (repoTypes.contains(type)) {
                items.add("repo_type=" + type.key());
            }
        }
        return items;
    }

    /** A short description for captions, e.g. "repo_type = model, dataset; created 2022-05-25 to 2024-12-31". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!platforms.isEmpty()) {
            parts.add("platform = " + String.join(", ", List.of(Platform.values()).stream()
                    .filter(platforms::contains).map(Platform::key).toList()));
        }
        if (!repoTypes.isEmpty()) {
            parts.add("repo_type = " + String.join(", ", List.of(RepoType.values()).stream()
                    .filter(repoTypes::contains).map(RepoType::key).toList()));
        }
        if (createdFrom != null && createdTo != null) {
            parts.add("created " + createdFrom + " to " + createdTo);
        } else if (createdFrom != null) {
            parts.add("created from " + createdFrom);
        } else if (createdTo != null) {
            parts.add("created up to " + createdTo);
        }
        return parts.isEmpty() ? "all repositories" : String.join("; ", parts);
    }
}
