package org.divergence.app.collect;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;
import org.divergence.core.collect.ApiClock;
import org.divergence.core.collect.CallBudget;
import org.divergence.core.collect.CrawlControl;
import org.divergence.core.collect.CrawlPace;
import org.divergence.core.collect.CrawlProgress;
import org.divergence.core.collect.CrawlRequest;
import org.divergence.core.collect.CrawlState;
import org.divergence.core.collect.CrawlSummary;
import org.divergence.core.collect.RateLimitState;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.NetworkException;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepositoryRef;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.core.repositories.RowProblem;
import org.divergence.exchange.collect.ApiClient;
import org.divergence.exchange.collect.ApiEndpoint;
import org.divergence.exchange.collect.ApiPlatform;
import org.divergence.exchange.collect.ApiStatusException;
import org.divergence.exchange.collect.ApiToken;
import org.divergence.exchange.collect.GitHubCollector;
import org.divergence.exchange.collect.HuggingFaceCollector;
import org.divergence.exchange.collect.PlannedItem;
import org.divergence.exchange.collect.PlatformCollector;
import org.divergence.exchange.collect.RepositoryRenamedException;
import org.divergence.store.collect.Crawls;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.CollectedRepositories;
import org.divergence.store.tags.TagRules;

/**
 * Runs a crawl: plans it (the listing, when it has one), then collects each planned repository and stores its row
 * together with the crawl's "done" mark in ONE transaction. Stopping at any point (cancel, crash, lost network,
 * malformed answer) leaves every finished repository stored, none half stored, and the crawl resumable.
 */
public final class RunCrawl {

    private static final Logger LOG = Logger.getLogger(RunCrawl.class.getName());

    /**
     * How to reach the API and what to keep.
     *
     * @param cacheFolder the HTTP cache (null: none); {@code rawFolder} keeps raw answers for audit (null: not kept)
     * @param retryFailed also try again the repositories that failed (not found, refused) last time
     * @param pace        how many workers, and the calls they may make together
     */
    public record Options(Optional<ApiToken> token, Path cacheFolder, Path rawFolder, ApiClient.Settings settings,
                          ApiClock clock, RandomGenerator random, boolean retryFailed, Pace pace) {

        public static Options of(Optional<ApiToken> token, Path cacheFolder) {
            return new Options(token, cacheFolder, null, ApiClient.Settings.DEFAULT, ApiClock.SYSTEM,
                    new java.util.Random(), false, Pace.PUBLISHED);
        }

        public Options withRaw(Path folder) {
            return new Options(token, cacheFolder, folder, settings, clock, random, retryFailed, pace);
        }

        public Options withSettings(ApiClient.Settings value) {
            return new Options(token, cacheFolder, rawFolder, value, clock, random, retryFailed, pace);
        }

        public Options withClock(ApiClock value, RandomGenerator randomness) {
            return new Options(token, cacheFolder, rawFolder, settings, value, randomness, retryFailed, pace);
        }

        public Options retryingFailed(boolean value) {
            return new Options(token, cacheFolder, rawFolder, settings, clock, random, value, pace);
        }

        public Options withPace(Pace value) {
            return new Options(token, cacheFolder, rawFolder, settings, clock, random, retryFailed, value);
        }
    }

    /**
     * Workers and their shared budget.
     *
     * @param concurrency repositories collected at once (0: the platform's default, {@link
     *                    ApiPlatform#defaultConcurrency()})
     * @param budget      the calls allowed (null: the platform's published rate)
     */
    public record Pace(int concurrency, CallBudget budget) {
        public static final Pace PUBLISHED = new Pace(0, null);
        /** More workers than this gain nothing under any published rate and only hold connections open. */
        public static final int MAX_CONCURRENCY = 32;

        public Pace {
            if (concurrency < 0 || concurrency > MAX_CONCURRENCY) {
                throw new InvalidInputException("--concurrency must be between 1 and " + MAX_CONCURRENCY + ", not "
                        + concurrency);
            }
        }
    }

