package org.divergence.gui.shell;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.divergence.core.AppInfo;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.Shortcut;
import org.divergence.gui.common.Shortcuts;
import org.divergence.gui.common.WorkbenchSection;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.gui.common.Theme;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The main window's View: menu bar, tool bar, section navigation, the selected section, and the status bar. */
public final class MainWindow {

    private final MainViewModel viewModel;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<Section, WorkbenchSection> sections = new EnumMap<>(Section.class);
    private final ListView<Section> navigation = new ListView<>();
    private final StatusBar statusBar;
    private final Menu recentMenu = new Menu("Open _Recent");
    private final WindowActions actions;
    private final TaskExecutor tasks;

    /** Actions that features contribute to the window's menus; e.g. Import… arrives with the import feature. */
    public interface WindowActions {
        void importFiles();

        void importDropped(List<Path> files);

        void toggleTheme(boolean dark);

        void showAbout();

        /** Help → User guide (F1), open at the chapter about {@code section}, the screen shown. */
        void showUserGuide(Section section);

        void showShortcuts();

        default void collect() {
        }

        default void export() {
        }
    }

    /** The window's frame; the sections arrive with {@link #install}, once the frame is on screen. */
    public MainWindow(Stage stage, MainViewModel viewModel, TaskExecutor tasks, WindowActions actions) {
        this.stage = stage;
        this.viewModel = viewModel;
        this.actions = actions;
        this.tasks = tasks;
        this.statusBar = new StatusBar(tasks, viewModel);
        build();
    }

    /** Puts the features' sections in (a placeholder where a section has none) and shows the selected one. */
    public void install(List<WorkbenchSection> views) {
        for (Section section : Section.values()) {
            sections.put(section, new PlaceholderSection(section));
        }
        views.forEach(view -> sections.put(view.section(), view));
        showSection(viewModel.selectedSectionProperty().get());
    }

