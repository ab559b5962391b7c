package org.divergence.app.collect;

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
import org.divergence.core.collect.CallBudget;
import org.divergence.core.collect.CrawlControl;
import org.divergence.core.collect.CrawlRequest;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.store.project.Project;
import org.divergence.testsupport.FakeGitHub;

/**
 * The crawl benchmark (bench/crawl.sh; issue 21 part 3): a local fake of GitHub answering every request after
 * {@code LATENCY}, a stated generous budget of {@code LIMIT} calls per second, and a crawl at several concurrency
 * levels. Prints each level's throughput next to min(limit, concurrency / latency) and the most requests the SERVER
 * saw in any one-second window (it must never exceed the limit). Exits 1 when the limit was exceeded.
 */
public final class CrawlBenchmark {

    private static final Duration LATENCY = Duration.ofMillis(100);
    private static final int LIMIT = 50;
    private static final Duration WINDOW = Duration.ofSeconds(1);
    /** The budget's window keeps this slack (the app keeps 2 s on published windows): arrival times jitter. */
    private static final Duration SLACK = Duration.ofMillis(50);

    private CrawlBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repositories = args.length > 0 ? Integer.parseInt(args[0]) : 50;
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
        System.out.printf("crawl benchmark: %d repositories (%d calls each), latency %d ms per answer, limit %d calls"
                + " per %d ms (budget window %d ms)%n", repositories, 4, LATENCY.toMillis(), LIMIT, WINDOW.toMillis(),
                WINDOW.plus(SLACK).toMillis());
        System.out.printf("%11s %7s %9s %12s %12s %16s%n", "concurrency", "calls", "seconds", "calls/s",
                "expected", "max in any 1 s");
        try (MockWebServer server = new MockWebServer()) {
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
            for (int level : levels) {
                arrivals.clear();
                RunCrawl.Options options = RunCrawl.Options.of(Optional.empty(), null)
                        .withPace(new RunCrawl.Pace(level, new CallBudget(LIMIT, WINDOW.plus(SLACK))));
                long start = System.nanoTime();
                try (Project project = Project.create(folder.resolve("level-" + level + ".divergence"))) {
                    RunCrawl.Outcome outcome = new RunCrawl(project, options, new CrawlControl(), snapshot -> { })
                            .start(CrawlRequest.named(Platform.GITHUB, RepoType.CODE, names,
                                    server.url("/").toString()), Progress.NONE);
                    if (outcome.done() != repositories) {
                        throw new IllegalStateException("only " + outcome.done() + " stored at concurrency " + level);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                int calls = arrivals.size();
                int most = mostInAnyWindow(new ArrayList<>(arrivals), WINDOW.toNanos());
                exceeded |= most > LIMIT;
                double expected = Math.min((double) LIMIT / WINDOW.plus(SLACK).toMillis() * 1000,
                        level / (LATENCY.toMillis() / 1000.0));
                System.out.printf("%11d %7d %9.2f %12.1f %12.1f %16d%s%n", level, calls, seconds, calls / seconds,
                        expected, most, most > LIMIT ? "  LIMIT EXCEEDED" : "");
            }
        }
        System.out.println(exceeded ? "FAILED: the limit was exceeded" : "the limit was never exceeded");
        System.exit(exceeded ? 1 : 0);
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
