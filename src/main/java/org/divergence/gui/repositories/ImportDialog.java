package org.divergence.gui.repositories;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.divergence.core.repositories.CanonicalColumns;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.exchange.repositories.ImportPreview;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Import repository samples: each file with its detected format and first rows, the options, then a progress bar
 * with Cancel (which leaves the project unchanged) and the outcome.
 */
final class ImportDialog {

    private ImportDialog() {
    }

    static void show(Window owner, ImportViewModel viewModel) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Import repository samples");
        dialog.setHeaderText("Import " + (viewModel.files().size() == 1
                ? viewModel.files().getFirst().getFileName().toString()
                : viewModel.files().size() + " files") + " into the project");
        dialog.setResizable(true);

        ListView<ImportPreview> files = new ListView<>(viewModel.previews());
        files.setPrefWidth(260);
        files.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ImportPreview preview, boolean empty) {
                super.updateItem(preview, empty);
                if (empty || preview == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                String format = preview.format() == null ? "not importable" : preview.format().description();
                setText(preview.file().getFileName() + "\n" + format + " · " + size(preview.sizeBytes()));
                FontIcon icon = new FontIcon(preview.problem() == null ? Material2AL.CHECK_CIRCLE : Material2AL.ERROR);
                icon.getStyleClass().add(preview.problem() == null ? "ok-icon" : "problem-icon");
                setGraphic(icon);
            }
        });
        TableView<RepositoryRow> rows = previewTable();
        Label problem = new Label();
        problem.setWrapText(true);
        problem.getStyleClass().add("problem-text");
        problem.setId("import-problem");
        files.getSelectionModel().selectedItemProperty().addListener((obs, old, preview) -> {
            rows.getItems().setAll(preview == null ? List.of() : preview.rows());
            problem.setText(preview == null || preview.problem() == null ? ""
                    : "Problem in the first rows: " + preview.problem());
        });
        viewModel.previews().addListener((javafx.collections.ListChangeListener<ImportPreview>) change -> {
            if (!viewModel.previews().isEmpty()) {
                files.getSelectionModel().selectFirst();
            }
        });
        Label previewTitle = new Label("First " + ImportViewModel.PREVIEW_ROWS + " rows as they will be imported"
                + " (— = unknown)");
        previewTitle.getStyleClass().add("muted");
        VBox previewBox = new VBox(6, previewTitle, rows, problem);
        VBox.setVgrow(rows, Priority.ALWAYS);
        SplitPane split = new SplitPane(files, previewBox);
        split.setDividerPositions(0.25);
        split.setPrefSize(1000, 420);

        CheckBox skip = new CheckBox("Skip invalid rows (write them, with the reasons, to FILE.rejected.csv)");
        skip.selectedProperty().bindBidirectional(viewModel.skipInvalidProperty());
        skip.setTooltip(new Tooltip("Without this, one invalid row stops the import and nothing is imported"));
        ComboBox<RepoType> hfType = new ComboBox<>();
        hfType.getItems().setAll(null, RepoType.MODEL, RepoType.DATASET, RepoType.SPACE);
        hfType.setButtonCell(typeCell());
        hfType.setCellFactory(list -> typeCell());
        hfType.valueProperty().bindBidirectional(viewModel.huggingFaceTypeProperty());
        hfType.setTooltip(new Tooltip("For every Hugging Face API JSON file or Parquet Hub snapshot of this import,"
                + " when its fields and name do not say what it holds"));
        DatePicker asOf = new DatePicker();
        asOf.setId("import-as-of");
        asOf.setPromptText("none");
        asOf.setPrefWidth(130);
        asOf.valueProperty().bindBidirectional(viewModel.asOfProperty());
        asOf.setTooltip(new Tooltip("The date a population snapshot was taken, recorded with each batch (a Hub"
                + " snapshot's downloads are the 30 days before it)"));
        HBox options = new HBox(16, skip, new Label("Hugging Face type:"), hfType, new Label("Snapshot of:"),
                asOf);
        options.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar(0);
        progress.setMaxWidth(Double.MAX_VALUE);
        Label message = new Label();
        message.getStyleClass().add("muted");
        viewModel.runningProperty().addListener((obs, old, handle) -> {
            if (handle != null) {
                progress.progressProperty().bind(handle.progressProperty());
                message.textProperty().bind(handle.messageProperty());
            }
        });
        VBox progressBox = new VBox(4, progress, message);
        progressBox.visibleProperty().bind(viewModel.stageProperty().isEqualTo(ImportViewModel.Stage.IMPORTING));
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        Label outcome = new Label();
        outcome.setWrapText(true);
        outcome.textProperty().bind(viewModel.outcomeProperty());
        outcome.setId("import-outcome");
        outcome.managedProperty().bind(outcome.textProperty().isNotEmpty());

        VBox content = new VBox(12, split, options, progressBox, outcome);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);

        ButtonType importType = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(importType, cancelType);
        Button importButton = (Button) dialog.getDialogPane().lookupButton(importType);
        importButton.setId("import-start");
        importButton.setGraphic(new FontIcon(Material2AL.FILE_UPLOAD));
        importButton.disableProperty().bind(viewModel.stageProperty().isNotEqualTo(ImportViewModel.Stage.READY));
        importButton.addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            event.consume();
            viewModel.startImport();
        });
        Button cancelButton = (Button) dialog.getDialogPane().lookupButton(cancelType);
        cancelButton.setId("import-cancel");
        cancelButton.textProperty().bind(Bindings.createStringBinding(() -> switch (viewModel.stageProperty().get()) {
            case DONE, FAILED, CANCELLED -> "Close";
            default -> "Cancel";
        }, viewModel.stageProperty()));
        cancelButton.addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            if (viewModel.stageProperty().get() == ImportViewModel.Stage.IMPORTING) {
                event.consume();
                viewModel.cancel();
            }
        });
        dialog.getDialogPane().setGraphic(new FontIcon(Material2MZ.TABLE_CHART));
        viewModel.loadPreviews();
        dialog.show();
    }

    private static ListCell<RepoType> typeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(RepoType type, boolean empty) {
                super.updateItem(type, empty);
                setText(empty ? null : type == null ? "from the file" : type.code());
            }
        };
    }

    private static TableView<RepositoryRow> previewTable() {
        TableView<RepositoryRow> table = new TableView<>();
        table.setId("import-preview");
        table.setPlaceholder(new Label("No rows to show."));
        List<TableColumn<RepositoryRow, String>> columns = new ArrayList<>();
        columns.add(column(CanonicalColumns.PLATFORM, row -> row.platform().code(), 90));
        columns.add(column(CanonicalColumns.REPO_TYPE, row -> row.type().code(), 70));
        columns.add(column(CanonicalColumns.FULL_NAME, RepositoryRow::fullName, 220));
        columns.add(column(CanonicalColumns.CREATED_AT, RepositoryRow::createdAt, 150));
        for (CountColumn count : CountColumn.values()) {
            columns.add(column(count.column(), row -> row.isKnown(count) ? String.format("%,d", row.count(count))
                    : null, 90));
        }
        columns.add(column("extra", row -> row.extra().isEmpty() ? null : describe(row.extra()), 200));
        table.getColumns().setAll(columns);
        return table;
    }

    private static String describe(Map<String, Object> extra) {
        StringBuilder text = new StringBuilder();
        extra.forEach((key, value) -> text.append(text.isEmpty() ? "" : "; ").append(key).append('=').append(value));
        return text.toString();
    }

    private static TableColumn<RepositoryRow, String> column(String title, Function<RepositoryRow, String> value,
                                                             double width) {
        TableColumn<RepositoryRow, String> column = new TableColumn<>(title);
        column.setSortable(false);
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> {
            String text = value.apply(data.getValue());
            return new SimpleStringProperty(text == null ? "—" : text);
        });
        return column;
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
