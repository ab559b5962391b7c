package org.divergence.gui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.divergence.gui.common.FeatureServices;
import org.divergence.gui.common.FxDialogService;
import org.divergence.gui.common.FxTaskExecutor;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.Theme;
import org.divergence.gui.help.HelpWindow;
import org.divergence.gui.help.ShortcutsDialog;
import org.divergence.store.project.Project;
import org.divergence.store.settings.AppDirectories;
import org.divergence.store.settings.DocumentsFolder;
import org.divergence.store.settings.Settings;
import org.divergence.store.settings.SettingsStore;

/**
 * The composition root of the desktop app: creates the services once and hands them to each View and ViewModel
 * through constructors (no static locator). The Application class and the GUI tests both start it here.
 */
public final class Workbench {

    private static final Logger LOG = Logger.getLogger(Workbench.class.getName());

    private final Stage stage;
    private final Settings settings;
    private final SettingsStore settingsStore;
    private final FxDialogService dialogs;
    private final FxTaskExecutor tasks;
    private final ProjectContext context = new ProjectContext();
    private final MainViewModel viewModel;
    private final FeatureServices services;
    private final MainWindow window;
    private boolean sectionsBuilt;
    private final Consumer<String> openUrl;
    private final Actions actions;

    private Workbench(Stage stage, AppDirectories directories, Consumer<String> openUrl) {
        this.stage = stage;
        this.openUrl = openUrl;
        this.settingsStore = new SettingsStore(directories.config());
        this.settings = settingsStore.load();
        Theme.of(settings.theme).apply();
        this.dialogs = new FxDialogService(() -> stage, DocumentsFolder.forCurrentUser());
        this.tasks = new FxTaskExecutor(dialogs);
        this.viewModel = new MainViewModel(context, tasks, dialogs, settings, settingsStore, directories);
        this.services = new FeatureServices(context, tasks, dialogs, settings, directories, openUrl, () -> stage,
                section -> viewModel.selectedSectionProperty().set(section), new ImportDispatcher(dialogs, context),
                new ExportDispatcher(dialogs, context));
        this.actions = new Actions(services);
        this.window = new MainWindow(stage, viewModel, tasks, actions);
    }

    /** Builds the window, shows it, and opens the initial project in the background. */
    public static Workbench start(Stage stage, AppDirectories directories, List<String> args) {
        return start(stage, directories, args, url -> LOG.info("Would open " + url));
    }

    /** {@code openUrl} shows a web page in the user's browser (the app passes its HostServices). */
    public static Workbench start(Stage stage, AppDirectories directories, List<String> args,
                                  Consumer<String> openUrl) {
        Workbench workbench = new Workbench(stage, directories, openUrl);
        workbench.installCrashHandler();
        workbench.show();
        workbench.viewModel.openInitialProject(args);
        workbench.buildSectionsAfterFirstFrame();
        workbench.importOnceOpen(filesToImport(args));
        return workbench;
    }

    /**
     * The window comes first: the sections (most of the start-up's work on the FX thread) are built once its first
     * frame is laid out, while the project opens in the background (docs/decisions/0130-window-first.md).
     */
    private void buildSectionsAfterFirstFrame() {
        Scene scene = stage.getScene();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(this::buildSections);
            // Decoding the icon's eight sizes (up to 512 px) and scaling them for the window manager need not
            // delay the first frame (ADR 0140).
            Platform.runLater(() -> stage.getIcons().setAll(AppIcons.all()));
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private void buildSections() {
        if (!sectionsBuilt) {
            sectionsBuilt = true;
            window.install(Sections.create(services));
        }
    }

    /** Files given at start that are imported rather than opened: a .qdpx double-clicked in the file manager. */
    static List<Path> filesToImport(List<String> args) {
        return args.stream().filter(arg -> arg.toLowerCase(Locale.ROOT).endsWith(".qdpx")).map(Path::of).toList();
    }

    /** Hands the files to the import handler once a project is open (the last one, or the sample). */
    private void importOnceOpen(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        context.projectProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Project> property, Project before, Project now) {
                if (now != null) {
                    property.removeListener(this);
                    buildSections(); // the import handlers arrive with the sections
                    services.importHandler().importFiles(files);
                }
            }
        });
    }

    private void show() {
        Scene scene = window.createScene();
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        if (settings.windowX != null && settings.windowY != null) {
            stage.setX(settings.windowX);
            stage.setY(settings.windowY);
        }
        stage.setMaximized(settings.maximized);
        stage.setOnCloseRequest(event -> close());
        stage.show();
    }

    /** An uncaught exception anywhere shows the error dialog instead of killing the app. */
    private void installCrashHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.log(Level.SEVERE, "Uncaught exception on " + thread.getName(), error);
            Platform.runLater(() -> dialogs.showError("Something went wrong", error));
        });
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public ProjectContext context() {
        return context;
    }

    public FxTaskExecutor tasks() {
        return tasks;
    }

    public FeatureServices services() {
        return services;
    }

    public MainWindow window() {
        return window;
    }

    /** The user guide's window, once opened (for tests). */
    public java.util.Optional<HelpWindow> helpWindow() {
        return java.util.Optional.ofNullable(actions.help);
    }

    /** Remembers the window's geometry, closes the project and stops background threads. */
    public void close() {
        settings.maximized = stage.isMaximized();
        if (!stage.isMaximized() && stage.getScene() != null) {
            settings.windowWidth = stage.getScene().getWidth();
            settings.windowHeight = stage.getScene().getHeight();
            settings.windowX = stage.getX();
            settings.windowY = stage.getY();
        }
        viewModel.shutdown();
        tasks.close();
    }

    /** Window-level actions; features plug their handlers in through {@link FeatureServices}. */
    private final class Actions implements MainWindow.WindowActions {
        private final FeatureServices services;
        private HelpWindow help;

        Actions(FeatureServices services) {
            this.services = services;
        }

        @Override
        public void importFiles() {
            services.importHandler().chooseAndImport();
        }

        @Override
        public void importDropped(List<Path> files) {
            services.importHandler().importFiles(files);
        }

        @Override
        public void toggleTheme(boolean dark) {
            Theme theme = dark ? Theme.DARK : Theme.LIGHT;
            theme.apply();
            settings.theme = theme.settingsName();
            settingsStore.save(settings);
            services.themeChanged(theme);
        }

        @Override
        public void showAbout() {
            AboutDialog.show(stage);
        }

        @Override
        public void showUserGuide(Section section) {
            if (help == null) {
                help = new HelpWindow(stage, openUrl);
            }
            help.show(section == null ? null : section.title());
        }

        @Override
        public void showShortcuts() {
            ShortcutsDialog.show(stage);
        }

        @Override
        public void collect() {
            services.collectHandler().run();
        }

        @Override
        public void export() {
            services.exportHandler().chooseAndExport();
        }
    }
}
