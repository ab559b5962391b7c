package org.divergence.cli.collect;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.divergence.app.collect.CollectIdList;
import org.divergence.app.collect.RunCrawl;
import org.divergence.cli.common.ExitCodes;
import org.divergence.core.AppInfo;
import org.divergence.core.collect.CrawlControl;
import org.divergence.core.collect.CrawlRequest;
import org.divergence.core.collect.CrawlSummary;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.NetworkException;
import org.divergence.core.common.Progress;
import org.divergence.core.sampling.DrawnList;
import org.divergence.exchange.collect.ApiClient;
import org.divergence.exchange.collect.ApiEndpoint;
import org.divergence.exchange.collect.ApiPlatform;
import org.divergence.exchange.collect.TokenStore;
import org.divergence.store.collect.Crawls;
import org.divergence.store.project.Project;
import org.divergence.store.settings.AppDirectories;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one crawl from the command line: opens the project, finds the token, shows progress on standard error, and
 * on Ctrl-C stops at a safe point (the repository being read is not stored) and says how to resume.
 */
final class CrawlSession {

    /** The exit code of a crawl stopped by Ctrl-C, as a shell reports SIGINT. */
    private static final int INTERRUPTED = 130;

    private final CommandSpec spec;
    private final Path projectFile;
    private final CrawlOptions options;
    private final AppDirectories directories = AppDirectories.forCurrentUser();

    CrawlSession(CommandSpec spec, Path projectFile, CrawlOptions options) {
        this.spec = spec;
        this.projectFile = projectFile;
        this.options = options;
    }

    int start(CrawlRequest request) {
        options.check();
        ApiEndpoint.parse(request.apiUrl());
        try (Project project = Project.openOrCreate(projectFile)) {
            ApiPlatform platform = ApiPlatform.of(request.platform());
            RunCrawl runner = runner(project, platform, request.apiUrl(), false);
            long crawlId = runner.create(request);
            return run(project, runner, crawlId);
        }
    }

    /** Collects a drawn id list: one crawl per type, non-respondents replaced from the reserve (CollectIdList). */
    int startList(DrawnList list, List<CrawlRequest> requests) {
        options.check();
        CrawlRequest first = requests.getFirst();
        ApiEndpoint.parse(first.apiUrl());
        try (Project project = Project.openOrCreate(projectFile)) {
            RunCrawl runner = runner(project, ApiPlatform.of(first.platform()), first.apiUrl(), false);
            CollectIdList.Outcome outcome = guarded(project, null,
                    () -> CollectIdList.run(project, runner, list, requests, Progress.NONE));
            if (outcome == null) {
                return INTERRUPTED;
            }
            outcome.report().forEach(spec.commandLine().getOut()::println);
            return ExitCodes.OK;
        }
    }

    int resume(Long crawlId, boolean retryFailed) {
        options.check();
        try (Project project = Project.open(projectFile)) {
            CrawlSummary crawl = crawlId != null ? Crawls.find(project, crawlId)
                    : Crawls.latestUnfinished(project, null).orElseThrow(() -> new InvalidInputException(
                            projectFile.getFileName() + ": no unfinished crawl to resume (see 'collect status')"));
            if (!crawl.resumable() && !(retryFailed && crawl.failed() > 0)) {
                spec.commandLine().getOut().println("crawl " + crawl.id() + " has finished: " + crawl.done() + " of "
                        + crawl.total() + " repositories stored" + (crawl.failed() > 0 ? ", " + crawl.failed()
                        + " could not be collected (try them again with --retry-failed)" : ""));
                return ExitCodes.OK;
            }
            CrawlRequest request = crawl.request();
            RunCrawl runner = runner(project, ApiPlatform.of(request.platform()), request.apiUrl(), retryFailed);
            return run(project, runner, crawl.id());
        }
    }

