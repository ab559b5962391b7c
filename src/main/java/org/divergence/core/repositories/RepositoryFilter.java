package org.divergence.core.repositories;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.divergence.core.common.InvalidInputException;

/**
 * Which repositories a view, an export or a comparison looks at. Empty sets mean "all". Values of one key are
 * alternatives (platform=github or platform=huggingface); different keys must all hold.
 */
public record RepositoryFilter(Set<Platform> platforms, Set<RepoType> types, LocalDate createdFrom,
                               LocalDate createdTo, String nameContains) {

    public static final RepositoryFilter ALL = new RepositoryFilter(Set.of(), Set.of(), null, null, null);

    public RepositoryFilter {
        platforms = Set.copyOf(platforms);
        types = Set.copyOf(types);
        if (createdFrom != null && createdTo != null && createdFrom.isAfter(createdTo)) {
            throw new InvalidInputException("The created-from date " + createdFrom + " is after the created-to date "
                    + createdTo);
        }
        nameContains = nameContains == null || nameContains.isBlank() ? null : nameContains.strip();
    }

    public boolean isAll() {
        return platforms.isEmpty() && types.isEmpty() && createdFrom == null && createdTo == null
                && nameContains == null;
    }

    public RepositoryFilter withPlatforms(Set<Platform> value) {
        return new RepositoryFilter(value, types, createdFrom, createdTo, nameContains);
    }

    public RepositoryFilter withTypes(Set<RepoType> value) {
        return new RepositoryFilter(platforms, value, createdFrom, createdTo, nameContains);
    }

    public RepositoryFilter withCreated(LocalDate from, LocalDate to) {
        return new RepositoryFilter(platforms, types, from, to, nameContains);
    }

    public RepositoryFilter withNameContains(String value) {
        return new RepositoryFilter(platforms, types, createdFrom, createdTo, value);
    }

    /**
     * Parses the command line's {@code --where KEY=VALUE} options (keys platform and repo_type) and date options.
     */
    public static RepositoryFilter parse(List<String> where, String createdFrom, String createdTo) {
        Set<Platform> platforms = EnumSet.noneOf(Platform.class);
        Set<RepoType> types = EnumSet.noneOf(RepoType.class);
        for (String condition : where == null ? List.<String>of() : where) {
            int equals = condition.indexOf('=');
            if (equals <= 0) {
                throw new InvalidInputException("--where \"" + condition + "\": expected KEY=VALUE, e.g."
                        + " platform=huggingface or repo_type=model");
            }
            String key = condition.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = condition.substring(equals + 1).strip().toLowerCase(Locale.ROOT);
            switch (key) {
                case "platform" -> platforms.add(Platform.ofCode(value).orElseThrow(() -> new InvalidInputException(
                        "--where \"" + condition + "\": unknown platform \"" + value + "\" (github, huggingface)")));
                case "repo_type", "type" -> types.add(RepoType.ofCode(value).orElseThrow(() ->
                        new InvalidInputException("--where \"" + condition + "\": unknown repository type \""
                                + value + "\" (code, model, dataset, space)")));
                default -> throw new InvalidInputException("--where \"" + condition + "\": unknown key \"" + key
                        + "\" (platform, repo_type)");
            }
        }
        return new RepositoryFilter(platforms, types, date(createdFrom, "--created-from"),
                date(createdTo, "--created-to"), null);
    }

    private static LocalDate date(String text, String option) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(option + " \"" + text + "\": not a date (YYYY-MM-DD)");
        }
    }

    /** The conditions in words, for reports and window titles, e.g. "platform = huggingface; created ≥ 2023-01-01". */
    public List<String> describe() {
        List<String> parts = new ArrayList<>();
        if (!platforms.isEmpty()) {
            parts.add("platform = " + String.join(" or ", platforms.stream().map(Platform::code).sorted().toList()));
        }
        if (!types.isEmpty()) {
            parts.add("repo_type = " + String.join(" or ", types.stream().map(RepoType::code).sorted().toList()));
        }
        if (createdFrom != null) {
            parts.add("created ≥ " + createdFrom);
        }
        if (createdTo != null) {
            parts.add("created ≤ " + createdTo);
        }
        if (nameContains != null) {
            parts.add("name contains \"" + nameContains + "\"");
        }
        return parts;
    }
}
