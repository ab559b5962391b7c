package org.divergence.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A local fake of the Hugging Face Hub API the collector reads: {@code /api/{type}s} listings paged by an opaque
 * cursor in the {@code Link} header, {@code /api/{type}s/{id}} with {@code expand}, {@code commits/main} with
 * {@code X-Total-Count} (paged by Link, or by {@code ?p=} when {@code linkCommits} is off), {@code discussions?p=N}
 * in the real {@code {discussions, count, start}} shape, and {@code whoami-v2} accepting one token.
 */
public final class FakeHuggingFace extends Dispatcher {

    /** A discussion or pull request: status draft, open, closed or merged. */
    public record Discussion(boolean pullRequest, String status) {
    }

    /** A repository and what the fake serves for it; each commit lists its authors' user names. */
    public record HfRepo(String id, String type, String createdAt, long likes, long downloads, Long children,
                         List<List<String>> commitAuthors, List<Discussion> discussions, boolean gatedCommits) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, HfRepo> repos = new LinkedHashMap<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<RecordedRequest> received = new ConcurrentLinkedQueue<>();
    private final int pageSize;
    private final int discussionPage;
    private volatile boolean linkCommits = true;
    private volatile String acceptedToken;

    private record Fault(String pathContains, MockResponse response) {
    }

    public FakeHuggingFace(int pageSize, int discussionPage, HfRepo... repositories) {
        this.pageSize = pageSize;
        this.discussionPage = discussionPage;
        for (HfRepo repo : repositories) {
            repos.put(repo.type() + ":" + repo.id(), repo);
        }
    }

    /** Models with paged commits and discussions (one with the unknown-createdAt placeholder), a dataset, a space. */
    public static FakeHuggingFace standard() {
        List<Discussion> seven = List.of(new Discussion(true, "merged"), new Discussion(true, "open"),
                new Discussion(false, "open"), new Discussion(true, "merged"), new Discussion(false, "closed"),
                new Discussion(true, "closed"), new Discussion(true, "draft"));
        return new FakeHuggingFace(2, 3,
                new HfRepo("acme/llama-mini", "model", "2023-05-04T10:11:12.000Z", 40, 1200, 3L,
                        List.of(List.of("ann"), List.of("bob", "ann"), List.of("cyd"), List.of(), List.of("ann")),
                        seven, false),
                new HfRepo("bert-old", "model", "2022-03-02T23:29:04.000Z", 500, 90000, 12L,
                        List.of(List.of("hf")), List.of(), false),
                new HfRepo("acme/gated-model", "model", "2024-02-02T00:00:00.000Z", 3, 10, 0L,
                        List.of(List.of("x")), List.of(new Discussion(false, "open")), true),
                new HfRepo("acme/corpus", "dataset", "2023-01-01T00:00:00.000Z", 7, 300, null,
                        List.of(List.of("dan"), List.of("dan")), List.of(new Discussion(true, "merged")), false),
                new HfRepo("acme/demo", "space", "2024-07-07T07:07:07.000Z", 11, 0, null,
                        List.of(List.of("eve")), List.of(), false));
    }

    public void setBase(HttpUrl url) {
        // Links are built from each request's own URL; nothing to remember.
    }

    public void setLinkCommits(boolean value) {
        linkCommits = value;
    }

