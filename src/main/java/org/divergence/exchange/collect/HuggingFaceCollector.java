package org.divergence.exchange.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.divergence.core.collect.CrawlRequest;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.exchange.repositories.PlatformJsonMapping;

/**
 * The Hugging Face Hub API (BRIEF §4): {@code /api/{type}s} with {@code expand} for the listing (or for one named
 * repository); {@code /api/{type}s/{id}/commits/main} for commits ({@code X-Total-Count}, else counted) and
 * contributors (distinct {@code authors[].user}); {@code /api/{type}s/{id}/discussions?p=N} until all are read for
 * pull requests ({@code isPullRequest}), merged ones (status {@code merged}) and the other discussions.
 */
public final class HuggingFaceCollector implements PlatformCollector {

    /** What the listing and info endpoints are asked to include; each type accepts only its own fields. */
    static final Map<RepoType, List<String>> EXPAND = Map.of(
            RepoType.MODEL, List.of("author", "createdAt", "lastModified", "likes", "downloads", "downloadsAllTime",
                    "childrenModelCount", "pipeline_tag", "library_name", "tags", "cardData", "gated", "private"),
            RepoType.DATASET, List.of("author", "createdAt", "lastModified", "likes", "downloads", "downloadsAllTime",
                    "tags", "cardData", "gated", "private"),
            RepoType.SPACE, List.of("author", "createdAt", "lastModified", "likes", "sdk", "tags", "cardData",
                    "private"));
    private static final int LIST_PAGE = 1000;
    private static final int MAX_PAGES = 100_000;

    private final ApiClient client;
    private final RepoType type;
    private final boolean refuseRenamed;

    /** @param refuseRenamed a renamed repository throws {@link RepositoryRenamedException} before its lists are read */
    public HuggingFaceCollector(ApiClient client, RepoType type, boolean refuseRenamed) {
        this.client = client;
        this.type = type;
        this.refuseRenamed = refuseRenamed;
    }

    private String collection() {
        return type.code() + "s";
    }

    @Override
    public List<PlannedItem> list(CrawlRequest request) {
        HttpUrl.Builder first = client.url("api", collection());
        if (request.query() != null) {
            first.addQueryParameter("search", request.query());
        }
        if (request.author() != null) {
            first.addQueryParameter("author", request.author());
        }
        if (request.sort() != null) {
            first.addQueryParameter("sort", request.sort()).addQueryParameter("direction", "-1");
        }
        first.addQueryParameter("limit", String.valueOf(Math.min(LIST_PAGE, request.limit())));
        expand(first);
        List<PlannedItem> items = new ArrayList<>();
        client.forEachPage(first.build(), page -> {
            JsonNode found = GitHubCollector.requireArray(page);
            for (JsonNode item : found) {
                if (items.size() >= request.limit()) {
                    break;
                }
                String id = item.path("id").asText(item.path("modelId").asText(""));
                if (id.isEmpty()) {
                    throw new MalformedResponseException("GET " + page.url() + ": a listed repository without id");
                }
                items.add(new PlannedItem(id, item));
            }
            return items.size() < request.limit() && !found.isEmpty();
        });
        return items;
    }

    @Override
    public RepositoryRow collect(String id, JsonNode listing) {
        JsonNode info = listing;
        if (info == null) {
            HttpUrl.Builder url = repository(id);
            expand(url);
            info = GitHubCollector.requireObject(client.get(url.build()));
        }
        RepositoryRow row = PlatformJsonMapping.huggingFace(info, type);
        RepositoryRenamedException.check(id, row, refuseRenamed);
        GitHubCollector.Notes notes = new GitHubCollector.Notes();
        try {
            readCommits(row);
        } catch (ApiStatusException e) {
            if (!unreadable(e)) {
                throw e;
            }
            notes.add("commits and contributors unknown: " + e.getMessage());
        }
        try {
            readDiscussions(row);
        } catch (ApiStatusException e) {
            if (!unreadable(e)) {
                throw e;
            }
            notes.add("pull requests and discussions unknown: " + e.getMessage());
        }
        notes.putInto(row);
        return row;
    }

