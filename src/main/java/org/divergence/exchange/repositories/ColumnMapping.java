package org.divergence.exchange.repositories;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.divergence.core.repositories.CanonicalColumns;

/**
 * How a CSV file whose columns are named differently maps onto the canonical columns it lacks: for a canonical
 * column, the file's column that holds it, or {@link #ABSENT} for a column the file does not have (every value then
 * unknown; only columns that may be unknown). A canonical column the file has under its own name is read from it,
 * whatever the mapping says. The file's columns used here are not kept as extra columns.
 */
public record ColumnMapping(Map<String, String> sourceOf) {

    /** The file has no such column: every value is unknown. */
    public static final String ABSENT = "";
    public static final ColumnMapping NONE = new ColumnMapping(Map.of());

    public ColumnMapping {
        sourceOf = Map.copyOf(sourceOf);
    }

    /** Columns every row needs: they cannot be absent. */
    public static boolean isRequired(String canonical) {
        return canonical.equals(CanonicalColumns.PLATFORM) || canonical.equals(CanonicalColumns.REPO_TYPE)
                || canonical.equals(CanonicalColumns.FULL_NAME);
    }

    /** The file's column for {@code canonical}, {@link #ABSENT}, or empty when the mapping does not say. */
    public Optional<String> source(String canonical) {
        return Optional.ofNullable(sourceOf.get(canonical));
    }

    public ColumnMapping with(String canonical, String source) {
        Map<String, String> next = new LinkedHashMap<>(sourceOf);
        if (source == null) {
            next.remove(canonical);
        } else {
            next.put(canonical, source);
        }
        return new ColumnMapping(next);
    }

    /** The canonical columns a file with this header lacks under their own names. */
    public static List<String> missing(List<String> header) {
        return CanonicalColumns.ALL.stream().filter(column -> !header.contains(column)).toList();
    }

    /**
     * A first guess for a header: a column whose name, in lower case and without spaces, dashes, "_count" or
     * "number of", is the canonical name or a usual other name for it (stars: stargazers, repository: full_name…).
     */
    public static ColumnMapping guess(List<String> header) {
        Map<String, String> guessed = new LinkedHashMap<>();
        List<String> taken = new ArrayList<>(header.stream().filter(CanonicalColumns::isCanonical).toList());
        for (String canonical : missing(header)) {
            for (String name : header) {
                if (!taken.contains(name) && SYNONYMS.getOrDefault(normalise(name), normalise(name))
                        .equals(canonical)) {
                    guessed.put(canonical, name);
                    taken.add(name);
                    break;
                }
            }
        }
        return new ColumnMapping(guessed);
    }

    private static String normalise(String name) {
        String plain = name.strip().toLowerCase(Locale.ROOT).replaceAll("^number of ", "")
                .replaceAll("[\\s\\-.]+", "_").replaceAll("_count$|_total$", "");
        return plain.replaceAll("^num_|^n_", "");
    }

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("repository", CanonicalColumns.FULL_NAME), Map.entry("repo", CanonicalColumns.FULL_NAME),
            Map.entry("name", CanonicalColumns.FULL_NAME), Map.entry("id", CanonicalColumns.FULL_NAME),
            Map.entry("repo_id", CanonicalColumns.FULL_NAME), Map.entry("type", CanonicalColumns.REPO_TYPE),
            Map.entry("kind", CanonicalColumns.REPO_TYPE), Map.entry("created", CanonicalColumns.CREATED_AT),
            Map.entry("createdat", CanonicalColumns.CREATED_AT), Map.entry("creation_date", CanonicalColumns.CREATED_AT),
            Map.entry("stargazers", "stars"), Map.entry("forks", "forks"), Map.entry("commit", "commits"),
            Map.entry("contributor", "contributors"), Map.entry("prs", "pull_requests"),
            Map.entry("pull_request", "pull_requests"), Map.entry("merged_prs", "merged_pull_requests"),
            Map.entry("issue", "issues"), Map.entry("discussion", "discussions"), Map.entry("like", "likes"),
            Map.entry("download", "downloads"), Map.entry("derivative", "derivatives"));
}
