package org.divergence.app.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.divergence.core.collect.CallBudget;
import org.divergence.core.collect.CrawlControl;
import org.divergence.core.collect.CrawlProgress;
import org.divergence.core.collect.CrawlRequest;
import org.divergence.core.collect.CrawlState;
import org.divergence.core.collect.CrawlSummary;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.exchange.collect.MalformedResponseException;
import org.divergence.exchange.collect.RawResponseArchive;
import org.divergence.store.collect.Crawls;
import org.divergence.store.project.Project;
import org.divergence.testsupport.FakeClock;
import org.divergence.testsupport.FakeGitHub;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crawls against a local fake of GitHub's REST API: exact numbers, failures, interruptions and resumes. */
class GitHubCrawlTest {

    static final String COLUMNS = "full_name, created_at, contributors, commits, pull_requests, merged_pull_requests,"
            + " issues, discussions, stars, forks, downloads, likes, derivatives";

    @TempDir
    Path folder;

    private final MockWebServer server = new MockWebServer();
    private final FakeGitHub github = FakeGitHub.standard();
    private final FakeClock clock = new FakeClock();
    private final List<CrawlProgress> progress = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(github);
        server.start();
        github.setBase(server.url("/"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String api() {
        return server.url("/").toString();
    }

    private RunCrawl runner(Project project, CrawlControl control) {
        RunCrawl.Options options = RunCrawl.Options.of(Optional.empty(), folder.resolve("cache"))
                .withClock(clock, new Random(3));
        return new RunCrawl(project, options, control, progress::add);
    }

    private CrawlRequest named(String... names) {
        return CrawlRequest.named(Platform.GITHUB, RepoType.CODE, List.of(names), api());
    }

    @Test
    void collectsExactlyTheNumbersTheApiServes() {
        Path file = folder.resolve("p.divergence");
        try (Project project = Project.create(file)) {
            RunCrawl.Outcome outcome = runner(project, new CrawlControl())
                    .start(named("octo/alpha", "octo/empty", "octo/beta"), Progress.NONE);
            assertEquals(3, outcome.done());
            assertEquals(0, outcome.failed());
            assertEquals("crawl 1: 3 of 3 repositories stored (batch 1); this run stored 3 with "
                    + outcome.requestsNow() + " requests", outcome.summary());
        }
        assertEquals(List.of(
                "octo/alpha|2019-04-01T10:00:00Z|5|87|7|4|5|null|120|7|null|null|null",
                "octo/beta|2021-06-15T08:30:00Z|1|3|1|0|2|null|9|1|null|null|null",
                "octo/empty|2024-01-02T03:04:05Z|0|0|0|0|0|null|0|0|null|null|null"),
                TableDump.rows(file, "SELECT " + COLUMNS + " FROM repository ORDER BY full_name"));
        // alpha: 5 contributors over 3 pages, 7 PRs over 4, 12 issue items over 6; plus the repository itself.
        assertEquals(1 + 3 + 4 + 6, github.paths().stream().filter(path -> path.contains("/octo/alpha")).count());
        assertEquals(List.of("/repos/octo/empty", "/repos/octo/empty/contributors", "/repos/octo/empty/pulls",
                "/repos/octo/empty/issues"), github.paths().stream().filter(path -> path.contains("/octo/empty"))
                .toList());
        String extra = TableDump.rows(file, "SELECT extra FROM repository WHERE full_name = 'octo/alpha'").getFirst();
        assertTrue(extra.contains("\"language\":\"Go\"") && extra.contains("\"license\":\"MIT\""), extra);
        assertEquals(List.of("1|" + Crawls.BATCH_FORMAT + "|3|3|0|0"),
                TableDump.rows(file, "SELECT id, format, rows_read, added, updated, skipped FROM import_batch"));
        CrawlProgress last = progress.getLast();
        assertEquals(3, last.done());
        assertEquals(3, last.total());
        assertEquals(5000 - github.received().size(), last.rateLimit().remaining());
    }

    @Test
    void aSearchPlansTheFirstResultsAcrossPagesAndNeedsNoSecondLookAtEachRepository() {
        Path file = folder.resolve("p.divergence");
        try (Project project = Project.create(file)) {
            CrawlRequest request = CrawlRequest.listing(Platform.GITHUB, RepoType.CODE, "org:octo", null, "stars",
                    3, api());
            RunCrawl.Outcome outcome = runner(project, new CrawlControl()).start(request, Progress.NONE);
            assertEquals(3, outcome.total());
            assertEquals(List.of("octo/alpha", "octo/beta", "octo/empty"),
                    Crawls.items(project, outcome.crawlId()).stream().map(Crawls.ItemView::name).toList());
        }
        assertEquals(2, github.paths().stream().filter(path -> path.equals("/search/repositories")).count());
        assertFalse(github.paths().contains("/repos/octo/alpha"), "the search result is the repository object");
        String search = github.received().getFirst().getTarget();
        assertTrue(search.contains("q=org%3Aocto") && search.contains("sort=stars") && search.contains("order=desc"),
                search);
        assertEquals(List.of("octo/alpha|120|5", "octo/beta|9|1", "octo/empty|0|0"),
                TableDump.rows(file, "SELECT full_name, stars, contributors FROM repository ORDER BY full_name"));
        String extra = TableDump.rows(file, "SELECT extra FROM repository WHERE full_name = 'octo/beta'").getFirst();
        assertFalse(extra.contains("score"), "the search relevance is not a property of the repository: " + extra);
    }

    @Test
    void aRepositoryThatDoesNotExistFailsAloneAndTheOthersAreStored() {
        Path file = folder.resolve("p.divergence");
        try (Project project = Project.create(file)) {
            RunCrawl.Outcome outcome = runner(project, new CrawlControl())
                    .start(named("octo/alpha", "octo/missing", "octo/beta"), Progress.NONE);
            assertEquals(2, outcome.done());
            assertEquals(1, outcome.failed());
            assertEquals("octo/missing", outcome.failures().getFirst().name());
            assertTrue(outcome.failures().getFirst().message().startsWith(
                    "not found (it does not exist, or is private): GET"), outcome.failures().getFirst().message());
            assertEquals(CrawlState.FINISHED, Crawls.find(project, outcome.crawlId()).state());
        }
        assertEquals(List.of("2|2|0|1"), TableDump.rows(file, "SELECT rows_read, added, updated, skipped FROM"
                + " import_batch"));
    }

    @Test
    void survivesRateLimitsAndServerErrorsMidCrawl() {
        github.failOnce("/repos/octo/alpha/pulls?per_page=100&state=all&page_token=pt2",
                new MockResponse.Builder().code(403).setHeader("x-ratelimit-remaining", "0")
                        .setHeader("x-ratelimit-reset", String.valueOf(clock.epochSecondsIn(4)))
                        .body("{\"message\":\"API rate limit exceeded\"}").build());
        github.failOnce("/repos/octo/beta/issues", new MockResponse.Builder().code(502).body("bad gateway").build());
        github.failOnce("/repos/octo/beta/contributors", new MockResponse.Builder().code(429)
                .setHeader("retry-after", "2").build());
        Path file = folder.resolve("p.divergence");
        try (Project project = Project.create(file)) {
            runner(project, new CrawlControl()).start(named("octo/alpha", "octo/beta"), Progress.NONE);
        }
        assertEquals(List.of("octo/alpha|5|87|7|4|5", "octo/beta|1|3|1|0|2"), TableDump.rows(file,
                "SELECT full_name, contributors, commits, pull_requests, merged_pull_requests, issues FROM repository"
                        + " ORDER BY full_name"));
        assertTrue(clock.slept().compareTo(java.time.Duration.ofSeconds(5 + 2)) >= 0, clock.slept().toString());
        assertTrue(progress.stream().anyMatch(snapshot -> snapshot.waiting()
                && snapshot.describe().contains("waiting 0:05 (GitHub's rate limit is used up until it resets)")),
                "the wait is shown as a countdown");
    }

    @Test
    void malformedJsonStopsTheCrawlWithAClearErrorAndAResumeFinishesIt() {
        github.failOnce("/repos/octo/empty/pulls", new MockResponse.Builder()
                .setHeader("Content-Type", "application/json").body("[{\"number\":1,").build());
        Path file = folder.resolve("p.divergence");
        try (Project project = Project.create(file)) {
            RunCrawl runner = runner(project, new CrawlControl());
            MalformedResponseException error = assertThrows(MalformedResponseException.class,
                    () -> runner.start(named("octo/alpha", "octo/empty", "octo/beta"), Progress.NONE));
            assertTrue(error.getMessage().startsWith("GET " + api() + "repos/octo/empty/pulls?per_page=100&state=all:"
                    + " the answer is not valid JSON"), error.getMessage());
            CrawlSummary stopped = Crawls.find(project, 1);
            assertEquals(CrawlState.RUNNING, stopped.state());
            assertEquals(1, stopped.done());
            assertEquals(error.getMessage(), stopped.lastError());
            assertEquals(List.of("octo/alpha"), TableDump.rows(file, "SELECT full_name FROM repository"));

            RunCrawl.Outcome resumed = runner(project, new CrawlControl()).run(1, Progress.NONE);
            assertEquals(3, resumed.done());
            assertEquals(2, resumed.storedNow());
            assertNull(Crawls.find(project, 1).lastError());
            assertEquals(CrawlState.FINISHED, Crawls.find(project, 1).state());
        }
        assertEquals(uninterrupted(), TableDump.repositories(file));
        assertEquals(List.of("1|3|3|0|0"), TableDump.rows(file, "SELECT id, rows_read, added, updated, skipped FROM"
                + " import_batch"));
    }

    @Test
    void anInterruptedCrawlResumesToTheSameRowsAsAnUninterruptedOne() {
        Path file = folder.resolve("p.divergence");
        try (Project project = Project.create(file)) {
            CrawlControl control = new CrawlControl();
            AtomicInteger stored = new AtomicInteger();
            RunCrawl runner = new RunCrawl(project, RunCrawl.Options.of(Optional.empty(), null)
                    .withClock(clock, new Random(3)), control, snapshot -> {
                        // Ctrl-C while the second repository's lists are being read.
                        if (snapshot.done() == 1 && snapshot.requests() > 16 && stored.getAndIncrement() == 0) {
                            control.cancel();
                        }
                    });
            assertThrows(CancelledException.class,
                    () -> runner.start(named("octo/alpha", "octo/empty", "octo/beta"), Progress.NONE));
            assertEquals(List.of("octo/alpha"), TableDump.rows(file, "SELECT full_name FROM repository"));
            assertTrue(Crawls.find(project, 1).lastError().startsWith("cancelled after 1 of 3 repositories"));
            assertEquals(1, Crawls.latestUnfinished(project, Platform.GITHUB).orElseThrow().id());

            runner(project, new CrawlControl()).run(1, Progress.NONE);
            assertTrue(Crawls.latestUnfinished(project, null).isEmpty());
        }
        assertEquals(uninterrupted(), TableDump.repositories(file));
    }

    @Test
    void keepsRawResponsesForAuditWhenAsked() throws Exception {
        Path raw = folder.resolve("raw");
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            RunCrawl.Options options = RunCrawl.Options.of(Optional.empty(), null).withClock(clock,
                    new Random(3)).withRaw(raw);
            new RunCrawl(project, options, new CrawlControl(), snapshot -> { })
                    .start(named("octo/beta"), Progress.NONE);
        }
        List<String> index = Files.readAllLines(raw.resolve(RawResponseArchive.INDEX));
        // The repository, its contributors, its pull requests, and its issues over two pages.
        assertEquals(5, index.size());
        assertTrue(index.getFirst().contains("\"url\":\"" + api() + "repos/octo/beta\""), index.getFirst());
        assertTrue(index.getFirst().contains("\"x-ratelimit-remaining\""), index.getFirst());
        assertTrue(Files.readString(raw.resolve("000001-repos_octo_beta.json")).contains("\"full_name\":\"octo/beta\""));
    }

    @Test
    void aSecondRunRevalidatesFromTheCacheAndUpdatesTheRows() {
        Path file = folder.resolve("p.divergence");
        try (Project project = Project.create(file)) {
            runner(project, new CrawlControl()).start(named("octo/beta"), Progress.NONE);
            RunCrawl.Outcome again = runner(project, new CrawlControl()).start(named("octo/beta"), Progress.NONE);
            assertEquals(5, again.requestsNow());
            assertEquals(5, again.cacheHitsNow());
            assertTrue(again.summary().endsWith("(5 unchanged since the cached copy)"), again.summary());
        }
        assertEquals(List.of("2|1|0|1|0"), TableDump.rows(file, "SELECT id, rows_read, added, updated, skipped FROM"
                + " import_batch WHERE id = 2"));
    }

    /** The rows of the same crawl run once without interruption, in a fresh project. */
    private List<String> uninterrupted() {
        Path reference = folder.resolve("reference.divergence");
        try (Project project = Project.create(reference)) {
            runner(project, new CrawlControl()).start(named("octo/alpha", "octo/empty", "octo/beta"), Progress.NONE);
        }
        return TableDump.repositories(reference);
    }

    @Test
    void workersCollectAtOnceAndStoreTheSameRowsAsOneByOne() throws Exception {
        // The first repository's answer is held until a second worker asks: only parallel workers get past it.
        CountDownLatch twoAsking = new CountDownLatch(2);
        AtomicInteger asking = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getUrl().pathSegments().size() == 3 && asking.incrementAndGet() <= 2) {
                    twoAsking.countDown();
                    twoAsking.await(20, TimeUnit.SECONDS);
                }
                return github.dispatch(request);
            }
        });
        Path serial = folder.resolve("serial.divergence");
        Path parallel = folder.resolve("parallel.divergence");
        try (Project project = Project.create(parallel)) {
            RunCrawl.Options options = RunCrawl.Options.of(Optional.empty(), null)
                    .withPace(new RunCrawl.Pace(3, new CallBudget(1_000, Duration.ofSeconds(1))));
            RunCrawl.Outcome outcome = new RunCrawl(project, options, new CrawlControl(), progress::add)
                    .start(named("octo/alpha", "octo/empty", "octo/beta"), Progress.NONE);
            assertEquals(3, outcome.done());
        }
        assertEquals(0, twoAsking.getCount(), "two repositories were asked for at once");
        String pace = progress.getLast().describe();
        assertTrue(pace.contains("calls/s · ETA 0:00 · ") && pace.contains(" of 1,000 calls left in the 1-s window"),
                pace);
        try (Project project = Project.create(serial)) {
            runner(project, new CrawlControl()).start(named("octo/alpha", "octo/empty", "octo/beta"), Progress.NONE);
        }
        String query = "SELECT " + COLUMNS + " FROM repository ORDER BY full_name";
        assertEquals(TableDump.rows(serial, query), TableDump.rows(parallel, query));
    }
}
