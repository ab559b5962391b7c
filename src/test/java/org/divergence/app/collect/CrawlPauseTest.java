package org.divergence.app.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.divergence.core.collect.CrawlControl;
import org.divergence.core.collect.CrawlRequest;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.store.project.Project;
import org.divergence.testsupport.FakeClock;
import org.divergence.testsupport.FakeGitHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pausing holds the crawl before its next request, and resuming carries on where it stood. */
class CrawlPauseTest {

    @TempDir
    Path folder;

    @Test
    void aPausedCrawlSendsNothingUntilResumed() throws Exception {
        FakeGitHub github = FakeGitHub.standard();
        CrawlControl control = new CrawlControl();
        AtomicInteger count = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    if (count.incrementAndGet() == 3) {
                        control.pause();
                    }
                    return github.dispatch(request);
                }
            });
            server.start();
            github.setBase(server.url("/"));
            CountDownLatch paused = new CountDownLatch(1);
            AtomicInteger requestsWhenPaused = new AtomicInteger(-1);
            try (Project project = Project.create(folder.resolve("p.divergence"))) {
                RunCrawl runner = new RunCrawl(project, RunCrawl.Options.of(Optional.empty(), null)
                        .withClock(new FakeClock(), new Random(1)), control, snapshot -> {
                            if (snapshot.paused() && paused.getCount() > 0) {
                                requestsWhenPaused.set(count.get());
                                paused.countDown();
                            }
                        });
                CompletableFuture<RunCrawl.Outcome> crawl = CompletableFuture.supplyAsync(() -> runner.start(
                        CrawlRequest.named(Platform.GITHUB, RepoType.CODE, List.of("octo/alpha", "octo/beta"),
                                server.url("/").toString()), Progress.NONE));
                assertTrue(paused.await(20, TimeUnit.SECONDS), "the crawl reached its pause");
                assertEquals(3, requestsWhenPaused.get(), "the request in flight finished; no other was sent");
                assertEquals(3, count.get(), "nothing is sent while paused");
                control.resume();
                RunCrawl.Outcome outcome = crawl.get(20, TimeUnit.SECONDS);
                assertEquals(2, outcome.done());
                assertEquals(19, count.get());
            }
        }
    }
}