    public Scene createScene() {
        Scene scene = new Scene(root, viewModel.settings().windowWidth, viewModel.settings().windowHeight);
        scene.getStylesheets().add(Theme.stylesheetUrl());
        scene.getAccelerators().put(Shortcuts.CANCEL_TASK.combination(), statusBar::cancelShown);
        scene.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            event.consume();
        });
        scene.setOnDragDropped(event -> {
            boolean accepted = event.getDragboard().hasFiles();
            if (accepted) {
                actions.importDropped(event.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
        return scene;
    }

    /** The section itself (built now if it was not yet shown). */
    public WorkbenchSection sectionView(Section section) {
        WorkbenchSection view = sections.get(section);
        return view instanceof LazySection<?> lazy ? lazy.built() : view;
    }

    public BorderPane root() {
        return root;
    }

    private void build() {
        root.getStyleClass().add("workbench");
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setLeft(navigation());
        WelcomeBanner welcome = new WelcomeBanner(viewModel, actions);
        VBox center = new VBox(welcome, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        root.setCenter(center);
        root.setBottom(statusBar);
        content.getStyleClass().add("section-content");
        content.setId("section-content");
        viewModel.selectedSectionProperty().addListener((obs, old, section) -> showSection(section));
        viewModel.context().projectProperty().addListener((obs, old, project) -> showSection(
                viewModel.selectedSectionProperty().get()));
        viewModel.openingProperty().addListener((obs, old, opening) -> showSection(
                viewModel.selectedSectionProperty().get()));
        showSection(viewModel.selectedSectionProperty().get());
        stage.titleProperty().bind(viewModel.titleProperty());
    }

    private void showSection(Section section) {
        Node node;
        if (viewModel.context().hasProject() && !sections.isEmpty()) {
            WorkbenchSection view = sections.get(section);
            node = view.node();
            view.shown();
        } else {
            // Until the sections are in, an open project shows as still opening.
            node = viewModel.openingProperty().get() || viewModel.context().hasProject() ? openingIndicator()
                    : noProject();
        }
        content.getChildren().setAll(node);
        if (navigation.getSelectionModel().getSelectedItem() != section) {
            navigation.getSelectionModel().select(section);
        }
    }

    private Node openingIndicator() {
        ProgressIndicator indicator = new ProgressIndicator();
        indicator.setMaxSize(48, 48);
        Label label = new Label("Opening the project…");
        VBox box = new VBox(12, indicator, label);
        box.setAlignment(Pos.CENTER);
        box.setId("opening-project");
        return box;
    }

    private Node noProject() {
        return new org.divergence.gui.common.EmptyState(Material2AL.FOLDER_OPEN, "No project open",
                "Open a project (Ctrl+O), create a new one (Ctrl+N), or explore the sample project.")
                .withAction("Open the sample project", viewModel::openSampleProject);
    }

    private Node navigation() {
        navigation.getItems().setAll(Section.values());
        navigation.getStyleClass().add("section-navigation");
        navigation.setId("section-navigation");
        navigation.setPrefWidth(190);
        navigation.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Section section, boolean empty) {
                super.updateItem(section, empty);
                if (empty || section == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                } else {
                    setText(section.title());
                    setGraphic(new FontIcon(section.icon()));
                    setTooltip(new Tooltip(section.purpose() + "  (Ctrl+" + (section.ordinal() + 1) + ")"));
                    setId("nav-" + section.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, section) -> {
            if (section != null) {
                viewModel.selectedSectionProperty().set(section);
            }
        });
        Label heading = new Label("WORKBENCH");
        heading.getStyleClass().add("navigation-heading");
        VBox box = new VBox(heading, navigation);
        box.getStyleClass().add("navigation-pane");
        VBox.setVgrow(navigation, Priority.ALWAYS);
        return box;
    }

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        MenuItem newProject = item("_New Project…", Shortcuts.NEW_PROJECT, viewModel::chooseAndCreateProject);
        MenuItem open = item("_Open Project…", Shortcuts.OPEN_PROJECT, viewModel::chooseAndOpenProject);
        MenuItem sample = item("Open _Sample Project", null, viewModel::openSampleProject);
        MenuItem importItem = item("_Import…", Shortcuts.IMPORT, actions::importFiles);
        importItem.setId("menu-import");
        MenuItem exportItem = item("_Export…", Shortcuts.EXPORT, actions::export);
        exportItem.setId("menu-export");
        exportItem.disableProperty().bind(viewModel.context().projectProperty().isNull());
        MenuItem restore = item("Restore _Backup…", null,
                () -> RestoreBackupDialog.show(stage, viewModel, tasks));
        restore.setId("menu-restore-backup");
        restore.disableProperty().bind(viewModel.context().projectProperty().isNull());
        MenuItem collectItem = item("_Collect from GitHub / Hugging Face…", Shortcuts.COLLECT, actions::collect);
        collectItem.setId("menu-collect");
        MenuItem quit = item("_Quit", Shortcuts.QUIT, stage::close);
        viewModel.recentProjects().addListener((ListChangeListener<Path>) change -> fillRecent());
        fillRecent();
        file.getItems().addAll(newProject, open, recentMenu, sample, new SeparatorMenuItem(), importItem,
                exportItem, collectItem, new SeparatorMenuItem(), restore, new SeparatorMenuItem(), quit);

        Menu edit = new Menu("_Edit");
        MenuItem undo = item("_Undo", Shortcuts.UNDO, viewModel::undo);
        undo.textProperty().bind(viewModel.undoLabelProperty());
        undo.disableProperty().bind(viewModel.canUndoProperty().not());
        MenuItem redo = item("_Redo", Shortcuts.REDO, viewModel::redo);
        redo.textProperty().bind(viewModel.redoLabelProperty());
        redo.disableProperty().bind(viewModel.canRedoProperty().not());
        undo.setId("menu-undo");
        redo.setId("menu-redo");
        edit.getItems().addAll(undo, redo);

        Menu view = new Menu("_View");
        for (Section section : Section.values()) {
            MenuItem go = item(section.title(), Shortcuts.section(section),
                    () -> viewModel.selectedSectionProperty().set(section));
            view.getItems().add(go);
        }
        CheckMenuItem dark = new CheckMenuItem("_Dark Theme");
        dark.setSelected(Theme.of(viewModel.settings().theme).isDark());
        dark.setAccelerator(Shortcuts.DARK_THEME.combination());
        dark.selectedProperty().addListener((obs, old, selected) -> actions.toggleTheme(selected));
        view.getItems().addAll(new SeparatorMenuItem(), dark);

        Menu help = new Menu("_Help");
        MenuItem guide = item("_User Guide", Shortcuts.USER_GUIDE,
                () -> actions.showUserGuide(viewModel.selectedSectionProperty().get()));
        guide.setId("menu-user-guide");
        MenuItem shortcuts = item("_Keyboard Shortcuts", Shortcuts.SHORTCUTS, actions::showShortcuts);
        shortcuts.setId("menu-shortcuts");
        MenuItem about = item("_About " + AppInfo.NAME, null, actions::showAbout);
        about.setId("menu-about");
        help.getItems().addAll(guide, shortcuts, new SeparatorMenuItem(), about);

        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path path : viewModel.recentProjects()) {
            MenuItem item = new MenuItem(path.getFileName() + "  —  " + path.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(event -> viewModel.openProject(path));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private ToolBar toolBar() {
        Button newButton = toolButton(Material2AL.CREATE_NEW_FOLDER, "New project (Ctrl+N)",
                viewModel::chooseAndCreateProject);
        Button openButton = toolButton(Material2AL.FOLDER_OPEN, "Open project (Ctrl+O)",
                viewModel::chooseAndOpenProject);
        Button importButton = toolButton(Material2AL.FILE_UPLOAD, "Import repository samples or transcripts (Ctrl+I)",
                actions::importFiles);
        importButton.setId("toolbar-import");
        Button undoButton = toolButton(Material2MZ.UNDO, "Undo (Ctrl+Z)", viewModel::undo);
        undoButton.disableProperty().bind(viewModel.canUndoProperty().not());
        Button redoButton = toolButton(Material2MZ.REDO, "Redo (Ctrl+Shift+Z)", viewModel::redo);
        redoButton.disableProperty().bind(viewModel.canRedoProperty().not());
        Label project = new Label();
        project.getStyleClass().add("toolbar-project");
        project.textProperty().bind(Bindings.createStringBinding(() -> viewModel.context().hasProject()
                ? viewModel.context().project().name() : "", viewModel.context().projectProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(newButton, openButton, importButton,
                new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
                undoButton, redoButton, spacer, project);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private static Button toolButton(org.kordamp.ikonli.Ikon icon, String tooltip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll("button-icon", "flat");
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(event -> action.run());
        return button;
    }

    private static MenuItem item(String text, Shortcut shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (shortcut != null) {
            item.setAccelerator(shortcut.combination());
        }
        item.setOnAction(event -> action.run());
        return item;
    }
}
