package org.divergence.gui.repositories;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import org.divergence.exchange.repositories.ColumnMapping;
import org.divergence.exchange.repositories.ColumnMappings;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.exchange.repositories.ImportPreview;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.LatestTaskScheduler;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.gui.common.TaskHandle;
import org.divergence.store.project.Project;
import org.divergence.store.settings.Settings;

/**
 * The import dialog's state: the files with their previews, the options, the column mappings of CSV files whose
 * columns are named differently (guessed, or remembered per header in the settings), whether the files can be
 * imported, and the running import.
 */
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
    private final ReadOnlyBooleanWrapper canImport = new ReadOnlyBooleanWrapper();
    private final Map<List<String>, ColumnMapping> mappings = new HashMap<>();
    private final Settings settings;
    private final Runnable saveSettings;
    /** Latest wins: a mapping changed while the previews are read reads them again. */
    private final LatestTaskScheduler readings;

    /** {@code settings} remember the column mappings; {@code saveSettings} writes them. */
    public ImportViewModel(TaskExecutor tasks, Project project, List<Path> files, Settings settings,
                           Runnable saveSettings) {
        this.tasks = tasks;
        this.project = project;
        this.files = List.copyOf(files);
        this.settings = settings;
        this.saveSettings = saveSettings;
        this.readings = new LatestTaskScheduler(tasks, java.time.Duration.ZERO);
        huggingFaceType.addListener((obs, old, type) -> loadPreviews());
        skipInvalid.addListener((obs, old, skip) -> updateCanImport());
        stage.addListener((obs, old, now) -> updateCanImport());
    }

    /**
     * Reads the first rows of every file. A CSV file lacking canonical columns gets a mapping first: the one
     * remembered for its header, else a guess from its column names; its rows are then read through it.
     */
    public void loadPreviews() {
        stage.set(Stage.PREVIEWING);
        Map<List<String>, ColumnMapping> known = Map.copyOf(mappings);
        Map<List<String>, Map<String, String>> remembered = new HashMap<>();
        settings.columnMappings.forEach(saved -> remembered.putIfAbsent(saved.header, saved.columns));
        boolean skip = skipInvalid.get();
        Optional<RepoType> type = Optional.ofNullable(huggingFaceType.get());
        readings.schedule(BackgroundTask.of("Reading the first rows", progress -> {
            Map<List<String>, ColumnMapping> seeded = new HashMap<>(known);
            List<ImportPreview> read = read(skip, type, seeded);
            boolean added = false;
            for (ImportPreview preview : read) {
                List<String> header = preview.header();
                if (!header.isEmpty() && !ColumnMapping.missing(header).isEmpty() && !seeded.containsKey(header)) {
                    Map<String, String> saved = remembered.get(header);
                    seeded.put(header, saved != null ? new ColumnMapping(saved) : ColumnMapping.guess(header));
                    added = true;
                }
            }
            return new Previewed(added ? read(skip, type, seeded) : read, seeded);
        }).quiet().onSuccess(result -> {
            mappings.putAll(result.mappings());
            previews.setAll(result.previews());
            stage.set(Stage.READY);
            updateCanImport();
        }));
    }

    private record Previewed(List<ImportPreview> previews, Map<List<String>, ColumnMapping> mappings) {
    }

    private List<ImportPreview> read(boolean skip, Optional<RepoType> type, Map<List<String>, ColumnMapping> with) {
        ImportOptions options = new ImportOptions(skip, type, new ColumnMappings(with, ColumnMapping.NONE));
        return files.stream().map(file -> ImportPreview.of(file, options, PREVIEW_ROWS)).toList();
    }

    /** The canonical columns a CSV file with this header lacks under their own names (empty for other files). */
    public List<String> missingColumns(ImportPreview preview) {
        return preview.header().isEmpty() ? List.of() : ColumnMapping.missing(preview.header());
    }

    /** How the columns of a file with this header are read now. */
    public ColumnMapping mapping(List<String> header) {
        return mappings.getOrDefault(header, ColumnMapping.NONE);
    }

    /** Maps a canonical column onto the file's {@code source} column, {@link ColumnMapping#ABSENT}, or nothing. */
    public void mapColumn(List<String> header, String canonical, String source) {
        mappings.put(header, mapping(header).with(canonical, source));
        loadPreviews();
    }

    private void updateCanImport() {
        boolean skip = skipInvalid.get();
        canImport.set(stage.get() == Stage.READY && !previews.isEmpty()
                && previews.stream().allMatch(preview -> preview.importable(skip)));
    }

    /** False while a file has a problem that stops it (or a bad row, unless invalid rows are skipped). */
    public ReadOnlyBooleanProperty canImportProperty() {
        return canImport.getReadOnlyProperty();
    }

    public void startImport() {
        if (!canImport.get()) {
            return;
        }
        rememberMappings();
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
        return new ImportOptions(skipInvalid.get(), Optional.ofNullable(huggingFaceType.get()), asOf.get(),
                new ColumnMappings(mappings, ColumnMapping.NONE));
    }

    /** The mappings of the files imported, remembered for the next file with the same header. */
    private void rememberMappings() {
        boolean changed = false;
        for (ImportPreview preview : previews) {
            if (!missingColumns(preview).isEmpty()) {
                settings.rememberColumnMapping(preview.header(), mapping(preview.header()).sourceOf());
                changed = true;
            }
        }
        if (changed) {
            saveSettings.run();
        }
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
