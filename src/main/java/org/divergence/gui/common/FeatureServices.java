package org.divergence.gui.common;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Window;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.store.settings.AppDirectories;
import org.divergence.store.settings.Settings;
import org.divergence.store.settings.SettingsStore;

/**
 * The services every feature's View and ViewModel is constructed with, created once by the shell when the window opens.
 * Passing this one object keeps constructors short without a static service locator.
 */
public final class FeatureServices {

    private final ProjectContext context;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Settings settings;
    private final Consumer<Section> navigator;
    private final AppDirectories directories;
    private final ObjectProperty<Theme> theme;
    private final Consumer<String> openUrl;
    private final Supplier<Window> window;
    private final ImportHandler importHandler;
    private final ExportHandler exportHandler;
    private Runnable collectHandler;
    private Consumer<RepositoryFilter> repositoriesBrowser;

    /**
     * {@code navigator} opens a section; the import and export handlers route files to the features that register
     * for them (the shell makes both).
     */
    public FeatureServices(ProjectContext context, TaskExecutor tasks, DialogService dialogs, Settings settings,
                           AppDirectories directories, Consumer<String> openUrl, Supplier<Window> window,
                           Consumer<Section> navigator, ImportHandler importHandler, ExportHandler exportHandler) {
        this.openUrl = openUrl;
        this.window = window;
        this.context = context;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = settings;
        this.navigator = navigator;
        this.directories = directories;
        this.theme = new SimpleObjectProperty<>(Theme.of(settings.theme));
        this.importHandler = importHandler;
        this.exportHandler = exportHandler;
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

    /** The user's settings (features that change them call {@link #saveSettings()}). */
    public Settings settings() {
        return settings;
    }

    /** Writes the user's settings (after a feature changed them), atomically, in the user's config folder. */
    public void saveSettings() {
        new SettingsStore(directories.config()).save(settings);
    }

    public AppDirectories directories() {
        return directories;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Called by the window when the user switches the theme; charts and views follow the property. */
    public void themeChanged(Theme next) {
        theme.set(next);
    }

    /** What File → Collect from GitHub / Hugging Face… does (the collect feature registers it). */
    public Runnable collectHandler() {
        return collectHandler != null ? collectHandler
                : () -> dialogs.showInformation("Collect", "There is no live collection in this version.");
    }

    public void setCollectHandler(Runnable handler) {
        this.collectHandler = handler;
    }

    public ImportHandler importHandler() {
        return importHandler;
    }

    /** What File → Export… does; features register what they export (e.g. REFI-QDA .qdpx). */
    public ExportHandler exportHandler() {
        return exportHandler;
    }

    /** Opens a web page in the user's browser (the repository's page on its platform). */
    public void openUrl(String url) {
        openUrl.accept(url);
    }

    /** The main window, to own dialogs. */
    public Window window() {
        return window.get();
    }

    /** Opens another section, e.g. the Repositories table filtered from a chart click. */
    public void navigate(Section section) {
        navigator.accept(section);
    }

    /** Registers how the Repositories section shows a filter (the repositories feature does, at start). */
    public void setRepositoriesBrowser(Consumer<RepositoryFilter> browser) {
        this.repositoriesBrowser = browser;
    }

    /** Linked browsing: opens the Repositories section showing the repositories the filter selects. */
    public void showRepositories(RepositoryFilter filter) {
        navigate(Section.REPOSITORIES);
        if (repositoriesBrowser != null) {
            repositoriesBrowser.accept(filter);
        }
    }
}