    /** How a run ended: counts over the whole crawl, and what this run itself did. */
    public record Outcome(long crawlId, Long batchId, int total, int done, int failed, int storedNow, long requestsNow,
                          long cacheHitsNow, List<Crawls.ItemView> failures) {

        public String summary() {
            StringBuilder text = new StringBuilder();
            text.append("crawl ").append(crawlId).append(": ").append(done).append(" of ").append(total)
                    .append(total == 1 ? " repository" : " repositories").append(" stored");
            if (batchId != null) {
                text.append(" (batch ").append(batchId).append(')');
            }
            if (failed > 0) {
                text.append(", ").append(failed).append(" could not be collected");
            }
            text.append("; this run stored ").append(storedNow).append(" with ").append(requestsNow)
                    .append(requestsNow == 1 ? " request" : " requests");
            if (cacheHitsNow > 0) {
                text.append(" (").append(cacheHitsNow).append(" unchanged since the cached copy)");
            }
            return text.toString();
        }

        /** This outcome with an earlier run's work of the same crawl added to "this run" (e.g. before replacements). */
        public Outcome after(Outcome earlier) {
            return new Outcome(crawlId, batchId, total, done, failed, storedNow + earlier.storedNow,
                    requestsNow + earlier.requestsNow, cacheHitsNow + earlier.cacheHitsNow, failures);
        }
    }

    private final Project project;
    private final Options options;
    private final CrawlControl control;
    private final Consumer<CrawlProgress> listener;

    private long crawlId;
    private int total = -1;
    private int done;
    private int failed;
    private long requests;
    private long cacheHits;
    private RateLimitState rateLimit;
    private Instant waitingUntil;
    private String waitReason;
    private String current = "";
    private boolean paused;
    private CallBudget budget;
    private Progress runProgress = Progress.NONE;
    private Instant runStarted;
    private long requestsAtStart;
    private int finishedAtStart;

    public RunCrawl(Project project, Options options, CrawlControl control, Consumer<CrawlProgress> listener) {
        this.project = project;
        this.options = options;
        this.control = control;
        this.listener = listener;
    }

    /** Records a new crawl (its plan, when the repositories are named) and returns its id; nothing is requested. */
    public long create(CrawlRequest request) {
        ApiEndpoint.parse(request.apiUrl());
        return project.write(EnumSet.of(DataArea.CRAWLS, DataArea.BATCHES),
                connection -> Crawls.create(connection, request, options.clock().now()));
    }

    /** Plans and runs a new crawl. */
    public Outcome start(CrawlRequest request, Progress progress) {
        return run(create(request), progress);
    }

