package org.divergence.exchange.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.divergence.core.collect.CrawlRequest;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.exchange.repositories.PlatformJsonMapping;

/**
 * GitHub over its REST API (BRIEF §4): {@code /repos/{o}/{r}} for stars, forks and creation date (or the search
 * result, which is the same object); {@code /contributors?anon=1} for contributors (entries) and commits (sum of
 * {@code contributions}; 204 = empty repository); {@code /pulls?state=all} for pull requests (merged when
 * {@code merged_at} is set); {@code /issues?state=all} for issues (items without {@code pull_request}). Every list is
 * read to its end by the {@code Link} header, 100 per page.
 */
public final class GitHubCollector implements PlatformCollector {

    static final String PER_PAGE = "100";

    private final ApiClient client;
    private final boolean refuseRenamed;

    /** @param refuseRenamed a renamed repository throws {@link RepositoryRenamedException} before its lists are read */
    public GitHubCollector(ApiClient client, boolean refuseRenamed) {
        this.client = client;
        this.refuseRenamed = refuseRenamed;
    }

    @Override
    public List<PlannedItem> list(CrawlRequest request) {
        List<PlannedItem> items = new ArrayList<>();
        HttpUrl.Builder first = client.url("search", "repositories")
                .addQueryParameter("q", request.query())
                .addQueryParameter("per_page", String.valueOf(Math.min(100, request.limit())));
        if (request.sort() != null) {
            first.addQueryParameter("sort", request.sort()).addQueryParameter("order", "desc");
        }
        client.forEachPage(first.build(), page -> {
            JsonNode answer = page.json();
            JsonNode found = answer.get("items");
            if (found == null || !found.isArray()) {
                throw new MalformedResponseException("GET " + page.url() + ": a search answer without \"items\"");
            }
            for (JsonNode item : found) {
                if (items.size() >= request.limit()) {
                    break;
                }
                String name = item.path("full_name").asText("");
                if (name.isEmpty()) {
                    throw new MalformedResponseException("GET " + page.url() + ": a search result without full_name");
                }
                ObjectNode listing = ((ObjectNode) item).deepCopy();
                listing.remove("score");
                items.add(new PlannedItem(name, listing));
            }
            return items.size() < request.limit() && !found.isEmpty();
        });
        return items;
    }

    @Override
    public RepositoryRow collect(String name, JsonNode listing) {
        String[] asked = name.split("/", 2);
        JsonNode repository = listing != null ? listing
                : requireObject(client.get(client.url("repos", asked[0], asked[1]).build()));
        RepositoryRow row = PlatformJsonMapping.github(repository);
        RepositoryRenamedException.check(name, row, refuseRenamed);
        // A renamed repository answers under its new name: ask the lists under that name too.
        String[] current = row.fullName().split("/", 2);
        Notes notes = new Notes();

        long[] contributors = {0, 0};
        try {
            client.forEachPage(list(current, "contributors").addQueryParameter("anon", "1").build(), page -> {
                if (page.status() == 204) {
                    return false;
                }
                for (JsonNode contributor : requireArray(page)) {
                    contributors[0]++;
                    contributors[1] += contributor.path("contributions").asLong(0);
                }
                return true;
            });
            row.count(CountColumn.CONTRIBUTORS, contributors[0]).count(CountColumn.COMMITS, contributors[1]);
        } catch (ApiStatusException e) {
            // GitHub refuses (403) to list contributors of repositories with a very large history.
            if (e.status() != 403) {
                throw e;
            }
            notes.add("contributors and commits unknown: " + e.getMessage());
        }

        long[] pulls = {0, 0};
        client.forEachPage(list(current, "pulls").addQueryParameter("state", "all").build(), page -> {
            for (JsonNode pull : requireArray(page)) {
                pulls[0]++;
                JsonNode merged = pull.get("merged_at");
                if (merged != null && !merged.isNull()) {
                    pulls[1]++;
                }
            }
            return true;
        });
        row.count(CountColumn.PULL_REQUESTS, pulls[0]).count(CountColumn.MERGED_PULL_REQUESTS, pulls[1]);

        long[] issues = {0};
        try {
            client.forEachPage(list(current, "issues").addQueryParameter("state", "all").build(), page -> {
                for (JsonNode issue : requireArray(page)) {
                    if (!issue.has("pull_request")) {
                        issues[0]++;
                    }
                }
                return true;
            });
            row.count(CountColumn.ISSUES, issues[0]);
        } catch (ApiStatusException e) {
            // 410: the repository has its issues turned off.
            if (e.status() != 410) {
                throw e;
            }
            notes.add("issues unknown: issues are turned off for this repository");
        }
        notes.putInto(row);
        return row;
    }

    private HttpUrl.Builder list(String[] name, String what) {
        return client.url("repos", name[0], name[1], what).addQueryParameter("per_page", PER_PAGE);
    }

    static JsonNode requireObject(ApiResponse response) {
        JsonNode node = response.json();
        if (!node.isObject()) {
            throw new MalformedResponseException("GET " + response.url() + ": expected a JSON object, got "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return node;
    }

    static JsonNode requireArray(ApiResponse response) {
        JsonNode node = response.json();
        if (!node.isArray()) {
            throw new MalformedResponseException("GET " + response.url() + ": expected a JSON array, got "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return node;
    }

    /** Why a column stayed unknown, kept with the row (extra column {@code collect_notes}). */
    static final class Notes {
        private final List<String> notes = new ArrayList<>();

        void add(String note) {
            notes.add(note);
        }

        void putInto(RepositoryRow row) {
            if (!notes.isEmpty()) {
                row.putExtra("collect_notes", String.join("; ", notes));
            }
        }
    }
}
