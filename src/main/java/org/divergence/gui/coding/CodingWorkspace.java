package org.divergence.gui.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * (remembered in the settings; asked for the first time someone codes in a project, ADR 0092), the recently applied
 * codes (number keys 1–9), and the one way to run a change through the global undo history off the FX thread. Holds
 * no controls, so it is tested without a toolkit.
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
    /** The project in which the current name was chosen this session (asked, typed or renamed). */
    private Project confirmedFor;
    /** The current coder's row once it exists: a rename (or its undo) carries the current name along. */
    private Long currentCoderId;
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
        currentCoder.set(settings.currentCoder == null || settings.currentCoder.isBlank() ? null
                : settings.currentCoder);
        currentCoder.addListener((obs, old, name) -> {
            currentCoderId = idOf(name);
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
            currentCoderId = null;
            reload(Set.of(DataArea.CODEBOOK, DataArea.CODINGS, DataArea.TRANSCRIPTS, DataArea.CASES));
        });
        context.addDataListener(this::reload);
        if (context.hasProject()) {
            reload(Set.of(DataArea.CODEBOOK, DataArea.CODINGS));
        }
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

    /** The name of the person coding now (null until someone says); every new coding records it. */
    public ObjectProperty<String> currentCoderProperty() {
        return currentCoder;
    }

    /** The person coding now says who they are (the tool bar): no need to ask them in this project. */
    public void chooseCoder(String name) {
        if (name != null && !name.isBlank()) {
            currentCoder.set(name.strip());
            confirmedFor = context.project();
        }
    }

    /**
     * Makes sure the app knows who is coding in this project, asking (on the FX thread) the first time someone codes
     * in it, unless the remembered name is already one of its coders. False when the person declines.
     */
    public boolean ensureCoderName() {
        String name = currentCoder.get();
        boolean known = name != null && !name.isBlank() && (confirmedFor == context.project()
                || coders.stream().anyMatch(coder -> coder.name().equals(name)));
        if (known) {
            return true;
        }
        Optional<String> chosen = dialogs.askForName("Who is coding?", "Every coding records who made it, for "
                        + "agreement and for exports. Choose your name if you have coded in this project before, or "
                        + "type it.", coders.stream().map(Coder::name).toList(), name == null ? "" : name);
        chosen.ifPresent(this::chooseCoder);
        return chosen.isPresent();
    }

    /**
     * Renames a coder of the project through the undo history; the current name follows when it was theirs (and
     * back on undo).
     */
    public void renameCoder(Coder coder, String newName) {
        run(project -> new CodingStore(project).renameCoder(coder.id(), newName), null);
    }

    /**
     * Blind coding: while it is on, the coding screens show only the current coder's codings (and the agreement
     * screen shows nothing), so a coder is not swayed by the others. Remembered between runs.
     */
    public BooleanProperty blindCodingProperty() {
        return blindCoding;
    }

    /**
     * Whose codings may show: the current coder's while coding blind (nobody's before a name is known), else
     * {@code chosen} (null: everyone's).
     */
    public String visibleCoderName(String chosen) {
        if (blindCoding.get()) {
            return currentCoder.get() == null ? "" : currentCoder.get();
        }
        return chosen;
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
                        followRenamedCoder();
                    }
                    listeners.forEach(listener -> listener.accept(areas));
                }));
    }

    private record Loaded(Codebook codebook, List<Coder> coders) {
    }

    /** A rename (or its undo or redo) changed the current coder's row: the current name follows it. */
    private void followRenamedCoder() {
        Long id = currentCoderId;
        Optional<Coder> row = id == null ? Optional.empty() : coders.stream().filter(c -> c.id() == id).findFirst();
        if (row.isPresent() && !row.get().name().equals(currentCoder.get())) {
            currentCoder.set(row.get().name());
        } else if (row.isEmpty()) {
            currentCoderId = idOf(currentCoder.get());
        }
    }

    private Long idOf(String name) {
        return coders.stream().filter(coder -> coder.name().equals(name)).map(Coder::id).findFirst().orElse(null);
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
        if (!context.hasProject() || !ensureCoderName()) {
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
        return new CodingStore(project).ensureCoder(currentCoder.get());
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
