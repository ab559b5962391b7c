package org.divergence.gui.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.Coder;
import org.divergence.core.undo.UndoHistory;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.DialogService;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.settings.Settings;
import org.divergence.store.undo.ProjectCommand;

/**
 * What the Interviews and Codebook sections share: the open project's codebook and coders, the current coder
 * (remembered in the settings), the recently applied codes (number keys 1–9), and the one way to run a change
 * through the global undo history off the FX thread. Holds no controls, so it is tested without a toolkit.
 */
public final class CodingWorkspace {

    public static final int MAX_RECENT = 9;

    private final ProjectContext context;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Settings settings;
    private final Runnable saveSettings;
    private final ReadOnlyObjectWrapper<Codebook> codebook = new ReadOnlyObjectWrapper<>(Codebook.empty());
    private final ObservableList<Coder> coders = FXCollections.observableArrayList();
    private final ObjectProperty<String> currentCoder = new SimpleObjectProperty<>();
    private final BooleanProperty blindCoding = new SimpleBooleanProperty();
    private final ObservableList<Code> recentCodes = FXCollections.observableArrayList();
    private final List<Consumer<Set<DataArea>>> listeners = new ArrayList<>();
    private long reloads;
    private long latestApplied;

    public CodingWorkspace(ProjectContext context, TaskExecutor tasks, DialogService dialogs, Settings settings,
                           Runnable saveSettings) {
        this.context = context;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = settings;
        this.saveSettings = saveSettings;
        currentCoder.set(settings.currentCoder == null || settings.currentCoder.isBlank()
                ? defaultCoderName() : settings.currentCoder);
        currentCoder.addListener((obs, old, name) -> {
            if (name != null && !name.isBlank() && !name.equals(settings.currentCoder)) {
                settings.currentCoder = name.strip();
                saveSettings.run();
            }
        });
        blindCoding.set(settings.blindCoding);
        blindCoding.addListener((obs, old, blind) -> {
            settings.blindCoding = blind;
            saveSettings.run();
        });
        context.projectProperty().addListener((obs, old, project) -> {
            recentCodes.clear();
            reload(Set.of(DataArea.CODEBOOK, DataArea.CODINGS, DataArea.TRANSCRIPTS, DataArea.CASES));
        });
        context.addDataListener(this::reload);
        if (context.hasProject()) {
            reload(Set.of(DataArea.CODEBOOK, DataArea.CODINGS));
        }
    }