    public void acceptToken(String token) {
        acceptedToken = token;
    }

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
        HttpUrl url = request.getUrl();
        List<String> path = url.pathSegments();
        if (path.size() < 2 || !path.get(0).equals("api")) {
            return json(404, "{\"error\":\"Not Found\"}", null, null);
        }
        if (path.get(1).equals("whoami-v2")) {
            String authorization = request.getHeaders().get("Authorization");
            boolean ok = acceptedToken != null && ("Bearer " + acceptedToken).equals(authorization);
            return ok ? json(200, "{\"type\":\"user\",\"name\":\"researcher\"}", null, null)
                    : json(401, "{\"error\":\"Invalid credentials in Authorization header\"}", null, null);
        }
        String type = path.get(1).substring(0, path.get(1).length() - 1);
        if (path.size() == 2) {
            return listing(url, type);
        }
        // The id is one segment (legacy models) or two; commits/main and discussions follow it.
        int tail = path.indexOf("commits") > 0 ? path.indexOf("commits")
                : path.indexOf("discussions") > 0 ? path.indexOf("discussions") : path.size();
        String id = String.join("/", path.subList(2, tail));
        HfRepo repo = repos.get(type + ":" + id);
        if (repo == null) {
            return json(401, "{\"error\":\"Repository Not Found\"}", null, null);
        }
        if (tail == path.size()) {
            return json(200, info(repo, url.queryParameterValues("expand")).toString(), null, null);
        }
        if (path.get(tail).equals("commits")) {
            if (repo.gatedCommits() && request.getHeaders().get("Authorization") == null) {
                return json(401, "{\"error\":\"Access to model acme/gated-model is restricted.\"}", null, null);
            }
            return commits(url, repo);
        }
        return discussions(url, repo);
    }

    private MockResponse listing(HttpUrl url, String type) {
        List<HfRepo> all = new ArrayList<>(repos.values().stream().filter(repo -> repo.type().equals(type)).toList());
        String author = url.queryParameter("author");
        if (author != null) {
            all.removeIf(repo -> !repo.id().startsWith(author + "/"));
        }
        String search = url.queryParameter("search");
        if (search != null) {
            all.removeIf(repo -> !repo.id().contains(search));
        }
        if ("likes".equals(url.queryParameter("sort"))) {
            all.sort(Comparator.comparingLong(HfRepo::likes).reversed());
        }
        int start = cursor(url);
        ArrayNode page = JSON.createArrayNode();
        for (int i = start; i < Math.min(all.size(), start + pageSize); i++) {
            page.add(info(all.get(i), url.queryParameterValues("expand")));
        }
        String link = start + pageSize < all.size()
                ? "<" + url.newBuilder().setQueryParameter("cursor", "c" + (start + pageSize)).build()
                + ">; rel=\"next\"" : null;
        return json(200, page.toString(), link, null);
    }

    private ObjectNode info(HfRepo repo, List<String> expand) {
        ObjectNode node = JSON.createObjectNode();
        node.put("_id", Integer.toHexString(repo.id().hashCode()));
        node.put("id", repo.id());
        if (expand.isEmpty() || expand.contains("author")) {
            node.put("author", repo.id().contains("/") ? repo.id().split("/")[0] : null);
        }
        if (expand.isEmpty() || expand.contains("createdAt")) {
            node.put("createdAt", repo.createdAt());
        }
        if (expand.isEmpty() || expand.contains("likes")) {
            node.put("likes", repo.likes());
        }
        if (!repo.type().equals("space") && (expand.isEmpty() || expand.contains("downloads"))) {
            node.put("downloads", repo.downloads());
        }
        if (repo.children() != null && (expand.isEmpty() || expand.contains("childrenModelCount"))) {
            node.put("childrenModelCount", repo.children());
        }
        if (expand.isEmpty() || expand.contains("tags")) {
            node.putArray("tags").add("license:apache-2.0");
        }
        return node;
    }

    private MockResponse commits(HttpUrl url, HfRepo repo) {
        int start = linkCommits ? cursor(url) : pageParameter(url) * pageSize;
        ArrayNode page = JSON.createArrayNode();
        List<List<String>> commits = repo.commitAuthors();
        for (int i = start; i < Math.min(commits.size(), start + pageSize); i++) {
            ObjectNode commit = page.addObject().put("id", "c" + i).put("title", "commit " + i)
                    .put("date", "2024-01-01T00:00:00.000Z");
            ArrayNode authors = commit.putArray("authors");
            commits.get(i).forEach(user -> authors.addObject().put("user", user).put("avatar", "a.png"));
        }
        String link = linkCommits && start + pageSize < commits.size()
                ? "<" + url.newBuilder().setQueryParameter("cursor", "c" + (start + pageSize)).build()
                + ">; rel=\"next\"" : null;
        return json(200, page.toString(), link, String.valueOf(commits.size()));
    }

    private MockResponse discussions(HttpUrl url, HfRepo repo) {
        int page = pageParameter(url);
        int start = page * discussionPage;
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("discussions");
        List<Discussion> all = repo.discussions();
        for (int i = start; i < Math.min(all.size(), start + discussionPage); i++) {
            Discussion discussion = all.get(i);
            items.addObject().put("num", i + 1).put("title", "d" + i).put("status", discussion.status())
                    .put("isPullRequest", discussion.pullRequest()).put("numComments", 1)
                    .put("createdAt", "2024-01-01T00:00:00.000Z").putObject("author").put("name", "u");
        }
        body.put("count", all.size());
        body.put("start", start);
        body.put("numClosedDiscussions", all.stream().filter(d -> !d.status().equals("open")).count());
        return json(200, body.toString(), null, null);
    }

    private static int cursor(HttpUrl url) {
        String cursor = url.queryParameter("cursor");
        return cursor == null ? 0 : Integer.parseInt(cursor.substring(1));
    }

    private static int pageParameter(HttpUrl url) {
        String p = url.queryParameter("p");
        return p == null ? 0 : Integer.parseInt(p);
    }

    private static MockResponse json(int code, String body, String link, String totalCount) {
        MockResponse.Builder builder = new MockResponse.Builder().code(code)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .setHeader("RateLimit", "\"api\";r=480;t=200")
                .setHeader("RateLimit-Policy", "\"fixed window\";\"api\";q=500;w=300");
        if (link != null) {
            builder.setHeader("Link", link);
        }
        if (totalCount != null) {
            builder.setHeader("X-Total-Count", totalCount);
        }
        return builder.body(body).build();
    }
}
