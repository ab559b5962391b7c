package org.divergence.gui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.core.AppInfo;
import org.divergence.core.project.ProjectSummary;
import org.divergence.core.undo.UndoHistory;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.DialogService.FileType;
import org.divergence.gui.common.DialogService;
import org.divergence.gui.common.FxThread;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.samples.SampleProject;
import org.divergence.store.project.Backups;
import org.divergence.store.project.Project;
import org.divergence.store.project.ProjectSummaryQuery;
import org.divergence.store.settings.AppDirectories;
import org.divergence.store.settings.Settings;
import org.divergence.store.settings.SettingsStore;

/** The main window's state: which project is open, which section shows, the recent list, undo and redo. */
public final class MainViewModel {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(
            MainViewModel.class.getName());

    public static final FileType PROJECT_FILES = FileType.of("Divergence projects", "*" + AppInfo.PROJECT_EXTENSION);

    private final ProjectContext context;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Settings settings;
    private final SettingsStore settingsStore;
    private final AppDirectories directories;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(AppInfo.NAME);
    private final ObjectProperty<Section> selectedSection = new SimpleObjectProperty<>(Section.REPOSITORIES);
    private final ObservableList<Path> recentProjects = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper("Redo");
    private final ReadOnlyBooleanWrapper welcomeShown = new ReadOnlyBooleanWrapper();
    private final Runnable undoListener = this::refreshUndoState;

    public MainViewModel(ProjectContext context, TaskExecutor tasks, DialogService dialogs, Settings settings,
                         SettingsStore settingsStore, AppDirectories directories) {
        this.context = context;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = settings;
        this.settingsStore = settingsStore;
        this.directories = directories;
        settings.recentProjects.stream().map(Path::of).forEach(recentProjects::add);
        context.projectProperty().addListener((obs, old, project) -> {
            title.set(project == null ? AppInfo.NAME : AppInfo.NAME + " — " + project.name());
            welcomeShown.set(!settings.welcomeDismissed && project != null
                    && project.file().equals(SampleProject.pathIn(directories.data())));
        });
        context.undoHistoryProperty().addListener((obs, old, history) -> watchUndo(old, history));
        watchUndo(null, context.undoHistory());
    }

    public ProjectContext context() {
        return context;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObjectProperty<Section> selectedSectionProperty() {
        return selectedSection;
    }

    public ObservableList<Path> recentProjects() {
        return recentProjects;
    }

    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    /** The first-start banner: shown over the sample project until the user closes it. */
    public ReadOnlyBooleanProperty welcomeShownProperty() {
        return welcomeShown.getReadOnlyProperty();
    }

    /** Closes the first-start banner for good. */
    public void dismissWelcome() {
        welcomeShown.set(false);
        settings.welcomeDismissed = true;
        settingsStore.save(settings);
    }

    /** At start: a project given on the command line, else the last one, else the embedded sample project. */
    public void openInitialProject(List<String> args) {
        Optional<Path> requested = args.stream().map(Path::of)
                .filter(path -> path.toString().endsWith(AppInfo.PROJECT_EXTENSION)).findFirst();
        Path last = settings.lastProject == null ? null : Path.of(settings.lastProject);
        if (requested.isPresent()) {
            openProject(requested.get());
        } else if (last != null && Files.isRegularFile(last)) {
            openProject(last);
        } else {
            openSampleProject();
        }
    }

    public void openSampleProject() {
        runOpening("Preparing the sample project", progress -> {
            Path sample = SampleProject.ensure(directories.data(), progress);
            return openWithBackup(sample);
        });
    }

    public void openProject(Path file) {
        runOpening("Opening " + file.getFileName(), progress -> openWithBackup(file));
    }

    /** Every open takes a rotating backup; a failed backup is logged but does not stop the user working. */
    private Project openWithBackup(Path file) {
        Project project = Project.open(file);
        try {
            Backups.take(project, directories.backups(), Backups.DEFAULT_KEEP);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not back up " + file + ": " + e.getMessage(), e);
        }
        return project;
    }

    /** The backups of the open project, newest first. */
    /** What a backup holds (reads the file: call it off the FX thread). */
    public ProjectSummary readBackup(Backups.Backup backup) {
        return ProjectSummaryQuery.ofFile(backup.file());
    }

    public List<Backups.Backup> backups() {
        return context.hasProject() ? Backups.list(directories.backups(), context.project().file()) : List.of();
    }

    /** Closes the project, replaces its file by the backup (keeping the current state as a backup too), reopens. */
    public void restoreBackup(Backups.Backup backup) {
        Project open = context.project();
        if (open == null) {
            return;
        }
        Path file = open.file();
        context.setProject(null);
        runOpening("Restoring " + file.getFileName(), progress -> {
            Backups.restore(backup.file(), file, directories.backups());
            return Project.open(file);
        });
    }

    public void newProject(Path file) {
        Path target = file.toString().endsWith(AppInfo.PROJECT_EXTENSION)
                ? file : file.resolveSibling(file.getFileName() + AppInfo.PROJECT_EXTENSION);
        runOpening("Creating " + target.getFileName(), progress -> Project.create(target));
    }

    public void chooseAndOpenProject() {
        dialogs.chooseFileToOpen("Open project", List.of(PROJECT_FILES)).ifPresent(this::openProject);
    }

    public void chooseAndCreateProject() {
        dialogs.chooseFileToSave("New project", "Untitled" + AppInfo.PROJECT_EXTENSION, List.of(PROJECT_FILES))
                .ifPresent(this::newProject);
    }

    private void runOpening(String title, BackgroundTask.Work<Project> work) {
        if (context.hasProject() && opening.get()) {
            return;
        }
        opening.set(true);
        Consumer<Project> opened = project -> {
            context.setProject(project);
            rememberProject(project.file());
        };
        tasks.execute(BackgroundTask.of(title, work)
                .onSuccess(opened)
                .onFailure(error -> {
                    dialogs.showError("Cannot open the project", error);
                    if (!context.hasProject() && !title.startsWith("Preparing")) {
                        openSampleProject();
                    }
                })
                .onFinished(() -> opening.set(false)));
    }

    private void rememberProject(Path file) {
        settings.rememberProject(file.toString());
        recentProjects.setAll(settings.recentProjects.stream().map(Path::of).toList());
        settingsStore.save(settings);
    }

    public void undo() {
        runUndo("Undo", UndoHistory::undo);
    }

    public void redo() {
        runUndo("Redo", UndoHistory::redo);
    }

    /** Undo and redo write to the project: run them off the FX thread, one at a time. */
    private void runUndo(String title, java.util.function.Predicate<UndoHistory> step) {
        UndoHistory history = context.undoHistory();
        tasks.execute(BackgroundTask.of(title, progress -> step.test(history)).quiet());
    }

    private void watchUndo(UndoHistory old, UndoHistory history) {
        if (old != null) {
            old.removeListener(undoListener);
        }
        if (history != null) {
            history.addListener(undoListener);
        }
        refreshUndoState();
    }

    private void refreshUndoState() {
        Runnable update = () -> {
            UndoHistory history = context.undoHistory();
            canUndo.set(history.canUndo());
            canRedo.set(history.canRedo());
            undoLabel.set(history.nextUndo().map(text -> "Undo " + text).orElse("Undo"));
            redoLabel.set(history.nextRedo().map(text -> "Redo " + text).orElse("Redo"));
        };
        FxThread.run(update);
    }

    public Settings settings() {
        return settings;
    }

    /** Saves the window state and closes the project; called when the window closes. */
    public void shutdown() {
        settingsStore.save(settings);
        context.close();
    }
}