    /** Runs (or resumes) a crawl until every planned repository is collected or has failed for good. */
    public Outcome run(long id, Progress progress) {
        this.crawlId = id;
        CrawlSummary crawl = Crawls.find(project, id);
        CrawlRequest request = crawl.request();
        HttpUrl base = ApiEndpoint.parse(request.apiUrl());
        ApiPlatform platform = ApiPlatform.of(request.platform());
        total = crawl.state() == CrawlState.PLANNING ? -1 : crawl.total();
        done = crawl.done();
        failed = crawl.failed();
        runProgress = progress;
        emit(progress);
        if (budget == null) {
            budget = options.pace().budget() != null ? options.pace().budget()
                    : platform.publishedBudget(options.token().isPresent());
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Progress workerProgress = stoppable(progress, stopping);
        ApiClient client = new ApiClient(platform, base, options.token(), options.settings(), options.cacheFolder(),
                options.rawFolder(), options.clock(), options.random(), budget, control, workerProgress,
                traffic(progress));
        // A drawn list's unit is the repository it names: a renamed one is a non-respondent there.
        boolean refusesRenamed = project.read(connection -> Crawls.fromIdList(connection, id));
        PlatformCollector collector = request.platform() == Platform.GITHUB
                ? new GitHubCollector(client, refusesRenamed)
                : new HuggingFaceCollector(client, request.type(), refusesRenamed);
        int storedNow = 0;
        try {
            checkToken(client);
            if (crawl.state() == CrawlState.PLANNING) {
                current = "listing " + request.describe();
                emit(progress);
                List<PlannedItem> planned = collector.list(request);
                project.write(EnumSet.of(DataArea.CRAWLS), connection -> {
                    Crawls.addItems(connection, id, planned.stream()
                            .map(item -> new Crawls.NewItem(item.name(), item.listingJson())).toList(),
                            options.clock().now());
                    Crawls.progress(connection, id, crawl.requests() + client.requests(), null, options.clock().now());
                    return null;
                });
                total = Crawls.find(project, id).total();
            }
            List<Crawls.Item> pending = project.read(connection -> Crawls.pending(connection, id,
                    options.retryFailed()));
            if (options.retryFailed()) {
                failed = 0;
            }
            startPace(client);
            int workers = Math.min(concurrency(platform), pending.size());
            Worker worker = new Worker(collector, client, request, workerProgress, stopping);
            if (workers > 0) {
                storedNow += collect(pending, worker, workers, client, crawl.requests());
            }
            project.write(EnumSet.of(DataArea.CRAWLS), connection -> {
                Crawls.progress(connection, id, crawl.requests() + client.requests(), null, options.clock().now());
                Crawls.setState(connection, id, CrawlState.FINISHED, options.clock().now());
                return null;
            });
            current = "finished";
            emit(progress);
        } catch (CancelledException e) {
            stopped(client, crawl.requests(), "cancelled after " + done + " of " + describeTotal());
            throw e;
        } catch (NetworkException | InvalidInputException e) {
            stopped(client, crawl.requests(), e.getMessage());
            throw e;
        }
        CrawlSummary after = Crawls.find(project, id);
        List<Crawls.ItemView> failures = Crawls.items(project, id).stream()
                .filter(item -> item.state().equals("failed")).toList();
        return new Outcome(id, after.batchId(), after.total(), after.done(), after.failed(), storedNow,
                client.requests(), client.cacheHits(), failures);
    }

    private int concurrency(ApiPlatform platform) {
        return options.pace().concurrency() > 0 ? options.pace().concurrency() : platform.defaultConcurrency();
    }

    /** What a worker made of one repository: its row, or why it could not be collected. */
    private record Attempt(Crawls.Item item, RepositoryRow row, String failure) {
    }

    /** Collects one repository; safe to run on several threads at once (the collector and client are). */
    private final class Worker {
        private final PlatformCollector collector;
        private final ApiClient client;
        private final CrawlRequest request;
        private final Progress progress;
        private final AtomicBoolean stopping;

        Worker(PlatformCollector collector, ApiClient client, CrawlRequest request, Progress progress,
               AtomicBoolean stopping) {
            this.collector = collector;
            this.client = client;
            this.request = request;
            this.progress = progress;
            this.stopping = stopping;
        }

        /** The other workers stop at their next request (as if cancelled); nothing they had is stored. */
        void stop() {
            stopping.set(true);
        }

        Attempt attempt(Crawls.Item item) {
            control.checkpoint(progress, () -> setPaused(true, progress));
            setPaused(false, progress);
            current("reading " + item.name());
            try {
                RepositoryRow row = collector.collect(item.name(),
                        PlannedItem.fromStored(item.name(), item.listingJson()).listing());
                return new Attempt(item, row, null);
            } catch (RepositoryRenamedException e) {
                return new Attempt(item, null, "renamed to " + RepositoryRef.of(e.answered()));
            } catch (ApiStatusException e) {
                if (e.status() == 401 && client.hasToken() && request.platform() == Platform.GITHUB) {
                    throw refusedToken(client.platform());
                }
                return new Attempt(item, null, describeFailure(e));
            } catch (RowProblem e) {
                return new Attempt(item, null, "the API's answer does not fit the canonical columns: "
                        + e.getMessage());
            }
        }
    }

    /**
     * {@code workers} threads fetch (one of them at one worker: requests stay serial); this thread stores what they
     * collected as it comes, so the workers never wait for a write: everything that is ready goes into ONE
     * transaction, each repository's row together with its "done" mark, so a slow disk costs one commit per group
     * rather than per repository (docs/decisions/0116). The first error stops the workers at their next request,
     * and a cancel stops the storing too; what was not stored stays pending for a resume.
     */
    private int collect(List<Crawls.Item> pending, Worker worker, int workers, ApiClient client,
                        long requestsBefore) {
        ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon()
                .name("crawl-" + crawlId + "-worker-", 1).factory());
        CompletionService<Attempt> results = new ExecutorCompletionService<>(pool);
        pending.forEach(item -> results.submit(() -> worker.attempt(item)));
        int stored = 0;
        try {
            int left = pending.size();
            while (left > 0) {
                List<Attempt> ready = new ArrayList<>();
                RuntimeException failure = null;
                Future<Attempt> next = take(results);
                while (next != null) {
                    left--;
                    try {
                        ready.add(result(next));
                    } catch (RuntimeException e) {
                        failure = e;
                        break;
                    }
                    next = left > 0 ? results.poll() : null;
                }
                if (control.isCancelled() || runProgress.isCancelled()) {
                    throw new CancelledException();
                }
                if (!ready.isEmpty()) {
                    stored += record(ready, client, requestsBefore);
                }
                if (failure != null) {
                    throw failure;
                }
            }
            return stored;
        } finally {
            worker.stop();
            pool.shutdownNow();
            awaitWorkers(pool);
        }
    }

