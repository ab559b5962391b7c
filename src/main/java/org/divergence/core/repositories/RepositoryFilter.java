package org.divergence.core.repositories;

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
 * Which repositories a view, an export or a comparison looks at: platforms and repository types (empty = all), an
 * inclusive range of creation dates (null = open), text in the name, a range of one metric's values (null = any;
 * e.g. a chart's clicked bin), factor tags (repositories carrying any of these codes as a tag; empty = all), and
 * factor tags to leave out (repositories carrying none of them: the "untagged" group of a tag grouping).
 * With a date bound, repositories whose creation date is unknown are left out; without one they are kept. Values for
 * the same key are alternatives (OR); different keys must all hold (AND).
 */
public record RepositoryFilter(Set<Platform> platforms, Set<RepoType> repoTypes, LocalDate createdFrom,
                               LocalDate createdTo, String nameContains, MetricRange metricRange, Set<Tag> tags,
                               Set<Tag> withoutTags) {

    public static final RepositoryFilter ALL = new RepositoryFilter(Set.of(), Set.of(), null, null, null);

    /** A code of the codebook used as a tag, by its id; the name is for descriptions. */
    public record Tag(long codeId, String name) {
    }

    public RepositoryFilter {
        platforms = platforms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(platforms));
        repoTypes = repoTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(repoTypes));
        if (createdFrom != null && createdTo != null && createdFrom.isAfter(createdTo)) {
            throw new InvalidInputException("--created-from " + createdFrom + " is after --created-to " + createdTo
                    + ": the date range is empty");
        }
        nameContains = nameContains == null || nameContains.isBlank() ? null : nameContains.strip();
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        withoutTags = withoutTags == null ? Set.of() : Set.copyOf(withoutTags);
    }

    public RepositoryFilter(Set<Platform> platforms, Set<RepoType> repoTypes, LocalDate createdFrom,
                            LocalDate createdTo, String nameContains, MetricRange metricRange, Set<Tag> tags) {
        this(platforms, repoTypes, createdFrom, createdTo, nameContains, metricRange, tags, Set.of());
    }

    public RepositoryFilter(Set<Platform> platforms, Set<RepoType> repoTypes, LocalDate createdFrom,
                            LocalDate createdTo, String nameContains) {
        this(platforms, repoTypes, createdFrom, createdTo, nameContains, null, Set.of());
    }

    public RepositoryFilter(Set<Platform> platforms, Set<RepoType> repoTypes, LocalDate createdFrom,
                            LocalDate createdTo) {
        this(platforms, repoTypes, createdFrom, createdTo, null);
    }

    /**
     * Reads the command line's filters: {@code where} items "platform=github", "repo_type=model" (also
     * "repo_type=model,dataset"), and ISO dates (YYYY-MM-DD) or null. Anything else is invalid input that says what
     * is accepted.
     */
    public static RepositoryFilter parse(Collection<String> where, String createdFrom, String createdTo) {
        Set<Platform> platforms = EnumSet.noneOf(Platform.class);
        Set<RepoType> types = EnumSet.noneOf(RepoType.class);
        for (String item : where == null ? List.<String>of() : where) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                throw new InvalidInputException("--where " + item + ": expected KEY=VALUE, e.g. repo_type=model");
            }
            String key = item.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            for (String value : item.substring(equals + 1).split(",", -1)) {
                String code = value.strip().toLowerCase(Locale.ROOT);
                switch (key) {
                    case "platform" -> platforms.add(Platform.ofCode(code).orElseThrow(() ->
                            new InvalidInputException("--where " + item + ": unknown platform '" + value.strip()
                                    + "'; use github or huggingface")));
                    case "repo_type" -> types.add(RepoType.ofCode(code).orElseThrow(() ->
                            new InvalidInputException("--where " + item + ": unknown repo_type '" + value.strip()
                                    + "'; use code, model, dataset or space")));
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
        return platforms.isEmpty() && repoTypes.isEmpty() && !hasDateRange() && nameContains == null
                && metricRange == null && tags.isEmpty() && withoutTags.isEmpty();
    }

    public RepositoryFilter withPlatforms(Set<Platform> value) {
        return new RepositoryFilter(value, repoTypes, createdFrom, createdTo, nameContains, metricRange, tags,
                withoutTags);
    }

    public RepositoryFilter withRepoTypes(Set<RepoType> value) {
        return new RepositoryFilter(platforms, value, createdFrom, createdTo, nameContains, metricRange, tags,
                withoutTags);
    }

    public RepositoryFilter withCreated(LocalDate from, LocalDate to) {
        return new RepositoryFilter(platforms, repoTypes, from, to, nameContains, metricRange, tags, withoutTags);
    }

    public RepositoryFilter withNameContains(String value) {
        return new RepositoryFilter(platforms, repoTypes, createdFrom, createdTo, value, metricRange, tags,
                withoutTags);
    }

    /** The same filter restricted to a range of one metric's values (null: any value). */
    public RepositoryFilter withMetricRange(MetricRange value) {
        return new RepositoryFilter(platforms, repoTypes, createdFrom, createdTo, nameContains, value, tags,
                withoutTags);
    }

    public RepositoryFilter withTags(Set<Tag> value) {
        return new RepositoryFilter(platforms, repoTypes, createdFrom, createdTo, nameContains, metricRange, value,
                withoutTags);
    }

    /** The same filter restricted to repositories carrying none of these tags. */
    public RepositoryFilter withoutTags(Set<Tag> value) {
        return new RepositoryFilter(platforms, repoTypes, createdFrom, createdTo, nameContains, metricRange, tags,
                value);
    }

    /** The platform and type filters as "--where" items, in a stable order (for JSON and for reproducing a run). */
    public List<String> whereItems() {
        List<String> items = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            if (platforms.contains(platform)) {
                items.add("platform=" + platform.code());
            }
        }
        for (RepoType type : RepoType.values()) {
            if (repoTypes.contains(type)) {
                items.add("repo_type=" + type.code());
            }
        }
        return items;
    }

    /** The conditions one by one, e.g. ["platform = huggingface", "created 2022-05-25 to 2024-12-31"]. */
    public List<String> conditions() {
        List<String> parts = new ArrayList<>();
        if (!platforms.isEmpty()) {
            parts.add("platform = " + String.join(", ", List.of(Platform.values()).stream()
                    .filter(platforms::contains).map(Platform::code).toList()));
        }
        if (!repoTypes.isEmpty()) {
            parts.add("repo_type = " + String.join(", ", List.of(RepoType.values()).stream()
                    .filter(repoTypes::contains).map(RepoType::code).toList()));
        }
        if (createdFrom != null && createdTo != null) {
            parts.add("created " + createdFrom + " to " + createdTo);
        } else if (createdFrom != null) {
            parts.add("created from " + createdFrom);
        } else if (createdTo != null) {
            parts.add("created up to " + createdTo);
        }
        if (nameContains != null) {
            parts.add("name contains \"" + nameContains + "\"");
        }
        if (metricRange != null) {
            parts.add(metricRange.describe());
        }
        if (!tags.isEmpty()) {
            parts.add("tagged " + String.join(" or ", tags.stream().map(Tag::name).sorted().toList()));
        }
        if (!withoutTags.isEmpty()) {
            parts.add("not tagged " + String.join(" or ", withoutTags.stream().map(Tag::name).sorted().toList()));
        }
        return parts;
    }

    /** A short description for captions, e.g. "repo_type = model, dataset; created 2022-05-25 to 2024-12-31". */
    public String describe() {
        List<String> parts = conditions();
        return parts.isEmpty() ? "all repositories" : String.join("; ", parts);
    }
}
