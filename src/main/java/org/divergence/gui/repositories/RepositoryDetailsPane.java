package org.divergence.gui.repositories;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.ImportBatch;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.core.repositories.StoredRepository;
import org.divergence.gui.common.EmptyState;
import org.kordamp.ikonli.material2.Material2AL;

/** Everything about the selected repository: all columns, extra fields, the batch it came from, and its web page. */
final class RepositoryDetailsPane extends ScrollPane {

    private static final DateTimeFormatter IMPORTED = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final VBox content = new VBox(10);
    private final Consumer<String> openUrl;
    private StoredRepository shown;

    RepositoryDetailsPane(RepositoriesViewModel viewModel, Consumer<String> openUrl) {
        this.openUrl = openUrl;
        getStyleClass().add("details-pane");
        setFitToWidth(true);
        setId("repository-details");
        content.setPadding(new Insets(14));
        setContent(content);
        viewModel.selectedProperty().addListener((obs, old, repository) -> show(repository, null));
        viewModel.selectedBatchProperty().addListener((obs, old, batch) -> show(shown, batch));
        show(null, null);
    }

    private void show(StoredRepository repository, ImportBatch batch) {
        shown = repository;
        content.getChildren().clear();
        if (repository == null) {
            EmptyState none = new EmptyState(Material2AL.INFO, "No repository selected",
                    "Select a row to see all its columns, the import batch it came from, and its page on the web.");
            content.getChildren().add(none);
            return;
        }
        RepositoryRow row = repository.row();
        Label title = new Label(row.fullName());
        title.getStyleClass().add("details-title");
        title.setWrapText(true);
        Label kind = new Label(row.platform().displayName() + " · " + row.type().code());
        kind.getStyleClass().add("muted");
        Hyperlink link = new Hyperlink("Open on " + row.platform().displayName());
        link.setTooltip(new Tooltip(repository.webUrl()));
        link.setOnAction(event -> openUrl.accept(repository.webUrl()));
        link.setId("open-on-platform");

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        int line = 0;
        addRow(grid, line++, "created_at", row.createdAt() == null ? null : row.createdAt().replace('T', ' '));
        for (CountColumn column : CountColumn.values()) {
            Long value = row.countOrNull(column);
            addRow(grid, line++, column.column(), value == null ? null : String.format("%,d", value));
        }
        content.getChildren().addAll(title, kind, link, section("Canonical columns"), grid);

        Map<String, Object> extra = row.extra();
        if (!extra.isEmpty()) {
            GridPane extraGrid = new GridPane();
            extraGrid.setHgap(12);
            extraGrid.setVgap(4);
            int extraLine = 0;
            for (Map.Entry<String, Object> field : extra.entrySet()) {
                addRow(extraGrid, extraLine++, field.getKey(), String.valueOf(field.getValue()));
            }
            content.getChildren().addAll(section("Extra fields"), extraGrid);
        }
        content.getChildren().add(section("Import batch"));
        if (batch == null) {
            content.getChildren().add(new Label("…"));
        } else {
            GridPane batchGrid = new GridPane();
            batchGrid.setHgap(12);
            batchGrid.setVgap(4);
            addRow(batchGrid, 0, "source", batch.sourceName());
            addRow(batchGrid, 1, "format", batch.format());
            addRow(batchGrid, 2, "imported", IMPORTED.format(batch.importedAt()));
            addRow(batchGrid, 3, "SHA-256", batch.sourceSha256() == null ? null
                    : batch.sourceSha256().substring(0, 16) + "…");
            if (batch.sourceSha256() != null) {
                batchGrid.getChildren().getLast().setUserData(batch.sourceSha256());
                ((Label) batchGrid.getChildren().getLast()).setTooltip(new Tooltip(batch.sourceSha256()));
            }
            content.getChildren().add(batchGrid);
        }
    }

    private static Label section(String text) {
        Label label = new Label(text.toUpperCase(java.util.Locale.ROOT));
        label.getStyleClass().add("details-section");
        return label;
    }

    private static void addRow(GridPane grid, int row, String name, String value) {
        Label key = new Label(name);
        key.getStyleClass().add("muted");
        key.setMinWidth(Label.USE_PREF_SIZE);
        Label text = new Label(value == null ? "unknown" : value);
        text.setWrapText(true);
        if (value == null) {
            text.getStyleClass().add("unknown-value");
        }
        grid.addRow(row, key, text);
    }
}
