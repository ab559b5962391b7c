package org.divergence.core.collect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;

/**
 * What a crawl collects: named repositories, or the first {@code limit} results of a listing (a GitHub search, or
 * a Hugging Face listing filtered by search text and author, in a sort order). Stored with the crawl so that a
 * resumed crawl continues the same plan. Never holds a token.
 *
 * @param apiUrl the API's base URL, e.g. {@code https://api.github.com} or {@code https://huggingface.co}
 */
public record CrawlRequest(Platform platform, RepoType type, List<String> repositories, String query, String author,
                           String sort, int limit, String apiUrl) {

    public static final String GITHUB_API = "https://api.github.com";
    public static final String HUGGING_FACE_ENDPOINT = "https://huggingface.co";
    /** GitHub's search returns at most 1,000 results per query. */
    public static final int GITHUB_SEARCH_MAX = 1000;
    public static final int HUGGING_FACE_LIST_MAX = 100_000;
    public static final Set<String> GITHUB_SORTS = Set.of("stars", "forks", "help-wanted-issues", "updated");
    public static final Set<String> HUGGING_FACE_SORTS = Set.of("likes", "downloads", "createdAt", "lastModified");

    private static final Pattern GITHUB_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");
    private static final Pattern HUGGING_FACE_ID =
            Pattern.compile("(?:[A-Za-z0-9][A-Za-z0-9._-]{0,95}/)?[A-Za-z0-9][A-Za-z0-9._-]{0,95}");

    public CrawlRequest {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(type);
        repositories = List.copyOf(repositories);
        Objects.requireNonNull(apiUrl);
    }

    /** Named repositories, checked and normalised (URLs copied from a browser are accepted), duplicates dropped. */
    public static CrawlRequest named(Platform platform, RepoType type, List<String> names, String apiUrl) {
        requireType(platform, type);
        if (names.isEmpty()) {
            throw new InvalidInputException("name at least one repository to collect");
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (String raw : names) {
            String name = normalise(platform, type, raw);
            unique.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        }
        return new CrawlRequest(platform, type, new ArrayList<>(unique.values()), null, null, null, 0, apiUrl);
    }

    /** The first {@code limit} repositories of a listing. */
    public static CrawlRequest listing(Platform platform, RepoType type, String query, String author, String sort,
                                       int limit, String apiUrl) {
        requireType(platform, type);
        String cleanQuery = blankToNull(query);
        String cleanAuthor = blankToNull(author);
        String cleanSort = blankToNull(sort);
        if (platform == Platform.GITHUB) {
            if (cleanQuery == null) {
                throw new InvalidInputException("a GitHub search needs a query, e.g. \"stars:>1000 language:python\"");
            }
            if (cleanAuthor != null) {
                throw new InvalidInputException("--author is for Hugging Face; on GitHub search with user:NAME or"
                        + " org:NAME in the query");
            }
            if (cleanSort != null && !GITHUB_SORTS.contains(cleanSort)) {
                throw new InvalidInputException("GitHub sorts search results by " + String.join(", ",
                        GITHUB_SORTS.stream().sorted().toList()) + ", not \"" + cleanSort + "\"");
            }
            if (limit < 1 || limit > GITHUB_SEARCH_MAX) {
                throw new InvalidInputException("the limit must be between 1 and " + GITHUB_SEARCH_MAX
                        + " (GitHub returns at most 1,000 results per search), not " + limit);
            }
        } else {
            if (cleanSort != null && !HUGGING_FACE_SORTS.contains(cleanSort)) {
                throw new InvalidInputException("Hugging Face sorts by likes, downloads, createdAt or lastModified,"
                        + " not \"" + cleanSort + "\"");
            }
            if (cleanAuthor != null && !HUGGING_FACE_ID.matcher(cleanAuthor).matches()) {
                throw new InvalidInputException("\"" + cleanAuthor + "\" is not a Hugging Face user or organisation");
            }
            if (limit < 1 || limit > HUGGING_FACE_LIST_MAX) {
                throw new InvalidInputException("the limit must be between 1 and " + HUGGING_FACE_LIST_MAX
                        + ", not " + limit);
            }
        }
        return new CrawlRequest(platform, type, List.of(), cleanQuery, cleanAuthor, cleanSort, limit, apiUrl);
    }

    public boolean isListing() {
        return repositories.isEmpty();
    }

    /** What the crawl collects, in words: for batch names and lists of crawls. */
    public String describe() {
        String platformName = platform.displayName();
        String kind = platform == Platform.GITHUB ? "" : " " + type.code() + "s";
        if (!isListing()) {
            return platformName + kind + ": " + (repositories.size() == 1 ? repositories.getFirst()
                    : repositories.size() + " repositories (" + repositories.getFirst() + ", …)");
        }
        StringBuilder text = new StringBuilder(platformName).append(platform == Platform.GITHUB ? " search" : kind);
        if (query != null) {
            text.append(" \"").append(query).append('"');
        }
        if (author != null) {
            text.append(" by ").append(author);
        }
        if (sort != null) {
            text.append(", by ").append(sort);
        }
        return text.append(", first ").append(limit).toString();
    }

    private static void requireType(Platform platform, RepoType type) {
        if (type.platform() != platform) {
            throw new InvalidInputException(platform == Platform.GITHUB ? "GitHub repositories hold code"
                    : "a Hugging Face crawl collects models, datasets or spaces, not " + type.code());
        }
    }

    private static String normalise(Platform platform, RepoType type, String raw) {
        String name = raw == null ? "" : raw.strip();
        if (platform == Platform.GITHUB) {
            name = stripPrefix(name, "https://github.com/", "http://github.com/", "github.com/");
            if (name.endsWith(".git")) {
                name = name.substring(0, name.length() - 4);
            }
            name = stripTrailingSlash(name);
            if (!GITHUB_NAME.matcher(name).matches() || name.endsWith("/.") || name.endsWith("/..")) {
                throw new InvalidInputException("\"" + raw + "\" is not a GitHub repository; write OWNER/NAME, e.g."
                        + " octocat/Hello-World");
            }
            return name;
        }
        name = stripPrefix(name, "https://huggingface.co/", "http://huggingface.co/", "huggingface.co/", "hf.co/");
        String typePrefix = type == RepoType.DATASET ? "datasets/" : type == RepoType.SPACE ? "spaces/" : null;
        if (typePrefix != null && name.startsWith(typePrefix)) {
            name = name.substring(typePrefix.length());
        }
        name = stripTrailingSlash(name);
        if (!HUGGING_FACE_ID.matcher(name).matches() || name.contains("..")) {
            throw new InvalidInputException("\"" + raw + "\" is not a Hugging Face " + type.code() + " id; write"
                    + " OWNER/NAME, e.g. google-bert/bert-base-uncased");
        }
        return name;
    }

    private static String stripPrefix(String name, String... prefixes) {
        for (String prefix : prefixes) {
            if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    private static String stripTrailingSlash(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
