package org.divergence.gui.repositories;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.app.repositories.ImportRepositories;
import org.divergence.core.repositories.RepoType;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.exchange.repositories.ImportPreview;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.gui.common.TaskHandle;
import org.divergence.store.project.Project;

/** The import dialog's state: the files with their previews, the options, and the running import. */
public final class ImportViewModel {

    /** Where the dialog is in its life. */
    public enum Stage { PREVIEWING, READY, IMPORTING, DONE, FAILED, CANCELLED }

    static final int PREVIEW_ROWS = 20;

    private final TaskExecutor tasks;
    private final Project project;
    private final List<Path> files;
    private final ObservableList<ImportPreview> previews = FXCollections.observableArrayList();
    private final BooleanProperty skipInvalid = new SimpleBooleanProperty(false);
    private final ObjectProperty<RepoType> huggingFaceType = new SimpleObjectProperty<>();
    /** The date a population snapshot was taken (import --as-of), or null. */
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.PREVIEWING);
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TaskHandle> running = new ReadOnlyObjectWrapper<>();

    public ImportViewModel(TaskExecutor tasks, Project project, List<Path> files) {
        this.tasks = tasks;
        this.project = project;
        this.files = List.copyOf(files);
        huggingFaceType.addListener((obs, old, type) -> loadPreviews());
    }

    public void loadPreviews() {
        stage.set(Stage.PREVIEWING);
        ImportOptions options = options();
        tasks.execute(BackgroundTask.of("Reading the first rows", progress -> files.stream()
                .map(file -> ImportPreview.of(file, options, PREVIEW_ROWS)).toList())
                .quiet()
                .onSuccess(result -> {
                    previews.setAll(result);
                    stage.set(Stage.READY);
                }));
    }

    public void startImport() {
        if (stage.get() != Stage.READY) {
            return;
        }
        stage.set(Stage.IMPORTING);
        outcome.set("");
        running.set(tasks.execute(BackgroundTask.of("Importing " + describeFiles(),
                        progress -> new ImportRepositories(project)
                                .importFiles(files, options(), progress))
                .onSuccess(report -> {
                    stage.set(Stage.DONE);
                    StringBuilder text = new StringBuilder(capitalise(report.summary())).append('.');
                    report.files().stream().filter(file -> file.details() != null).forEach(file ->
                            text.append('\n').append(file.file().getFileName()).append(": ")
                                    .append(file.details().description()));
                    report.files().stream().filter(file -> file.rejectedFile() != null).forEach(file ->
                            text.append("\nRejected rows of ").append(file.file().getFileName())
                                    .append(", with their reasons: ").append(file.rejectedFile()));
                    outcome.set(text.toString());
                })
                .onFailure(error -> {
                    stage.set(Stage.FAILED);
                    outcome.set(error.getMessage() + "\n\nNothing was imported; the project is unchanged.");
                })
                .onCancelled(() -> {
                    stage.set(Stage.CANCELLED);
                    outcome.set("Import cancelled; nothing was imported and the project is unchanged.");
                })));
    }

    public void cancel() {
        TaskHandle handle = running.get();
        if (handle != null && stage.get() == Stage.IMPORTING) {
            handle.cancel();
        }
    }

    private ImportOptions options() {
        return new ImportOptions(skipInvalid.get(), Optional.ofNullable(huggingFaceType.get()), asOf.get());
    }

    private String describeFiles() {
        return files.size() == 1 ? files.getFirst().getFileName().toString() : files.size() + " files";
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public List<Path> files() {
        return files;
    }

    public ObservableList<ImportPreview> previews() {
        return previews;
    }

    public BooleanProperty skipInvalidProperty() {
        return skipInvalid;
    }

    public ObjectProperty<RepoType> huggingFaceTypeProperty() {
        return huggingFaceType;
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TaskHandle> runningProperty() {
        return running.getReadOnlyProperty();
    }
}
