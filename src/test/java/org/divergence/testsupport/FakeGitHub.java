package org.divergence.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A local fake of the part of GitHub's REST API the collector reads, serving a small world of repositories with
 * the real API's shapes: paged lists with {@code Link} headers (opaque page tokens, so a client that builds page URLs
 * itself fails), ETags and 304s, {@code x-ratelimit-*} headers, 204 for an empty repository's contributors. Faults
 * (rate limits, 5xx, malformed JSON) are scripted per request path.
 */
public final class FakeGitHub extends Dispatcher {

    /** A repository and the numbers the fake serves for it. */
    public record Repo(String fullName, String createdAt, long stars, long forks, List<Long> contributions,
                       int pulls, int merged, int issues) {

        public long commits() {
            return contributions.stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Repo> repos = new LinkedHashMap<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<RecordedRequest> received = new ConcurrentLinkedQueue<>();
    private final AtomicLong remaining = new AtomicLong(5000);
    private final int pageSize;
    private volatile HttpUrl base;
    private volatile String requiredToken;

    private record Fault(String pathContains, MockResponse response) {
    }

    public FakeGitHub(int pageSize, Repo... repositories) {
        this.pageSize = pageSize;
        for (Repo repo : repositories) {
            repos.put(repo.fullName().toLowerCase(Locale.ROOT), repo);
        }
    }

    /** The three repositories most tests use: a busy one, an empty one, a small one. */
    public static FakeGitHub standard() {
        return new FakeGitHub(2,
                new Repo("octo/alpha", "2019-04-01T10:00:00Z", 120, 7, List.of(50L, 30L, 5L, 1L, 1L), 7, 4, 5),
                new Repo("octo/empty", "2024-01-02T03:04:05Z", 0, 0, List.of(), 0, 0, 0),
                new Repo("octo/beta", "2021-06-15T08:30:00Z", 9, 1, List.of(3L), 1, 0, 2));
    }

    /** Answers 401 "Bad credentials" to any other token (anonymous requests are still served). */
    public void acceptOnlyToken(String token) {
        requiredToken = token;
    }

    public void setBase(HttpUrl url) {
        this.base = url;
    }

    public Repo repo(String fullName) {
        return repos.get(fullName.toLowerCase(Locale.ROOT));
    }

    /** The next request whose path and query contain {@code pathContains} gets {@code response}, once. */
    public void failOnce(String pathContains, MockResponse response) {
        faults.add(new Fault(pathContains, response));
    }

    public List<RecordedRequest> received() {
        return List.copyOf(received);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        received.add(request);
        String target = request.getTarget();
        for (Fault fault : faults) {
            if (target.contains(fault.pathContains()) && faults.remove(fault)) {
                return fault.response();
            }
        }
        String authorization = request.getHeaders().get("Authorization");
        if (requiredToken != null && authorization != null && !authorization.equals("Bearer " + requiredToken)) {
            return json(request, 401, "{\"message\":\"Bad credentials\",\"status\":\"401\"}", null);
        }
        HttpUrl url = request.getUrl();
        List<String> path = url.pathSegments();
        try {
            if (path.size() == 2 && path.get(0).equals("search") && path.get(1).equals("repositories")) {
                return search(request, url);
            }
            if (path.size() >= 3 && path.get(0).equals("repos")) {
                Repo repo = repos.get((path.get(1) + "/" + path.get(2)).toLowerCase(Locale.ROOT));
                if (repo == null) {
                    return json(request, 404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs\"}",
                            null);
                }
                if (path.size() == 3) {
                    return json(request, 200, repository(repo).toString(), null);
                }
                return switch (path.get(3)) {
                    case "contributors" -> contributors(request, url, repo);
                    case "pulls" -> page(request, url, pulls(repo));
                    case "issues" -> page(request, url, issues(repo));
                    default -> json(request, 404, "{\"message\":\"Not Found\"}", null);
                };
            }
            return json(request, 404, "{\"message\":\"Not Found\"}", null);
        } catch (RuntimeException e) {
            return new MockResponse.Builder().code(500).body(e.toString()).build();
        }
    }

    public ObjectNode repository(Repo repo) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", Math.abs(repo.fullName().hashCode()));
        node.put("name", repo.fullName().split("/")[1]);
        node.put("full_name", repo.fullName());
        node.putObject("owner").put("login", repo.fullName().split("/")[0]).put("type", "Organization");
        node.put("html_url", "https://github.com/" + repo.fullName());
        node.put("url", base + "repos/" + repo.fullName());
        node.put("created_at", repo.createdAt());
        node.put("stargazers_count", repo.stars());
        node.put("watchers_count", repo.stars());
        node.put("forks_count", repo.forks());
        node.put("language", "Go");
        node.put("open_issues_count", repo.issues());
        node.putObject("license").put("spdx_id", "MIT");
        return node;
    }

    private MockResponse search(RecordedRequest request, HttpUrl url) {
        List<Repo> all = new ArrayList<>(repos.values());
        all.sort(Comparator.comparingLong(Repo::stars).reversed());
        ArrayNode items = JSON.createArrayNode();
        for (Repo repo : all) {
            items.add(repository(repo).put("score", 1.0));
        }
        int page = pageIndex(url);
        ArrayNode slice = slice(items, page);
        ObjectNode body = JSON.createObjectNode();
        body.put("total_count", all.size());
        body.put("incomplete_results", false);
        body.set("items", slice);
        return json(request, 200, body.toString(), link(url, page, items.size()));
    }

    private MockResponse contributors(RecordedRequest request, HttpUrl url, Repo repo) {
        if (repo.contributions().isEmpty()) {
            return json(request, 204, "", null);
        }
        ArrayNode items = JSON.createArrayNode();
        int n = 0;
        for (long contributions : repo.contributions()) {
            items.addObject().put("login", "user" + n++).put("type", "User").put("contributions", contributions);
        }
        return page(request, url, items);
    }

    private static ArrayNode pulls(Repo repo) {
        ArrayNode items = JSON.createArrayNode();
        for (int i = 1; i <= repo.pulls(); i++) {
            ObjectNode pull = items.addObject().put("number", i).put("state", "closed");
            if (i <= repo.merged()) {
                pull.put("merged_at", "2024-01-0" + (1 + i % 9) + "T00:00:00Z");
            } else {
                pull.putNull("merged_at");
            }
        }
        return items;
    }

    /** The issues endpoint lists pull requests too (marked by {@code pull_request}), as GitHub's does. */
    private static ArrayNode issues(Repo repo) {
        ArrayNode items = JSON.createArrayNode();
        int number = 1;
        for (int i = 0; i < repo.issues(); i++) {
            items.addObject().put("number", number++).put("title", "Issue " + i);
            if (i < repo.pulls()) {
                items.addObject().put("number", number++).put("title", "PR " + i).putObject("pull_request")
                        .put("url", "https://example.invalid/pull");
            }
        }
        for (int i = repo.issues(); i < repo.pulls(); i++) {
            items.addObject().put("number", number++).putObject("pull_request").put("url", "x");
        }
        return items;
    }

    private MockResponse page(RecordedRequest request, HttpUrl url, ArrayNode items) {
        int page = pageIndex(url);
        return json(request, 200, slice(items, page).toString(), link(url, page, items.size()));
    }

    private static int pageIndex(HttpUrl url) {
        String token = url.queryParameter("page_token");
        return token == null ? 0 : Integer.parseInt(token.substring(2));
    }

    private ArrayNode slice(ArrayNode items, int page) {
        ArrayNode slice = JSON.createArrayNode();
        for (int i = page * pageSize; i < Math.min(items.size(), (page + 1) * pageSize); i++) {
            slice.add(items.get(i));
        }
        return slice;
    }

    /** GitHub-style Link header; the page token is opaque to the client ("pt" + index). */
    private String link(HttpUrl url, int page, int size) {
        int pages = Math.max(1, (size + pageSize - 1) / pageSize);
        List<String> links = new ArrayList<>();
        if (page + 1 < pages) {
            links.add("<" + url.newBuilder().setQueryParameter("page_token", "pt" + (page + 1)).build()
                    + ">; rel=\"next\"");
            links.add("<" + url.newBuilder().setQueryParameter("page_token", "pt" + (pages - 1)).build()
                    + ">; rel=\"last\"");
        }
        if (page > 0) {
            links.add("<" + url.newBuilder().setQueryParameter("page_token", "pt0").build() + ">; rel=\"first\"");
        }
        return links.isEmpty() ? null : String.join(", ", links);
    }

    private MockResponse json(RecordedRequest request, int code, String body, String link) {
        String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
        MockResponse.Builder builder = new MockResponse.Builder().code(code)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .setHeader("x-ratelimit-limit", "5000")
                .setHeader("x-ratelimit-remaining", String.valueOf(Math.max(0, remaining.decrementAndGet())))
                .setHeader("x-ratelimit-reset", String.valueOf(FakeClock.START.getEpochSecond() + 3600))
                .setHeader("x-ratelimit-resource", request.getUrl().encodedPath().startsWith("/search") ? "search"
                        : "core");
        if (code == 200) {
            builder.setHeader("ETag", etag);
            if (etag.equals(request.getHeaders().get("If-None-Match"))) {
                return builder.code(304).build();
            }
        }
        if (link != null) {
            builder.setHeader("Link", link);
        }
        return builder.body(body).build();
    }

    /** Paths requested, in order, without the query: for asserting what was asked. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>();
        for (RecordedRequest request : received) {
            paths.add(request.getUrl().encodedPath());
        }
        return Collections.unmodifiableList(paths);
    }
}
