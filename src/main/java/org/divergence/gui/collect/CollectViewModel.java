package org.divergence.gui.collect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.divergence.app.collect.CollectIdList;
import org.divergence.app.collect.RunCrawl;
import org.divergence.core.collect.CrawlControl;
import org.divergence.core.collect.CrawlProgress;
import org.divergence.core.collect.CrawlRequest;
import org.divergence.core.collect.CrawlSummary;
import org.divergence.core.collect.RateLimitState;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.Platform;
import org.divergence.core.sampling.DrawnList;
import org.divergence.core.repositories.RepoType;
import org.divergence.exchange.clickhouse.ClickHouseClient;
import org.divergence.exchange.collect.ApiClient;
import org.divergence.exchange.collect.ApiEndpoint;
import org.divergence.exchange.collect.ApiPlatform;
import org.divergence.exchange.collect.ApiToken;
import org.divergence.exchange.collect.TokenStore;
import org.divergence.exchange.sampling.DrawnListReader;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.gui.common.TaskHandle;
import org.divergence.store.collect.Crawls;
import org.divergence.store.project.Project;

/**
 * The Collect dialog's state: what to collect (platform, named repositories or a listing, type, limit), the token,
 * and the running crawl's live progress (repositories done of total, requests, rate limit and its reset, the wait in
 * progress) with pause, resume and cancel. Repositories are stored one by one as the crawl goes, so the Repositories
 * view fills while this runs.
 */
public final class CollectViewModel {

    /** Where the dialog is. */
    public enum Stage { EDITING, RUNNING, PAUSED, DONE, STOPPED, CANCELLED }

    /** Named repositories, a search/listing, or an id list written by `draw` (ID_LIST). */
    public enum Mode { NAMED, LISTING, ID_LIST }

    /** A platform's API (GitHub, Hugging Face), or GH Archive aggregated on a ClickHouse server. */
    public enum Source { API, CLICKHOUSE }