    private static String defaultCoderName() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() || "root".equals(user) ? "Coder 1" : user;
    }

    public ProjectContext context() {
        return context;
    }

    public TaskExecutor tasks() {
        return tasks;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public Project project() {
        return context.project();
    }

    public boolean hasProject() {
        return context.hasProject();
    }

    public UndoHistory undoHistory() {
        return context.undoHistory();
    }

    public ReadOnlyObjectProperty<Codebook> codebookProperty() {
        return codebook.getReadOnlyProperty();
    }

    public Codebook codebook() {
        return codebook.get();
    }

    public ObservableList<Coder> coders() {
        return coders;
    }

    /** The name of the person coding now; every new coding records it. */
    public ObjectProperty<String> currentCoderProperty() {
        return currentCoder;
    }

    /**
     * Blind coding: while it is on, the coding screens show only the current coder's codings (and the agreement
     * screen shows nothing), so a coder is not swayed by the others. Remembered between runs.
     */
    public BooleanProperty blindCodingProperty() {
        return blindCoding;
    }

    /** Whose codings may show: the current coder's while coding blind, else {@code chosen} (null: everyone's). */
    public String visibleCoderName(String chosen) {
        return blindCoding.get() ? currentCoder.get() : chosen;
    }

    public ObservableList<Code> recentCodes() {
        return recentCodes;
    }

    /** Called (on the FX thread) after the workspace reloaded what a committed change touched. */
    public void addChangeListener(Consumer<Set<DataArea>> listener) {
        listeners.add(listener);
    }

    private void reload(Set<DataArea> areas) {
        if (!context.hasProject()) {
            codebook.set(Codebook.empty());
            coders.clear();
            listeners.forEach(listener -> listener.accept(areas));
            return;
        }
        Project project = context.project();
        boolean codebookChanged = areas.contains(DataArea.CODEBOOK);
        boolean codersChanged = areas.contains(DataArea.CODINGS);
        if (!codebookChanged && !codersChanged) {
            listeners.forEach(listener -> listener.accept(areas));
            return;
        }
        long reload = ++reloads;
        tasks.execute(BackgroundTask.of("Loading the codebook", progress -> new Loaded(
                        codebookChanged ? new CodebookStore(project).load() : null,
                        new CodingStore(project).coders()))
                .quiet()
                .onSuccess(loaded -> {
                    if (context.project() != project) {
                        return;
                    }
                    if (reload < latestApplied) {
                        // An older load finishing after a newer one: its data is stale, but its listeners still
                        // need the notice (they reload what they show themselves).
                        listeners.forEach(listener -> listener.accept(areas));
                        return;
                    }
                    latestApplied = reload;
                    if (loaded.codebook() != null) {
                        codebook.set(loaded.codebook());
                        recentCodes.replaceAll(code -> loaded.codebook().get(code.id()).orElse(null));
                        recentCodes.removeIf(Objects::isNull);
                    }
                    if (!coders.equals(loaded.coders())) {
                        coders.setAll(loaded.coders());
                    }
                    listeners.forEach(listener -> listener.accept(areas));
                }));
    }

    private record Loaded(Codebook codebook, List<Coder> coders) {
    }

    /** Runs a change through the undo history off the FX thread; {@code onDone} gets its result on the FX thread. */
    public <T> void run(ProjectCommand<T> command, Consumer<T> onDone) {
        UndoHistory history = context.undoHistory();
        tasks.execute(BackgroundTask.of(capitalize(command.description()), progress -> {
            history.execute(command);
            return command.result();
        }).quiet().onSuccess(result -> {
            if (onDone != null) {
                onDone.accept(result);
            }
        }).onFailure(error -> dialogs.showError("Could not " + command.description(), error)));
    }

    /** Makes a command with the project's stores and runs it (nothing happens without a project). */
    public <T> void run(java.util.function.Function<Project, ProjectCommand<T>> factory, Consumer<T> onDone) {
        if (!context.hasProject()) {
            return;
        }
        ProjectCommand<T> command;
        try {
            command = factory.apply(context.project());
        } catch (RuntimeException e) {
            dialogs.showError("Cannot do that", e);
            return;
        }
        run(command, onDone);
    }

    /**
     * Runs a change made for the current coder (created first if new) through the undo history, off the FX thread.
     */
    public <T> void runAsCoder(java.util.function.BiFunction<Project, Coder, ProjectCommand<T>> factory,
                               Consumer<T> onDone) {
        if (!context.hasProject()) {
            return;
        }
        Project project = context.project();
        UndoHistory history = context.undoHistory();
        tasks.execute(BackgroundTask.of("Coding", progress -> {
            ProjectCommand<T> command = factory.apply(project, ensureCurrentCoder(project));
            history.execute(command);
            return command.result();
        }).quiet().onSuccess(result -> {
            if (onDone != null) {
                onDone.accept(result);
            }
        }).onFailure(error -> dialogs.showError("Could not apply the change", error)));
    }

    /** Moves a code to the front of the recent list (number keys 1–9 apply them). */
    public void rememberRecent(Code code) {
        recentCodes.removeIf(recent -> recent.id() == code.id());
        recentCodes.addFirst(code);
        while (recentCodes.size() > MAX_RECENT) {
            recentCodes.removeLast();
        }
    }

    /** The current coder's row, created when the name is new; runs on the calling (background) thread. */
    Coder ensureCurrentCoder(Project project) {
        String name = currentCoder.get();
        return new CodingStore(project).ensureCoder(name == null || name.isBlank() ? defaultCoderName() : name);
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