    private static Future<Attempt> take(CompletionService<Attempt> results) {
        try {
            return results.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    private static Attempt result(Future<Attempt> done) {
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException problem) {
                throw problem;
            }
            throw new IllegalStateException("a crawl worker failed", e.getCause());
        }
    }

    /** Stores the collected rows and marks the failures of {@code attempts}, in one transaction; returns how many were stored. */
    private int record(List<Attempt> attempts, ApiClient client, long requestsBefore) {
        for (Attempt attempt : attempts) {
            if (attempt.failure() != null) {
                LOG.info("Crawl " + crawlId + ": " + attempt.item().name() + " " + attempt.failure());
            }
        }
        int stored = project.write(EnumSet.of(DataArea.REPOSITORIES, DataArea.BATCHES, DataArea.CRAWLS),
                connection -> {
                    Instant now = options.clock().now();
                    long batchId = Crawls.batch(connection, crawlId);
                    int rows = 0;
                    for (Attempt attempt : attempts) {
                        if (attempt.failure() != null) {
                            Crawls.markFailed(connection, crawlId, attempt.item().position(), attempt.failure(), now);
                            continue;
                        }
                        RepositoryRow row = attempt.row();
                        boolean added = CollectedRepositories.store(connection, batchId, row);
                        TagRules.applyToRepository(connection, RepositoryRef.of(row));
                        Crawls.markDone(connection, crawlId, attempt.item().position(), row.fullName(), added, now);
                        rows++;
                    }
                    Crawls.updateBatchCounts(connection, crawlId, batchId);
                    Crawls.progress(connection, crawlId, requestsBefore + client.requests(), null, now);
                    return rows;
                });
        synchronized (this) {
            done += stored;
            failed += attempts.size() - stored;
        }
        emit(runProgress);
        return stored;
    }