    private final TaskExecutor tasks;
    private final Project project;
    private final CollectEnvironment environment;
    private final TokenStore tokens;

    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.API);
    private final ClickHouseViewModel clickHouse;
    private final ObjectProperty<Platform> platform = new SimpleObjectProperty<>(Platform.GITHUB);
    private final ObjectProperty<RepoType> type = new SimpleObjectProperty<>(RepoType.CODE);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.NAMED);
    private final StringProperty repositories = new SimpleStringProperty("");
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty author = new SimpleStringProperty("");
    private final ObjectProperty<String> sort = new SimpleObjectProperty<>();
    private final IntegerProperty limit = new SimpleIntegerProperty(100);
    private final StringProperty apiUrl = new SimpleStringProperty();
    private final StringProperty token = new SimpleStringProperty("");
    private final BooleanProperty rememberToken = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> rawFolder = new SimpleObjectProperty<>();
    private final StringProperty idsFile = new SimpleStringProperty("");
    private final IntegerProperty concurrency = new SimpleIntegerProperty(
            ApiPlatform.GITHUB.defaultConcurrency());

    private final ReadOnlyStringWrapper tokenHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasSavedToken = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.EDITING);
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper failed = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyLongWrapper requests = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper requestsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rateLimitText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper paceText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper waitText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper currentText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<CrawlSummary> resumable = new ReadOnlyObjectWrapper<>();

    private CrawlControl control;
    private TaskHandle running;

    public CollectViewModel(TaskExecutor tasks, Project project, CollectEnvironment environment) {
        this.tasks = tasks;
        this.project = project;
        this.environment = environment;
        this.tokens = new TokenStore(environment.configFolder());
        this.clickHouse = new ClickHouseViewModel(tasks, project, environment, ClickHouseClient.Settings.DEFAULT);
        apiUrl.set(defaultUrl(Platform.GITHUB));
        platform.addListener((obs, old, next) -> {
            if (old != null && defaultUrl(old).equals(apiUrl.get())) {
                apiUrl.set(defaultUrl(next));
            }
            if (type.get() == null || type.get().platform() != next) {
                type.set(next == Platform.GITHUB ? RepoType.CODE : RepoType.MODEL);
            }
            if (sort.get() != null && !sorts(next).contains(sort.get())) {
                sort.set(null);
            }
            if (old != null && concurrency.get() == ApiPlatform.of(old).defaultConcurrency()) {
                concurrency.set(ApiPlatform.of(next).defaultConcurrency());
            }
            refreshTokenHint();
        });
        apiUrl.addListener((obs, old, next) -> refreshTokenHint());
        token.addListener((obs, old, next) -> refreshTokenHint());
        refreshTokenHint();
        refreshResumable();
    }

    private String defaultUrl(Platform which) {
        return ApiPlatform.of(which).defaultUrl(environment.variables());
    }

    /** The sort orders the platform offers (empty choice = the platform's default order). */
    public static List<String> sorts(Platform which) {
        return which == Platform.GITHUB ? List.of("stars", "forks", "help-wanted-issues", "updated")
                : List.of("likes", "downloads", "createdAt", "lastModified");
    }

    /** What the user has asked for, checked; throws {@link InvalidInputException} with a message to show. */
    CrawlRequest request() {
        String url = apiUrl.get() == null ? "" : apiUrl.get().strip();
        if (mode.get() == Mode.NAMED) {
            List<String> names = Arrays.stream(repositories.get().split("[\\s,;]+")).filter(s -> !s.isBlank())
                    .toList();
            return CrawlRequest.named(platform.get(), type.get(), names, url);
        }
        return CrawlRequest.listing(platform.get(), type.get(), query.get(), author.get(), sort.get(), limit.get(),
                url);
    }

    /** Starts a new crawl (or ClickHouse collection) with what the form says. */
    public void start() {
        if (isBusy()) {
            return;
        }
        if (source.get() == Source.CLICKHOUSE) {
            clickHouse.start();
            return;
        }
        CrawlRequest request = null;
        TokenStore.Resolved resolved;
        try {
            String url;
            if (mode.get() == Mode.ID_LIST) {
                if (idsFile.get() == null || idsFile.get().isBlank()) {
                    throw new InvalidInputException("Choose the id list to collect (written by Draw a sample…).");
                }
                url = apiUrl.get() == null ? "" : apiUrl.get().strip();
            } else {
                request = request();
                url = request.apiUrl();
            }
            ApiEndpoint.parse(url);
            resolved = resolveToken(platform.get(), url);
        } catch (InvalidInputException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set("");
        if (rememberToken.get() && resolved.source() == TokenStore.Source.ENTERED) {
            tokens.save(ApiPlatform.of(platform.get()), apiUrl.get().strip(), resolved.token().orElseThrow());
            hasSavedToken.set(true);
        }
        RunCrawl runner = runner(resolved);
        if (request == null) {
            Path file = Path.of(idsFile.get().strip());
            Platform which = platform.get();
            String url = apiUrl.get().strip();
            // The same use case as collect --ids-file; the list is read off the FX thread.
            launch("Collecting " + file.getFileName(), taskProgress -> {
                DrawnList list = DrawnListReader.read(file);
                return String.join("\n", CollectIdList.run(project, runner, list,
                        CollectIdList.requests(list, which, url), taskProgress).report());
            });
        } else {
            CrawlRequest named = request;
            launch("Collecting " + named.describe(), taskProgress -> describe(runner.start(named, taskProgress)));
        }
    }

    /** Continues the newest unfinished crawl (or ClickHouse collection) of this project. */
    public void resumeCrawl() {
        if (source.get() == Source.CLICKHOUSE) {
            clickHouse.resume();
            return;
        }
        CrawlSummary crawl = resumable.get();
        if (crawl == null || isBusy()) {
            return;
        }
        TokenStore.Resolved resolved;
        try {
            resolved = resolveToken(crawl.request().platform(), crawl.request().apiUrl());
        } catch (InvalidInputException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set("");
        RunCrawl runner = runner(resolved);
        launch("Resuming crawl " + crawl.id(), taskProgress -> describe(runner.run(crawl.id(), taskProgress)));
    }

    private RunCrawl runner(TokenStore.Resolved resolved) {
        control = new CrawlControl();
        RunCrawl.Options options = new RunCrawl.Options(resolved.token(), environment.cacheFolder(),
                rawFolder.get(), ApiClient.Settings.DEFAULT, environment.clock(), environment.random(), false,
                new RunCrawl.Pace(concurrency.get(), null));
        return new RunCrawl(project, options, control, snapshot -> tasks.onUiThread(() -> apply(snapshot)));
    }

    /** The work of one run, returning what it did in words. */
    private interface Run {
        String run(Progress progress);
    }

    private static String describe(RunCrawl.Outcome result) {
        StringBuilder text = new StringBuilder(capitalise(result.summary())).append('.');
        for (Crawls.ItemView failure : result.failures()) {
            text.append("\nCould not collect ").append(failure.name()).append(": ").append(failure.message());
        }
        return text.toString();
    }

    private void launch(String title, Run work) {
        stage.set(Stage.RUNNING);
        outcome.set("");
        waitText.set("");
        currentText.set("Starting…");
        running = tasks.execute(BackgroundTask.of(title, work::run)
                .onSuccess(result -> {
                    stage.set(Stage.DONE);
                    waitText.set("");
                    currentText.set("");
                    outcome.set(result);
                    refreshResumable();
                })
                .onFailure(error -> {
                    stage.set(Stage.STOPPED);
                    waitText.set("");
                    outcome.set(error.getMessage() + "\n\n" + storedSoFar()
                            + " Everything collected so far is stored; resume the crawl to collect the rest.");
                    refreshResumable();
                })
                .onCancelled(() -> {
                    stage.set(Stage.CANCELLED);
                    waitText.set("");
                    outcome.set("Cancelled. " + storedSoFar() + " Resume the crawl later to collect the rest; the"
                            + " repository being read when you cancelled was not stored.");
                    refreshResumable();
                }));
    }

    private String storedSoFar() {
        return total.get() < 0 ? "The crawl stopped while listing what to collect."
                : done.get() + " of " + total.get() + " repositories are stored.";
    }

    public void pause() {
        if (stage.get() == Stage.RUNNING && control != null) {
            control.pause();
            stage.set(Stage.PAUSED);
        }
    }

    public void resume() {
        if (stage.get() == Stage.PAUSED && control != null) {
            control.resume();
            stage.set(Stage.RUNNING);
        }
    }

    /** Stops at the next safe point; what was stored stays, the crawl can be resumed. */
    public void cancel() {
        clickHouse.cancel();
        if (stage.get() == Stage.RUNNING || stage.get() == Stage.PAUSED) {
            control.cancel();
            if (running != null) {
                running.cancel();
            }
        }
    }

    public boolean isBusy() {
        return stage.get() == Stage.RUNNING || stage.get() == Stage.PAUSED || clickHouse.isBusy();
    }

    public void forgetSavedToken() {
        try {
            tokens.forget(ApiPlatform.of(platform.get()), apiUrl.get());
        } catch (InvalidInputException e) {
            problem.set(e.getMessage());
        }
        refreshTokenHint();
    }

    private TokenStore.Resolved resolveToken(Platform which, String url) {
        Optional<ApiToken> entered = ApiToken.of(token.get(), "the token field");
        if (entered.isPresent()) {
            return new TokenStore.Resolved(entered, TokenStore.Source.ENTERED, null);
        }
        return tokens.resolve(ApiPlatform.of(which), url, null, environment.variables());
    }

    private void refreshTokenHint() {
        ApiPlatform api = ApiPlatform.of(platform.get());
        String url = apiUrl.get() == null ? "" : apiUrl.get().strip();
        boolean saved;
        try {
            saved = !url.isEmpty() && tokens.has(api, url);
        } catch (InvalidInputException e) {
            saved = false;
        }
        hasSavedToken.set(saved);
        String limits = platform.get() == Platform.GITHUB ? "GitHub allows 60 requests an hour without a token,"
                + " 5,000 with one." : "Hugging Face allows more requests with a token, and gated repositories"
                + " need one.";
        if (token.get() != null && !token.get().isBlank()) {
            tokenHint.set("Uses the token entered here. " + limits);
            return;
        }
        String variable = environment.variables().get(api.tokenVariable());
        if (variable != null && !variable.isBlank()) {
            tokenHint.set("Uses the token from " + api.tokenVariable() + ". " + limits);
        } else if (saved) {
            tokenHint.set("Uses your saved token. " + limits);
        } else {
            tokenHint.set("No token: " + limits);
        }
    }

    private void refreshResumable() {
        resumable.set(Crawls.latestUnfinished(project, null).orElse(null));
    }

    /** A crawl snapshot, on the FX thread. */
    void apply(CrawlProgress snapshot) {
        done.set(snapshot.done());
        failed.set(snapshot.failed());
        total.set(snapshot.total());
        requests.set(snapshot.requests());
        progress.set(snapshot.total() <= 0 ? -1 : (double) (snapshot.done() + snapshot.failed()) / snapshot.total());
        statusText.set(snapshot.total() < 0 ? "Listing what to collect…"
                : String.format(Locale.ROOT, "%,d of %,d repositories%s", snapshot.done(), snapshot.total(),
                snapshot.failed() > 0 ? " · " + snapshot.failed() + " could not be collected" : ""));
        requestsText.set(String.format(Locale.ROOT, "%,d requests%s", snapshot.requests(), snapshot.cacheHits() > 0
                ? String.format(Locale.ROOT, " (%,d unchanged since cached)", snapshot.cacheHits()) : ""));
        rateLimitText.set(describe(snapshot.rateLimit(), snapshot));
        paceText.set(snapshot.pace() == null ? "" : capitalise(snapshot.pace().describe()));
        if (snapshot.paused()) {
            waitText.set("Paused: the next request waits until you resume.");
        } else if (snapshot.waiting()) {
            waitText.set("Waiting " + CrawlProgress.clock(snapshot.waitLeft()) + ": " + snapshot.waitReason());
        } else {
            waitText.set("");
        }
        currentText.set(snapshot.current() == null ? "" : capitalise(snapshot.current()));
    }

    private static String describe(RateLimitState state, CrawlProgress snapshot) {
        if (state == null || state.remaining() < 0) {
            return "Rate limit: not reported yet";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Rate limit: %,d", state.remaining()));
        if (state.limit() > 0) {
            text.append(String.format(Locale.ROOT, " of %,d", state.limit()));
        }
        text.append(" left");
        if (state.resetAt() != null && state.resetAt().isAfter(snapshot.now())) {
            text.append(", resets in ").append(CrawlProgress.clock(Duration.between(snapshot.now(),
                    state.resetAt())));
        }
        return text.toString();
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public BooleanBinding editableBinding() {
        return Bindings.createBooleanBinding(() -> !isBusy(), stage, clickHouse.stageProperty());
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public ClickHouseViewModel clickHouse() {
        return clickHouse;
    }

    public ObjectProperty<Platform> platformProperty() {
        return platform;
    }

    public ObjectProperty<RepoType> typeProperty() {
        return type;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty repositoriesProperty() {
        return repositories;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty authorProperty() {
        return author;
    }

    public ObjectProperty<String> sortProperty() {
        return sort;
    }

    public IntegerProperty limitProperty() {
        return limit;
    }

    public StringProperty apiUrlProperty() {
        return apiUrl;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public BooleanProperty rememberTokenProperty() {
        return rememberToken;
    }

    public ObjectProperty<Path> rawFolderProperty() {
        return rawFolder;
    }

    public ReadOnlyStringProperty tokenHintProperty() {
        return tokenHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasSavedTokenProperty() {
        return hasSavedToken.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty requestsProperty() {
        return requests.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty requestsTextProperty() {
        return requestsText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateLimitTextProperty() {
        return rateLimitText.getReadOnlyProperty();
    }

    /** The rate, the ETA and the calls left in the budget's window. */
    public ReadOnlyStringProperty paceTextProperty() {
        return paceText.getReadOnlyProperty();
    }

    /** The id list to collect in {@link Mode#ID_LIST}. */
    public StringProperty idsFileProperty() {
        return idsFile;
    }

    public IntegerProperty concurrencyProperty() {
        return concurrency;
    }

    public ReadOnlyStringProperty waitTextProperty() {
        return waitText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentTextProperty() {
        return currentText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CrawlSummary> resumableProperty() {
        return resumable.getReadOnlyProperty();
    }
}
