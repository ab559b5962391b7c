package org.divergence.gui.tags;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.repositories.StoredRepository;
import org.divergence.core.tags.FactorTag;
import org.divergence.core.tags.TagUsage;
import org.divergence.gui.common.FeatureServices;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * What the Repositories screen gets from the tags feature: rows selected several at a time, a Tags column, a tag
 * filter, a Tag… button (Ctrl+T) and the row menu's Tag… and Tag rules… items.
 */
public final class RepositoryTagging {

    static final KeyCombination TAG_SHORTCUT = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);

    private final FeatureServices services;
    private final TaggableRepositories repositories;
    private final TableView<StoredRepository> table;
    private final TaggingViewModel viewModel;

    public RepositoryTagging(FeatureServices services, TaggableRepositories repositories,
                             TableView<StoredRepository> table) {
        this.services = services;
        this.repositories = repositories;
        this.table = table;
        this.viewModel = new TaggingViewModel(services.context(), services.tasks());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setContextMenu(contextMenu());
        table.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(TAG_SHORTCUT, () -> {
                    if (table.isVisible() && table.getScene() != null && table.getParent() != null
                            && isShowing(table)) {
                        openTagDialog();
                    }
                });
            }
        });
    }

    public TaggingViewModel viewModel() {
        return viewModel;
    }

    /** A combo box: any tag, or only repositories carrying one code (those in use are listed, with counts). */
    public Node filter() {
        ComboBox<FactorTag> filter = new ComboBox<>();
        filter.setId("filter-tag");
        // Compact (the filter bar has no room to spare): the button shows the tag's colour, the list its name,
        // and the status line says "tagged NAME".
        filter.setPrefWidth(64);
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> filter.getValue() == null
                ? "Show only the repositories carrying a tag (a code of the codebook, given by hand or by a rule)"
                : "Showing the repositories tagged \u201C" + filter.getValue().path() + "\u201D", filter.valueProperty()));
        filter.setTooltip(tooltip);
        Runnable fill = () -> {
            RepositoryFilter.Tag current = repositories.tagProperty().get();
            List<FactorTag> used = viewModel.usage().stream()
                    .filter(usage -> usage.repositories() > 0 || current != null
                            && usage.tag().codeId() == current.codeId())
                    .map(TagUsage::tag).toList();
            java.util.ArrayList<FactorTag> items = new java.util.ArrayList<>();
            items.add(null);
            items.addAll(used);
            if (!filter.getItems().equals(items)) {
                filter.getItems().setAll(items);
            }
            filter.setValue(current == null ? null : used.stream().filter(tag -> tag.codeId() == current.codeId())
                    .findFirst().orElse(null));
        };
        viewModel.usage().addListener((javafx.collections.ListChangeListener<TagUsage>) change -> fill.run());
        repositories.tagProperty().addListener((obs, old, tag) -> fill.run());
        fill.run();
        filter.valueProperty().addListener((obs, old, tag) -> {
            RepositoryFilter.Tag wanted = tag == null ? null : new RepositoryFilter.Tag(tag.codeId(), tag.name());
            if (!java.util.Objects.equals(wanted, repositories.tagProperty().get())) {
                repositories.tagProperty().set(wanted);
            }
        });
        filter.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(FactorTag tag, boolean empty) {
                super.updateItem(tag, empty);
                setText(null);
                setGraphic(empty ? null : tag == null ? new FontIcon(Material2AL.LABEL) : TagChips.swatch(tag));
            }
        });
        filter.setCellFactory(list -> filterCell());
        return filter;
    }

    private ListCell<FactorTag> filterCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(FactorTag tag, boolean empty) {
                super.updateItem(tag, empty);
                if (empty) {
                    setText(null);
                    setGraphic(null);
                } else if (tag == null) {
                    setText("All tags");
                    setGraphic(new FontIcon(Material2AL.LABEL));
                } else {
                    long count = viewModel.usage().stream().filter(usage -> usage.tag().codeId() == tag.codeId())
                            .mapToLong(TagUsage::repositories).findFirst().orElse(0);
                    setText(tag.name() + String.format(" (%,d)", count));
                    setGraphic(TagChips.swatch(tag));
                }
            }
        };
    }

    /** For the status line: how many rows are selected, Tag… (Ctrl+T) and Tag rules…. */
    public Node selectionActions() {
        Label selected = new Label();
        selected.getStyleClass().add("muted");
        selected.setId("tag-selection-count");
        Runnable count = () -> {
            int rows = table.getSelectionModel().getSelectedIndices().size();
            selected.setText(rows < 2 ? "" : String.format("%,d selected", rows));
        };
        table.getSelectionModel().getSelectedIndices().addListener(
                (javafx.collections.ListChangeListener<Integer>) change -> count.run());
        Button tag = new Button("Tag…", new FontIcon(Material2AL.LABEL));
        tag.setId("tag-button");
        tag.getStyleClass().addAll("small", "flat");
        tag.setTooltip(new Tooltip("Tag the selected repositories (or all shown) with a code of the codebook"
                + " (Ctrl+T)"));
        tag.setOnAction(event -> openTagDialog());
        Button rules = new Button("Tag rules…", new FontIcon(Material2MZ.RULE));
        rules.setId("tag-rules-button");
        rules.getStyleClass().addAll("small", "flat");
        rules.setTooltip(new Tooltip("Tag repositories by a rule on their columns, kept up to date after every"
                + " import"));
        rules.setOnAction(event -> openRules());
        Label done = new Label();
        done.setId("tag-status");
        done.getStyleClass().add("muted");
        done.textProperty().bind(viewModel.statusProperty());
        HBox actions = new HBox(6, done, selected, tag, rules);
        actions.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        return actions;
    }

    /** The Tags column: each repository's tags as chips in their code's colour. */
    public TableColumn<StoredRepository, StoredRepository> column() {
        TableColumn<StoredRepository, StoredRepository> column = new TableColumn<>("Tags");
        column.setId("tags-column");
        column.setSortable(false);
        column.setPrefWidth(180);
        column.setCellValueFactory(data -> new javafx.beans.property.SimpleObjectProperty<>(data.getValue()));
        column.setCellFactory(col -> new TableCell<>() {
            {
                viewModel.revisionProperty().addListener((obs, old, now) -> show());
            }

            @Override
            protected void updateItem(StoredRepository repository, boolean empty) {
                super.updateItem(repository, empty);
                show();
            }

            private void show() {
                StoredRepository repository = isEmpty() ? null : getItem();
                if (repository == null || getTableView() == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                List<FactorTag> tags = viewModel.tagsAt(getIndex(), getTableView().getItems().size(),
                        index -> {
                            StoredRepository row = index >= 0 && index < getTableView().getItems().size()
                                    ? getTableView().getItems().get(index) : null;
                            return row == null ? null : row.id();
                        });
                setGraphic(tags.isEmpty() ? null : TagChips.of(tags));
                if (tags.isEmpty()) {
                    setTooltip(null);
                } else {
                    // Why it carries each tag is read only when the tooltip shows.
                    Tooltip why = new Tooltip(String.join("\n", tags.stream().map(FactorTag::path).toList()));
                    long id = repository.id();
                    why.setOnShowing(event -> why.setText(viewModel.describe(id)));
                    setTooltip(why);
                }
            }
        });
        Label header = new Label("Tags");
        header.setTooltip(new Tooltip("Codes of the codebook the repository carries as tags, by hand or by rule"));
        column.setGraphic(header);
        column.setText(null);
        return column;
    }

    private ContextMenu contextMenu() {
        MenuItem tag = new MenuItem("Tag…", new FontIcon(Material2AL.LABEL));
        tag.setAccelerator(TAG_SHORTCUT);
        tag.setOnAction(event -> openTagDialog());
        MenuItem rules = new MenuItem("Tag rules…", new FontIcon(Material2MZ.RULE));
        rules.setOnAction(event -> openRules());
        MenuItem filterBy = new MenuItem("Show only repositories with this tag");
        filterBy.setOnAction(event -> {
            StoredRepository row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                List<FactorTag> tags = viewModel.tagsAt(table.getSelectionModel().getSelectedIndex(),
                        table.getItems().size(), index -> row.id());
                if (!tags.isEmpty()) {
                    repositories.tagProperty().set(new RepositoryFilter.Tag(tags.getFirst().codeId(),
                            tags.getFirst().name()));
                }
            }
        });
        return new ContextMenu(tag, rules, new SeparatorMenuItem(), filterBy);
    }

    /** Opens the tag dialog for the selected rows (or, as its other choice, all rows shown). */
    public void openTagDialog() {
        if (!services.context().hasProject()) {
            return;
        }
        long[] selected = repositories.idsAt(List.copyOf(table.getSelectionModel().getSelectedIndices()));
        TagDialog.show(table.getScene().getWindow(), viewModel, selected, repositories::shownIds,
                repositories.matchingProperty().get(), this::openRules);
    }

    /** Opens the tag rules dialog. */
    public void openRules() {
        openRules(null);
    }

    /** Opens the tag rules dialog with a code chosen for a new rule (null: none yet). */
    public void openRules(FactorTag tag) {
        if (!services.context().hasProject()) {
            return;
        }
        RuleEditorViewModel editor = new RuleEditorViewModel(services.context(), services.tasks());
        editor.tagProperty().set(tag);
        RulesDialog.show(table.getScene().getWindow(), editor, viewModel, services.dialogs());
    }

    private static boolean isShowing(Node node) {
        for (Node current = node; current != null; current = current.getParent()) {
            if (!current.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
