package org.divergence.gui.repositories;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.SortKey;
import org.divergence.core.repositories.StoredRepository;
import org.divergence.gui.common.EmptyState;
import org.divergence.gui.common.FeatureServices;
import org.divergence.gui.common.FrozenColumn;
import org.divergence.gui.tags.RepositoryTagging;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Repositories screen: a filterable, sortable table over the whole project, with a details pane. */
public final class RepositoriesView {

    private final RepositoriesViewModel viewModel;
    private final FeatureServices services;
    private final StackPane root = new StackPane();
    private final TableView<StoredRepository> table = new TableView<>();
    private final TextField search = new TextField();
    private final RepositoryTagging tagging;

    public RepositoriesView(FeatureServices services, RepositoriesViewModel viewModel, Consumer<String> openUrl) {
        this.services = services;
        this.viewModel = viewModel;
        this.tagging = new RepositoryTagging(services, viewModel, table);
        BorderPane content = new BorderPane();
        content.setTop(filterBar());
        RepositoryDetailsPane details = new RepositoryDetailsPane(viewModel, openUrl);
        details.setMinWidth(260);
        SplitPane split = new SplitPane(table, details);
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(split.getItems().get(1), false);
        content.setCenter(split);
        content.setBottom(statusLine());
        buildTable();

        EmptyState empty = new EmptyState(Material2AL.FOLDER_OPEN, "No repositories yet",
                "Import a repository sample (File → Import…, Ctrl+I, or drop files on the window): CSV or JSON Lines"
                        + " in the study's canonical columns, or JSON saved from the GitHub or Hugging Face API;"
                        + " or collect repositories live from the APIs.")
                .withAction("Import a repository sample…", () -> services.importHandler().chooseAndImport())
                .withAction("Collect from GitHub / Hugging Face…", () -> services.collectHandler().run());
        empty.setId("repositories-empty");
        empty.visibleProperty().bind(viewModel.emptyProperty().and(viewModel.loadingProperty().not()));
        content.visibleProperty().bind(empty.visibleProperty().not());
        root.getChildren().addAll(content, empty);
        root.setId("repositories-view");

        services.context().projectProperty().addListener((obs, old, project) -> viewModel.setProject(project));
        services.context().addDataListener(viewModel::dataChanged);
        viewModel.setProject(services.context().project());
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        () -> {
                            if (root.isVisible() && root.getScene() != null) {
                                search.requestFocus();
                            }
                        });
            }
        });
    }


    public Node node() {
        return root;
    }

    public RepositoriesViewModel viewModel() {
        return viewModel;
    }

    private Node filterBar() {
        ComboBox<Platform> platform = new ComboBox<>();
        platform.getItems().setAll(null, Platform.GITHUB, Platform.HUGGINGFACE);
        platform.setButtonCell(cell(p -> p == null ? "All platforms" : p.displayName()));
        platform.setCellFactory(list -> cell(p -> p == null ? "All platforms" : p.displayName()));
        platform.valueProperty().bindBidirectional(viewModel.platformProperty());
        platform.setTooltip(new Tooltip("Show one platform's repositories"));
        platform.setId("filter-platform");
        platform.setPrefWidth(132);

        ComboBox<RepoType> type = new ComboBox<>();
        type.getItems().setAll(null, RepoType.CODE, RepoType.MODEL, RepoType.DATASET, RepoType.SPACE);
        type.setButtonCell(cell(t -> t == null ? "All types" : t.code()));
        type.setCellFactory(list -> cell(t -> t == null ? "All types" : t.code()));
        type.valueProperty().bindBidirectional(viewModel.typeProperty());
        type.setTooltip(new Tooltip("code (GitHub); model, dataset or space (Hugging Face)"));
        type.setId("filter-type");
        type.setPrefWidth(108);

        DatePicker from = datePicker("Created on or after", viewModel.createdFromProperty());
        DatePicker to = datePicker("Created on or before", viewModel.createdToProperty());

        search.setPromptText("Filter by name…");
        search.setTooltip(new Tooltip("Show the repositories whose name contains this text (Ctrl+F)"));
        search.setPrefColumnCount(18);
        search.setId("filter-name");
        search.textProperty().bindBidirectional(viewModel.nameContainsProperty());
        PauseTransition typing = new PauseTransition(Duration.millis(300));
        typing.setOnFinished(event -> viewModel.refresh());
        search.textProperty().addListener((obs, old, text) -> typing.playFromStart());

        Button clear = new Button("Clear");
        clear.setTooltip(new Tooltip("Show all repositories"));
        clear.setOnAction(event -> viewModel.clearFilters());
        clear.getStyleClass().add("flat");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button batches = iconButton(Material2AL.HISTORY);
        batches.setTooltip(new Tooltip("Import batches: the source file (SHA-256) and counts behind these numbers;"
                + " remove a batch"));
        batches.setOnAction(event -> BatchesDialog.show(root.getScene().getWindow(), services));
        batches.setId("show-batches");
        Button export = iconButton(Material2MZ.SAVE_ALT);
        export.setTooltip(new Tooltip("Write the repositories shown (with this filter) as CSV or JSON Lines"));
        export.setOnAction(event -> RepositoryExportAction.run(services, viewModel.filter()));
        Button draw = iconButton(Material2AL.CASINO);
        draw.setTooltip(new Tooltip("Draw a sample… : a seeded, stratified random sample of these repositories"
                + " (the platform and type chosen here), written as an id list to collect"));
        draw.setOnAction(event -> DrawDialog.show(root.getScene().getWindow(), services, viewModel.filter()));
        draw.setId("draw-sample");
        Button importButton = iconButton(Material2AL.FILE_UPLOAD);
        importButton.setTooltip(new Tooltip("Import repository samples (Ctrl+I)"));
        importButton.setOnAction(event -> services.importHandler().chooseAndImport());

        Button collect = iconButton(Material2AL.CLOUD_DOWNLOAD);
        collect.setTooltip(new Tooltip("Collect repositories live from GitHub or Hugging Face (Ctrl+Shift+L)"));
        collect.setOnAction(event -> services.collectHandler().run());
        collect.setId("collect-button");

        Label created = new Label("Created");
        Label dash = new Label("–");
        // 6 px apart and a name field that gives way first: the bar fits a 1280-pixel window beside the navigation.
        HBox bar = new HBox(6, platform, type, tagging.filter(), created, from, dash, to, search, clear,
                spacer, batches, draw, export, importButton, collect);
        for (Node node : bar.getChildren()) {
            if (node instanceof Region region && node != spacer && node != search) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        search.setMinWidth(96);
        HBox.setHgrow(search, Priority.SOMETIMES);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 12, 10, 12));
        // What a chart click added goes on its own line below, so the bar keeps its width.
        Node linked = linkedChip();
        VBox top = new VBox(bar, linked);
        top.getStyleClass().add("filter-bar");
        return top;
    }

    /** Shows what a chart click added beyond the filter bar (a metric range, several types), with × to drop it. */
    private Node linkedChip() {
        Label text = new Label();
        text.setId("filter-linked");
        text.textProperty().bind(Bindings.createStringBinding(() ->
                viewModel.linkedProperty().get() == null ? "" : viewModel.linkedProperty().get().describe(),
                viewModel.linkedProperty()));
        Tooltip full = new Tooltip();
        full.textProperty().bind(Bindings.concat("From a chart: only repositories where ", text.textProperty()));
        text.setTooltip(full);
        Button remove = new Button(null, new FontIcon(Material2AL.CLOSE));
        remove.getStyleClass().addAll("flat", "small", "button-icon");
        remove.setTooltip(new Tooltip("Drop this condition"));
        remove.setOnAction(event -> viewModel.linkedProperty().set(null));
        HBox chip = new HBox(2, new FontIcon(Material2MZ.SHOW_CHART), new Label("From a chart:"), text, remove);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("linked-filter");
        chip.setMaxWidth(Region.USE_PREF_SIZE);
        VBox.setMargin(chip, new Insets(0, 12, 8, 12));
        chip.visibleProperty().bind(viewModel.linkedProperty().isNotNull());
        chip.managedProperty().bind(chip.visibleProperty());
        return chip;
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().add("button-icon");
        return button;
    }

    private static DatePicker datePicker(String tooltip, javafx.beans.property.ObjectProperty<LocalDate> value) {
        DatePicker picker = new DatePicker();
        picker.setPrefWidth(120);
        picker.setPromptText("any date");
        picker.setTooltip(new Tooltip(tooltip));
        picker.valueProperty().bindBidirectional(value);
        return picker;
    }

    private static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : text.apply(item));
            }
        };
    }

    private Node statusLine() {
        Label status = new Label();
        status.textProperty().bind(viewModel.statusProperty());
        status.getStyleClass().add("muted");
        status.setId("repositories-status");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(viewModel.loadingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(8, busy, status, spacer, tagging.selectionActions());
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(4, 12, 4, 12));
        return line;
    }

    private void buildTable() {
        table.setId("repositories-table");
        table.setFixedCellSize(26);
        table.setPlaceholder(new Label("No repository matches these filters."));
        table.setTableMenuButtonVisible(true);
        TableColumn<StoredRepository, String> name = textColumn("Name", SortKey.FULL_NAME, 260,
                repository -> repository.row().fullName());
        TableColumn<StoredRepository, String> platform = textColumn("Platform", SortKey.PLATFORM, 105,
                repository -> repository.row().platform().displayName());
        TableColumn<StoredRepository, String> type = textColumn("Type", SortKey.REPO_TYPE, 75,
                repository -> repository.row().type().code());
        TableColumn<StoredRepository, String> created = textColumn("Created", SortKey.CREATED_AT, 105,
                repository -> repository.row().createdAt() == null ? null
                        : repository.row().createdAt().substring(0, Math.min(10, repository.row().createdAt().length())));
        table.getColumns().addAll(List.of(name, platform, type, created, tagging.column()));
        FrozenColumn.install(table, name);
        for (CountColumn count : CountColumn.values()) {
            table.getColumns().add(countColumn(count));
        }
        table.itemsProperty().bind(Bindings.createObjectBinding(() -> {
            ObservableList<StoredRepository> rows = viewModel.rowsProperty().get();
            return rows == null ? javafx.collections.FXCollections.observableArrayList() : rows;
        }, viewModel.rowsProperty()));
        table.setSortPolicy(view -> {
            if (view.getSortOrder().isEmpty()) {
                viewModel.sortBy(SortKey.IMPORT_ORDER, true);
            } else {
                TableColumn<StoredRepository, ?> column = view.getSortOrder().getFirst();
                viewModel.sortBy((SortKey) column.getUserData(),
                        column.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, repository) ->
                viewModel.selectedProperty().set(repository));
        // A new listing unselects before it replaces the rows: otherwise the table would look the old row up in
        // the new listing (a scan of every row) and select it out of view, the details pane still showing it.
        viewModel.selectedProperty().addListener((obs, old, repository) -> {
            if (repository == null) {
                table.getSelectionModel().clearSelection();
            }
        });
    }

    private static TableColumn<StoredRepository, String> textColumn(String title, SortKey key, double width,
                                                                    Function<StoredRepository, String> value) {
        TableColumn<StoredRepository, String> column = new TableColumn<>(title);
        column.setUserData(key);
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> new javafx.beans.property.SimpleStringProperty(
                data.getValue() == null ? null : value.apply(data.getValue())));
        column.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("unknown-value");
                if (empty) {
                    setText(null);
                } else if (item == null) {
                    setText("—");
                    getStyleClass().add("unknown-value");
                } else {
                    setText(item);
                }
            }
        });
        return column;
    }

    private static TableColumn<StoredRepository, Long> countColumn(CountColumn count) {
        SortKey key = SortKey.of(count);
        TableColumn<StoredRepository, Long> column = new TableColumn<>(key.label());
        column.setUserData(key);
        column.setPrefWidth(Math.max(80, key.label().length() * 8 + 24));
        column.setCellValueFactory(data -> new javafx.beans.property.SimpleObjectProperty<>(
                data.getValue() == null ? null : data.getValue().row().countOrNull(count)));
        column.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("unknown-value");
                setAlignment(Pos.CENTER_RIGHT);
                if (empty) {
                    setText(null);
                } else if (item == null) {
                    setText("—");
                    getStyleClass().add("unknown-value");
                } else {
                    setText(String.format(Locale.ROOT, "%,d", item));
                }
            }
        });
        return column;
    }
}
