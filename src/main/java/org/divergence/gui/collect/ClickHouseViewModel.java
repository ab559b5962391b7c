package org.divergence.gui.collect;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.app.collect.RunClickHouseCollection;
import org.divergence.core.collect.ClickHouseCollection;
import org.divergence.core.collect.ClickHouseRequest;
import org.divergence.core.collect.CrawlControl;
import org.divergence.core.collect.ShardProgress;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.exchange.clickhouse.ClickHouseClient;
import org.divergence.exchange.clickhouse.ClickHouseEndpoint;
import org.divergence.gui.collect.CollectViewModel.Stage;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.gui.common.TaskHandle;
import org.divergence.store.collect.ClickHouseCollections;
import org.divergence.store.project.Project;

/**
 * The Collect dialog's "GH Archive on ClickHouse" side: the server (URL, user, password), the table, the window and
 * the number of shards, and the running collection's progress shard by shard (one line each), with cancel. Each
 * shard's rows are stored as one batch as soon as the server has sent them; a stopped collection resumes with the
 * shards it lacks. The password is used for the queries only: never stored, and not remembered across dialogs.
 */
public final class ClickHouseViewModel {

    private final TaskExecutor tasks;
    private final Project project;
    private final CollectEnvironment environment;
    private final ClickHouseClient.Settings settings;

    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty(ClickHouseRequest.DEFAULT_USER);
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty database = new SimpleStringProperty(ClickHouseRequest.DEFAULT_DATABASE);
    private final StringProperty table = new SimpleStringProperty(ClickHouseRequest.DEFAULT_TABLE);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(ClickHouseRequest.DEFAULT_FROM);
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(ClickHouseRequest.LAST_FULL_PAYLOAD_DAY);
    private final IntegerProperty shards = new SimpleIntegerProperty(ClickHouseRequest.DEFAULT_SHARDS);

    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.EDITING);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<String> shardLines = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ClickHouseCollection> resumable = new ReadOnlyObjectWrapper<>();

    private long[] shardRows = new long[0];
    private int stored;
    private CrawlControl control;
    private TaskHandle running;

    public ClickHouseViewModel(TaskExecutor tasks, Project project, CollectEnvironment environment,
                               ClickHouseClient.Settings settings) {
        this.tasks = tasks;
        this.project = project;
        this.environment = environment;
        this.settings = settings;
        refreshResumable();
    }

    /** What the form says, checked; throws {@link InvalidInputException} with a message to show. */
    ClickHouseRequest request() {
        if (url.get() == null || url.get().isBlank()) {
            throw new InvalidInputException("Enter the server's URL, e.g. https://play.clickhouse.com (user play)");
        }
        return new ClickHouseRequest(ClickHouseEndpoint.parse(url.get()).toString(), user.get(), database.get(),
                table.get(), from.get(), to.get(), shards.get(), null);
    }

    /** Runs the form's collection; the same queries as an unfinished collection continue it. */
    public void start() {
        if (isBusy()) {
            return;
        }
        ClickHouseRequest request;
        try {
            request = request();
        } catch (InvalidInputException e) {
            problem.set(e.getMessage());
            return;
        }
        String typed = password.get();
        RunClickHouseCollection runner = runner();
        launch("Collecting " + request.describe(), work -> runner.start(request, typed, work));
    }

    /** Continues the newest unfinished collection, with the password typed here or else its variable's. */
    public void resume() {
        ClickHouseCollection collection = resumable.get();
        if (collection == null || isBusy()) {
            return;
        }
        String typed = password.get() == null || password.get().isEmpty()
                ? Optional.ofNullable(collection.request().passwordVariable()).map(environment.variables()::get)
                        .orElse("")
                : password.get();
        RunClickHouseCollection runner = runner();
        launch("Resuming ClickHouse collection " + collection.id(),
                work -> runner.run(collection.id(), typed, null, work));
    }

    private RunClickHouseCollection runner() {
        control = new CrawlControl();
        return new RunClickHouseCollection(project, settings, control,
                snapshot -> tasks.onUiThread(() -> apply(snapshot)));
    }

    private interface Run {
        RunClickHouseCollection.Outcome run(Progress progress);
    }

    private void launch(String title, Run work) {
        problem.set("");
        outcome.set("");
        shardLines.clear();
        shardRows = new long[0];
        stored = 0;
        progress.set(-1);
        statusText.set("Asking the server…");
        stage.set(Stage.RUNNING);
        running = tasks.execute(BackgroundTask.of(title, work::run)
                .onSuccess(result -> {
                    stage.set(Stage.DONE);
                    outcome.set(result.storedNow().isEmpty() && result.collection().finished()
                            ? "ClickHouse collection " + result.collection().id() + " had stored all its shards"
                            + " already: " + result.collection().progress() + "."
                            : capitalise(result.summary()) + ".");
                    refreshResumable();
                })
                .onFailure(error -> {
                    stage.set(Stage.STOPPED);
                    outcome.set(error.getMessage() + "\n\n" + storedSoFar());
                    refreshResumable();
                })
                .onCancelled(() -> {
                    stage.set(Stage.CANCELLED);
                    outcome.set("Cancelled. " + storedSoFar() + " The shard being collected when you cancelled was"
                            + " not stored.");
                    refreshResumable();
                }));
    }

    private String storedSoFar() {
        return stored == 0 ? "No shard was stored." : String.format(Locale.ROOT, "%d of %d shards are stored;"
                + " resume the collection to collect the rest.", stored, shardRows.length);
    }

    /** Stops at once: the shard in progress is not stored, the collection can be resumed. */
    public void cancel() {
        if (isBusy()) {
            control.cancel();
            if (running != null) {
                running.cancel();
            }
        }
    }

    public boolean isBusy() {
        return stage.get() == Stage.RUNNING;
    }

    /** A shard's step, on the FX thread: its line, and the totals. */
    void apply(ShardProgress snapshot) {
        if (shardRows.length != snapshot.shards()) {
            shardRows = new long[snapshot.shards()];
            shardLines.setAll(java.util.Collections.nCopies(snapshot.shards(), ""));
        }
        shardLines.set(snapshot.shard(), capitalise(snapshot.describe()));
        shardRows[snapshot.shard()] = snapshot.rows();
        stored = snapshot.stored();
        progress.set((double) stored / snapshot.shards());
        long rows = 0;
        for (long count : shardRows) {
            rows += count;
        }
        statusText.set(String.format(Locale.ROOT, "%d of %d shards stored · %,d repositories", stored,
                snapshot.shards(), rows));
    }

    private void refreshResumable() {
        resumable.set(ClickHouseCollections.latestUnfinished(project).orElse(null));
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty tableProperty() {
        return table;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public IntegerProperty shardsProperty() {
        return shards;
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** One line per shard: waiting, the server aggregating, storing, or stored (rows, batch, time). */
    public ObservableList<String> shardLines() {
        return FXCollections.unmodifiableObservableList(shardLines);
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ClickHouseCollection> resumableProperty() {
        return resumable.getReadOnlyProperty();
    }
}