    private RunCrawl.Options runnerOptions(ApiPlatform platform, String apiUrl, boolean retryFailed) {
        TokenStore.Resolved token = new TokenStore(directories.config()).resolve(platform, apiUrl,
                options.tokenVariable, System.getenv());
        PrintWriter err = spec.commandLine().getErr();
        if (token.token().isPresent()) {
            err.println("Collecting from " + platform.displayName() + " (" + apiUrl + ") with " + token.describe()
                    + ".");
        } else {
            err.println("Collecting from " + platform.displayName() + " (" + apiUrl + ") without a token"
                    + (platform == ApiPlatform.GITHUB ? ": GitHub allows 60 requests an hour; set GITHUB_TOKEN for"
                    + " 5,000." : "; set HF_TOKEN for higher limits and gated repositories."));
        }
        return RunCrawl.Options.of(token.token(), directories.cache().resolve("http"))
                .withRaw(options.rawFolder)
                .withSettings(ApiClient.Settings.DEFAULT.withRetries(options.retries))
                .withPace(new RunCrawl.Pace(options.concurrency == null ? 0 : options.concurrency, null))
                .retryingFailed(retryFailed);
    }

    private final CrawlControl control = new CrawlControl();
    private CrawlConsole console;

    private RunCrawl runner(Project project, ApiPlatform platform, String apiUrl, boolean retryFailed) {
        console = new CrawlConsole(spec.commandLine().getErr(), System.console() != null);
        return new RunCrawl(project, runnerOptions(platform, apiUrl, retryFailed), control, console);
    }

    private int run(Project project, RunCrawl runner, long crawlId) {
        RunCrawl.Outcome outcome = guarded(project, crawlId, () -> runner.run(crawlId, Progress.NONE));
        if (outcome == null) {
            return INTERRUPTED;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(outcome.summary());
        for (Crawls.ItemView failure : outcome.failures()) {
            out.println("could not collect " + failure.name() + ": " + failure.message());
        }
        return ExitCodes.OK;
    }

    /** The interrupted crawl: the one named, else the newest unfinished one. */
    private long interrupted(Project project, Long crawlId) {
        return crawlId != null ? crawlId : Crawls.latestUnfinished(project, null).map(CrawlSummary::id).orElse(0L);
    }

    /** Runs the work with Ctrl-C stopping it at a safe point; null when it was interrupted (said on stderr). */
    private <T> T guarded(Project project, Long crawlIdOrNull, Supplier<T> work) {
        // Ctrl-C: stop at the next safe point, so the stopped crawl records why and says so, then let the JVM exit.
        StopOnInterrupt interrupt = new StopOnInterrupt(control::cancel);
        try {
            T result = work.get();
            console.finish();
            return result;
        } catch (CancelledException e) {
            console.finish();
            long crawlId = interrupted(project, crawlIdOrNull);
            spec.commandLine().getErr().println(AppInfo.ID + ": interrupted; " + stored(project, crawlId)
                    + resumeHint(crawlId));
            return null;
        } catch (NetworkException e) {
            console.finish();
            long crawlId = interrupted(project, crawlIdOrNull);
            throw new NetworkException(e.getMessage() + "\n" + stored(project, crawlId) + resumeHint(crawlId), e);
        } catch (InvalidInputException e) {
            console.finish();
            long crawlId = interrupted(project, crawlIdOrNull);
            throw new InvalidInputException(e.getMessage() + "\n" + stored(project, crawlId) + resumeHint(crawlId), e);
        } finally {
            interrupt.close();
        }
    }

    private static String stored(Project project, long crawlId) {
        CrawlSummary crawl = Crawls.find(project, crawlId);
        return crawl.total() < 0 || crawl.state() == org.divergence.core.collect.CrawlState.PLANNING
                ? "the crawl stopped while planning; nothing was stored yet"
                : crawl.done() + " of " + crawl.total() + " repositories are stored";
    }

    private String resumeHint(long crawlId) {
        return StopOnInterrupt.resumeHint(projectFile, "--crawl", crawlId);
    }
}
