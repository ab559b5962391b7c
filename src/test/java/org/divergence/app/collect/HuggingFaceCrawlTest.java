package org.divergence.app.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.divergence.core.collect.CrawlControl;
import org.divergence.core.collect.CrawlRequest;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.exchange.collect.ApiToken;
import org.divergence.store.collect.Crawls;
import org.divergence.store.project.Project;
import org.divergence.testsupport.FakeClock;
import org.divergence.testsupport.FakeHuggingFace;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crawls against a local fake of the Hugging Face Hub API. */
class HuggingFaceCrawlTest {

    @TempDir
    Path folder;

    private final MockWebServer server = new MockWebServer();
    private final FakeHuggingFace hub = FakeHuggingFace.standard();
    private final FakeClock clock = new FakeClock();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(hub);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String endpoint() {
        return server.url("/").toString();
    }

    private RunCrawl.Outcome run(Project project, CrawlRequest request, Optional<ApiToken> token) {
        RunCrawl.Options options = RunCrawl.Options.of(token, folder.resolve("cache"))
                .withClock(clock, new Random(5));
        return new RunCrawl(project, options, new CrawlControl(), snapshot -> { }).start(request, Progress.NONE);
    }

    @Test
    void aListingCollectsCommitsContributorsAndDiscussionsAcrossPages() {
        Path file = folder.resolve("p.divergence");
        try (Project project = Project.create(file)) {
            CrawlRequest request = CrawlRequest.listing(Platform.HUGGINGFACE, RepoType.MODEL, null, null, "likes", 3,
                    endpoint());
            RunCrawl.Outcome outcome = run(project, request, Optional.empty());
            assertEquals(3, outcome.done(), outcome.toString());
        }
        // llama-mini: 5 commits by ann, bob, cyd (one commit without a linked user); 7 discussions over 3 pages:
        // 5 pull requests (2 merged) and 2 other discussions. bert-old's createdAt is the "unknown" placeholder.
        assertEquals(List.of(
                "acme/gated-model|model|2024-02-02T00:00:00Z|null|null|0|0|1|3|10|0",
                "acme/llama-mini|model|2023-05-04T10:11:12Z|3|5|5|2|2|40|1200|3",
                "bert-old|model|null|1|1|0|0|0|500|90000|12"),
                TableDump.rows(file, "SELECT full_name, repo_type, created_at, contributors, commits, pull_requests,"
                        + " merged_pull_requests, discussions, likes, downloads, derivatives FROM repository"
                        + " ORDER BY full_name"));
        String notes = TableDump.rows(file, "SELECT json_extract(extra, '$.collect_notes') FROM repository"
                + " WHERE full_name = 'acme/gated-model'").getFirst();
        assertTrue(notes.startsWith("commits and contributors unknown: GET"), notes);
        assertTrue(notes.contains("answered 401 Unauthorized: Access to model acme/gated-model is restricted."), notes);

        List<RecordedRequest> requests = hub.received();
        String listing = requests.getFirst().getTarget();
        assertTrue(listing.startsWith("/api/models?sort=likes&direction=-1&limit=3&expand=author&expand=createdAt"),
                listing);
        assertTrue(listing.contains("expand=childrenModelCount"), listing);
        assertEquals(2, requests.stream().filter(r -> r.getUrl().encodedPath().equals("/api/models")).count(),
                "two listing pages, followed by the Link cursor");
        assertEquals(List.of("0", "1", "2"), requests.stream()
                .filter(r -> r.getUrl().encodedPath().equals("/api/models/acme/llama-mini/discussions"))
                .map(r -> r.getUrl().queryParameter("p")).toList());
        assertEquals(3, requests.stream()
                .filter(r -> r.getUrl().encodedPath().equals("/api/models/acme/llama-mini/commits/main")).count());
    }

    @Test
    void namedRepositoriesAreLookedUpWithExpandAndCommitsPageByPWithoutALink() {
        hub.setLinkCommits(false);
        Path file = folder.resolve("p.divergence");
        try (Project project = Project.create(file)) {
            run(project, CrawlRequest.named(Platform.HUGGINGFACE, RepoType.MODEL,
                    List.of("https://huggingface.co/acme/llama-mini"), endpoint()), Optional.empty());
            run(project, CrawlRequest.named(Platform.HUGGINGFACE, RepoType.DATASET,
                    List.of("datasets/acme/corpus"), endpoint()), Optional.empty());
            run(project, CrawlRequest.named(Platform.HUGGINGFACE, RepoType.SPACE, List.of("acme/demo"), endpoint()),
                    Optional.empty());
        }
        assertEquals(List.of(
                "acme/corpus|dataset|1|2|1|1|0|7|300|null",
                "acme/demo|space|1|1|0|0|0|11|null|null",
                "acme/llama-mini|model|3|5|5|2|2|40|1200|3"),
                TableDump.rows(file, "SELECT full_name, repo_type, contributors, commits, pull_requests,"
                        + " merged_pull_requests, discussions, likes, downloads, derivatives FROM repository"
                        + " ORDER BY full_name"));
        List<String> commitPages = hub.received().stream()
                .filter(r -> r.getUrl().encodedPath().equals("/api/models/acme/llama-mini/commits/main"))
                .map(RecordedRequest::getTarget).toList();
        assertEquals(List.of("/api/models/acme/llama-mini/commits/main", "/api/models/acme/llama-mini/commits/main?p=1",
                "/api/models/acme/llama-mini/commits/main?p=2"), commitPages);
        assertTrue(hub.received().stream().anyMatch(r -> r.getTarget().startsWith("/api/datasets/acme/corpus?expand=")));
    }

    @Test
    void waitsOutA429WithTheRateLimitHeadersAndCarriesOn() {
        hub.failOnce("/discussions?p=1", new MockResponse.Builder().code(429)
                .setHeader("RateLimit", "\"api\";r=0;t=42")
                .setHeader("RateLimit-Policy", "\"fixed window\";\"api\";q=500;w=300")
                .body("{\"error\":\"Too Many Requests\"}").build());
        Path file = folder.resolve("p.divergence");
        try (Project project = Project.create(file)) {
            run(project, CrawlRequest.named(Platform.HUGGINGFACE, RepoType.MODEL, List.of("acme/llama-mini"),
                    endpoint()), Optional.empty());
        }
        assertEquals(Duration.ofSeconds(43), clock.slept());
        assertEquals(List.of("5|2|2"), TableDump.rows(file, "SELECT pull_requests, merged_pull_requests, discussions"
                + " FROM repository"));
    }

    @Test
    void aTokenIsCheckedFirstAndAWrongOneStopsTheCrawlWithoutSayingIt() {
        hub.acceptToken("hf_right");
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            CrawlRequest request = CrawlRequest.named(Platform.HUGGINGFACE, RepoType.MODEL,
                    List.of("acme/gated-model"), endpoint());
            InvalidInputException error = assertThrows(InvalidInputException.class,
                    () -> run(project, request, ApiToken.of("hf_wrong_secret", "test")));
            assertTrue(error.getMessage().startsWith("Hugging Face refused the token (401 Unauthorized)"),
                    error.getMessage());
            assertTrue(!error.getMessage().contains("hf_wrong_secret"));

            run(project, request, ApiToken.of("hf_right", "test"));
        }
        // With the right token the gated model's commits are readable.
        assertEquals(List.of("1|1"), TableDump.rows(folder.resolve("p.divergence"),
                "SELECT contributors, commits FROM repository"));
    }
}