    private static void awaitWorkers(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
                LOG.warning("Crawl workers still busy two minutes after the crawl stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The crawl's progress, reporting cancelled also once {@code stopping} is set (a worker failed). */
    private static Progress stoppable(Progress progress, AtomicBoolean stopping) {
        return new Progress() {
            @Override
            public void update(long doneCount, long totalCount, String message) {
                progress.update(doneCount, totalCount, message);
            }

            @Override
            public boolean isCancelled() {
                return stopping.get() || progress.isCancelled();
            }
        };
    }

    /** A Hugging Face token is checked first: its 401s are otherwise indistinguishable from private repositories. */
    private void checkToken(ApiClient client) {
        if (!client.hasToken() || client.platform() != ApiPlatform.HUGGING_FACE) {
            return;
        }
        try {
            client.get(client.url("api", "whoami-v2").build());
        } catch (ApiStatusException e) {
            if (e.status() == 401) {
                throw refusedToken(client.platform());
            }
            throw e;
        }
    }

    private static InvalidInputException refusedToken(ApiPlatform platform) {
        return new InvalidInputException(platform.displayName() + " refused the token (401 Unauthorized): it is"
                + " wrong, expired or revoked. Check " + platform.tokenVariable() + " (or the token saved in the"
                + " settings folder), or collect without a token.");
    }

    private static String describeFailure(ApiStatusException e) {
        String reason = switch (e.status()) {
            case 404 -> "not found (it does not exist, or is private)";
            case 401 -> "not found, private or gated (401)";
            case 403 -> "access refused (403)";
            case 410 -> "gone (410)";
            case 451 -> "unavailable for legal reasons (451)";
            default -> "answered " + e.status();
        };
        return reason + ": " + e.getMessage();
    }

    /** Records why the crawl stopped; the repositories already stored stay, the rest wait for a resume. */
    private void stopped(ApiClient client, long requestsBefore, String reason) {
        try {
            project.write(EnumSet.of(DataArea.CRAWLS), connection -> {
                Crawls.progress(connection, crawlId, requestsBefore + client.requests(), reason,
                        options.clock().now());
                return null;
            });
        } catch (RuntimeException e) {
            e.addSuppressed(new IllegalStateException("could not record why crawl " + crawlId + " stopped"));
            LOG.warning("Could not record why crawl " + crawlId + " stopped: " + e.getMessage());
        }
    }

    private String describeTotal() {
        return total < 0 ? "an unplanned crawl" : total + (total == 1 ? " repository" : " repositories");
    }

    private ApiClient.Listener traffic(Progress progress) {
        return new ApiClient.Listener() {
            @Override
            public void requested(long count, long hits) {
                synchronized (RunCrawl.this) {
                    // Workers report concurrently: a late report of an earlier count is not a step back.
                    requests = Math.max(requests, count);
                    cacheHits = Math.max(cacheHits, hits);
                    emit(progress);
                }
            }

            @Override
            public void rateLimit(RateLimitState state) {
                synchronized (RunCrawl.this) {
                    rateLimit = state;
                }
            }

            @Override
            public void waiting(Instant until, String reason, Instant now) {
                synchronized (RunCrawl.this) {
                    waitingUntil = until;
                    waitReason = reason;
                    emit(progress);
                }
            }

            @Override
            public void paused(boolean value) {
                setPaused(value, progress);
            }
        };
    }

    private synchronized void setPaused(boolean value, Progress progress) {
        if (paused != value) {
            paused = value;
            emit(progress);
        }
    }

    private synchronized void current(String text) {
        current = text;
        emit(runProgress);
    }

    /** The pace is measured from here: this run's calls and finished repositories. */
    private synchronized void startPace(ApiClient client) {
        runStarted = options.clock().now();
        requestsAtStart = client.requests();
        finishedAtStart = done + failed;
    }

    private synchronized void emit(Progress progress) {
        Instant now = options.clock().now();
        CrawlPace pace = runStarted == null || budget == null ? null : CrawlPace.of(runStarted, now,
                requests - requestsAtStart, done + failed - finishedAtStart, total < 0 ? -1 : total - done - failed,
                budget);
        CrawlProgress snapshot = new CrawlProgress(crawlId, done, failed, total, requests, cacheHits, rateLimit,
                waitingUntil, waitReason, current, paused, now, pace);
        listener.accept(snapshot);
        progress.update(done + failed, total, snapshot.describe());
    }
}
