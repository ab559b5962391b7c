package org.divergence.app.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.divergence.core.collect.CallBudget;
import org.divergence.core.collect.CrawlControl;
import org.divergence.core.collect.CrawlRequest;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.store.project.Project;
import org.divergence.testsupport.FakeGitHub;
import org.divergence.testsupport.NoDelayServerSockets;

/**
 * The crawl benchmark (bench/crawl.sh; issue 21 part 3): a local fake of GitHub answering every request after
 * {@code LATENCY}, a stated generous budget of {@code LIMIT} calls per second, and a crawl at several concurrency
 * levels. Prints each level's throughput next to min(limit, concurrency / latency) and the most requests the SERVER
 * saw in any one-second window (it must never exceed the limit). Exits 1 when the limit was exceeded.
 *
 * <p>The budget counts a call until a window after its answer (docs/decisions/0116), so at the limit each call holds
 * its place for the window plus the latency: the ceiling is {@code LIMIT / (WINDOW + LATENCY)} calls a second. The
 * default of 64 repositories divides evenly among 1, 2, 4, 8 and 16 workers, so no level ends with a partial round
 * of repositories on fewer workers.
 */
public final class CrawlBenchmark {

    private static final Duration LATENCY = Duration.ofMillis(100);
    private static final int LIMIT = 50;
    private static final Duration WINDOW = Duration.ofSeconds(1);

    private CrawlBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repositories = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int[] levels = {1, 2, 4, 8, 16};
        List<FakeGitHub.Repo> repos = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < repositories; i++) {
            String name = "bench/repo-" + i;
            repos.add(new FakeGitHub.Repo(name, "2020-01-01T00:00:00Z", i, 1, List.of(3L, 2L), 2, 1, 1));
            names.add(name);
        }
        FakeGitHub github = new FakeGitHub(100, repos.toArray(FakeGitHub.Repo[]::new));
        ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
        Path folder = Files.createTempDirectory("bench-crawl");
        boolean exceeded = false;
        String gapAtOneWorker = "-";
        System.out.printf("crawl benchmark: %d repositories (%d calls each), latency %d ms per answer, limit %d calls"
                + " per %d ms (a call counts until %d ms after its answer)%n", repositories, 4, LATENCY.toMillis(), LIMIT,
                WINDOW.toMillis(), WINDOW.toMillis());
        try (MockWebServer server = new MockWebServer()) {
            // Answers leave after exactly LATENCY, not after the client's delayed ACK (see NoDelayServerSockets).
            server.setServerSocketFactory(new NoDelayServerSockets());
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    arrivals.add(System.nanoTime());
                    return github.dispatch(request).newBuilder()
                            .headersDelay(LATENCY.toMillis(), TimeUnit.MILLISECONDS).build();
                }
            });
            server.start();
            github.setBase(server.url("/"));
            // Not measured: the JIT's first compilations and the first connections.
            crawl(folder.resolve("warm-up.divergence"), 4, names.subList(0, Math.min(16, repositories)), server);
            // The reference: the best any client can do against this fake, one bare request after another.
            double bare = bareSecondsPerCall(server.url("/repos/" + names.getFirst()));
            System.out.printf("reference: a bare OkHttp loop gets an answer every %.1f ms; expected' = min(limit /"
                    + " (window + that), concurrency / that)%n", bare * 1000);
            System.out.printf("%11s %7s %9s %9s %9s %10s %15s%n", "concurrency", "calls", "seconds", "calls/s",
                    "expected", "expected'", "max in any 1 s");
            for (int level : levels) {
                arrivals.clear();
                double seconds = crawl(folder.resolve("level-" + level + ".divergence"), level, names, server);
                if (level == 1) {
                    gapAtOneWorker = medianGap(new ArrayList<>(arrivals));
                }
                int calls = arrivals.size();
                int most = mostInAnyWindow(new ArrayList<>(arrivals), WINDOW.toNanos());
                exceeded |= most > LIMIT;
                double expected = Math.min((double) LIMIT / WINDOW.plus(LATENCY).toMillis() * 1000,
                        level / (LATENCY.toMillis() / 1000.0));
                double measured = Math.min(LIMIT / (WINDOW.toMillis() / 1000.0 + bare), level / bare);
                System.out.printf("%11d %7d %9.2f %9.1f %9.1f %10.1f %15d%s%n", level, calls, seconds, calls / seconds,
                        expected, measured, most, most > LIMIT ? "  LIMIT EXCEEDED" : "");
            }
        }
        System.out.println("at 1 worker, the median time from one request's arrival to the next: " + gapAtOneWorker
                + " (the fake's answer, the client's work, the next request)");
        System.out.println(exceeded ? "FAILED: the limit was exceeded" : "the limit was never exceeded");
        System.exit(exceeded ? 1 : 0);
    }

    /** Crawls {@code names} at {@code level} workers into a new project; returns the seconds it took. */
    private static double crawl(Path file, int level, List<String> names, MockWebServer server) {
        RunCrawl.Options options = RunCrawl.Options.of(Optional.empty(), null)
                .withPace(new RunCrawl.Pace(level, new CallBudget(LIMIT, WINDOW)));
        long start = System.nanoTime();
        try (Project project = Project.create(file)) {
            RunCrawl.Outcome outcome = new RunCrawl(project, options, new CrawlControl(), snapshot -> { })
                    .start(CrawlRequest.named(Platform.GITHUB, RepoType.CODE, names, server.url("/").toString()),
                            Progress.NONE);
            if (outcome.done() != names.size()) {
                throw new IllegalStateException("only " + outcome.done() + " stored at concurrency " + level);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds per call of 40 plain GETs of {@code url} in a row (after 5 not counted). */
    private static double bareSecondsPerCall(HttpUrl url) throws IOException {
        OkHttpClient client = new OkHttpClient();
        long start = 0;
        for (int i = 0; i < 45; i++) {
            if (i == 5) {
                start = System.nanoTime();
            }
            try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
                response.body().bytes();
            }
        }
        return (System.nanoTime() - start) / 1e9 / 40;
    }

    private static String medianGap(List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            gaps.add(sorted.get(i) - sorted.get(i - 1));
        }
        gaps.sort(null);
        return gaps.isEmpty() ? "-" : String.format("%.1f ms", gaps.get(gaps.size() / 2) / 1e6);
    }

    /** The most arrivals in any half-open window of {@code window} nanoseconds (two pointers over sorted times). */
    static int mostInAnyWindow(List<Long> times, long window) {
        List<Long> sorted = times.stream().sorted().toList();
        int most = 0;
        int first = 0;
        for (int last = 0; last < sorted.size(); last++) {
            while (sorted.get(last) - sorted.get(first) >= window) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