    /** Gated or private parts, a repository without a main branch, discussions turned off: unknown, not a failure. */
    private static boolean unreadable(ApiStatusException e) {
        return e.status() == 401 || e.status() == 403 || e.status() == 404;
    }

    private void readCommits(RepositoryRow row) {
        Set<String> authors = new HashSet<>();
        long counted = 0;
        long total = -1;
        int pageIndex = 0;
        HttpUrl first = repository(row.fullName()).addPathSegment("commits").addPathSegment("main").build();
        HttpUrl url = first;
        while (url != null) {
            ApiResponse page = client.get(url);
            if (total < 0) {
                total = headerCount(page, "x-total-count");
            }
            JsonNode commits = GitHubCollector.requireArray(page);
            for (JsonNode commit : commits) {
                counted++;
                for (JsonNode author : commit.path("authors")) {
                    String user = author.path("user").asText("");
                    if (!user.isEmpty()) {
                        authors.add(user);
                    }
                }
            }
            url = page.next().orElse(null);
            if (url == null && total > counted && !commits.isEmpty()) {
                // Without a Link header the commits endpoint pages by ?p= (BRIEF §4).
                pageIndex++;
                if (pageIndex > MAX_PAGES) {
                    throw new MalformedResponseException("GET " + first + ": more than " + MAX_PAGES + " pages");
                }
                url = first.newBuilder().addQueryParameter("p", String.valueOf(pageIndex)).build();
            }
        }
        row.count(CountColumn.COMMITS, total >= 0 ? total : counted);
        row.count(CountColumn.CONTRIBUTORS, authors.size());
    }

    private void readDiscussions(RepositoryRow row) {
        long pullRequests = 0;
        long merged = 0;
        long discussions = 0;
        long read = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            HttpUrl url = repository(row.fullName()).addPathSegment("discussions")
                    .addQueryParameter("p", String.valueOf(page)).build();
            ApiResponse response = client.get(url);
            JsonNode answer = GitHubCollector.requireObject(response);
            JsonNode items = answer.get("discussions");
            if (items == null || !items.isArray()) {
                throw new MalformedResponseException("GET " + url + ": a discussions answer without \"discussions\"");
            }
            for (JsonNode discussion : items) {
                read++;
                if (discussion.path("isPullRequest").asBoolean(false)) {
                    pullRequests++;
                    if ("merged".equals(discussion.path("status").asText())) {
                        merged++;
                    }
                } else {
                    discussions++;
                }
            }
            long count = answer.path("count").asLong(-1);
            long start = answer.path("start").asLong(page == 0 ? 0 : -1);
            boolean more = count >= 0 ? (start >= 0 ? start : read - items.size()) + items.size() < count
                    : !items.isEmpty();
            if (!more || items.isEmpty()) {
                break;
            }
        }
        row.count(CountColumn.PULL_REQUESTS, pullRequests).count(CountColumn.MERGED_PULL_REQUESTS, merged)
                .count(CountColumn.DISCUSSIONS, discussions);
    }

    private HttpUrl.Builder repository(String id) {
        HttpUrl.Builder url = client.url("api", collection());
        for (String segment : id.split("/")) {
            url.addPathSegment(segment);
        }
        return url;
    }

    private void expand(HttpUrl.Builder url) {
        for (String field : EXPAND.get(type)) {
            url.addQueryParameter("expand", field);
        }
    }

    private static long headerCount(ApiResponse response, String name) {
        String value = response.header(name);
        if (value == null || value.isBlank() || !value.strip().chars().allMatch(Character::isDigit)
                || value.strip().length() > 18) {
            return -1;
        }
        return Long.parseLong(value.strip());
    }
}
