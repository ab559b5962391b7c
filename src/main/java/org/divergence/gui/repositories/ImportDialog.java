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
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.divergence.core.repositories.CanonicalColumns;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.exchange.repositories.ColumnMapping;
import org.divergence.gui.common.DialogSizes;
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
        files.setId("import-files");
        files.setPrefWidth(260);
        files.setMinWidth(210);
        files.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ImportPreview preview, boolean empty) {
                super.updateItem(preview, empty);
                if (empty || preview == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                String format = preview.format() == null ? "not importable" : preview.format().description();
                setText(preview.file().getFileName() + "\n" + format + " · " + size(preview.sizeBytes()));
                setTooltip(new Tooltip(preview.file().toString()));
                FontIcon icon = new FontIcon(preview.problem() == null ? Material2AL.CHECK_CIRCLE
                        : preview.fileProblem() ? Material2AL.ERROR : Material2MZ.WARNING);
                icon.getStyleClass().add(preview.problem() == null ? "ok-icon" : "problem-icon");
                setGraphic(icon);
            }
        });
        TableView<RepositoryRow> rows = previewTable();
        Label problem = new Label();
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.getStyleClass().add("problem-text");
        problem.setId("import-problem");
        TitledPane mappingPane = new TitledPane();
        mappingPane.setId("import-mapping");
        mappingPane.setText("Map columns: this file names some canonical columns differently");
        mappingPane.setCollapsible(false);
        Runnable showSelected = () -> {
            ImportPreview preview = files.getSelectionModel().getSelectedItem();
            rows.getItems().setAll(preview == null ? List.of() : preview.rows());
            problem.setText(describeProblem(preview, viewModel.skipInvalidProperty().get()));
            List<String> missing = preview == null ? List.of() : viewModel.missingColumns(preview);
            mappingPane.setVisible(!missing.isEmpty());
            mappingPane.setManaged(!missing.isEmpty());
            if (!missing.isEmpty()) {
                mappingPane.setContent(mappingGrid(viewModel, preview.header(), missing));
            }
        };
        files.getSelectionModel().selectedItemProperty().addListener((obs, old, preview) -> showSelected.run());
        viewModel.skipInvalidProperty().addListener((obs, old, skip) -> showSelected.run());
        viewModel.previews().addListener((javafx.collections.ListChangeListener<ImportPreview>) change -> {
            int shown = Math.max(0, files.getSelectionModel().getSelectedIndex());
            if (!viewModel.previews().isEmpty()) {
                files.getSelectionModel().select(Math.min(shown, viewModel.previews().size() - 1));
                showSelected.run();
            }
        });
        Label previewTitle = new Label("First " + ImportViewModel.PREVIEW_ROWS + " rows as they will be imported"
                + " (— = unknown)");
        previewTitle.getStyleClass().add("muted");
        VBox previewBox = new VBox(6, previewTitle, rows, mappingPane, problem);
        VBox.setVgrow(rows, Priority.ALWAYS);
        SplitPane split = new SplitPane(files, previewBox);
        split.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(files, false);

        CheckBox skip = new CheckBox("Skip invalid rows (write them, with the reasons, to FILE.rejected.csv)");
        skip.setId("import-skip-invalid");
        skip.selectedProperty().bindBidirectional(viewModel.skipInvalidProperty());
        skip.setTooltip(new Tooltip("Without this, one invalid row stops the import and nothing is imported"));
        skip.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<RepoType> hfType = new ComboBox<>();
        hfType.getItems().setAll(null, RepoType.MODEL, RepoType.DATASET, RepoType.SPACE);
        hfType.setButtonCell(typeCell());
        hfType.setCellFactory(list -> typeCell());
        hfType.valueProperty().bindBidirectional(viewModel.huggingFaceTypeProperty());
        hfType.setTooltip(new Tooltip("For every Hugging Face API JSON file or Parquet Hub snapshot of this import,"
                + " when its fields and name do not say what it holds"));
        hfType.setMinWidth(Region.USE_PREF_SIZE);
        Label hfLabel = new Label("Hugging Face type:");
        hfLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox hf = new HBox(8, hfLabel, hfType);
        hf.setAlignment(Pos.CENTER_LEFT);
        DatePicker asOf = new DatePicker();
        asOf.setId("import-as-of");
        asOf.setPromptText("none");
        asOf.setPrefWidth(130);
        asOf.valueProperty().bindBidirectional(viewModel.asOfProperty());
        asOf.setTooltip(new Tooltip("The date a population snapshot was taken, recorded with each batch (a Hub"
                + " snapshot's downloads are the 30 days before it)"));
        Label asOfLabel = new Label("Snapshot of:");
        asOfLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox snapshot = new HBox(8, asOfLabel, asOf);
        snapshot.setAlignment(Pos.CENTER_LEFT);
        FlowPane options = new FlowPane(24, 8, skip, hf, snapshot);
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
        VBox.setVgrow(split, Priority.ALWAYS);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);
        DialogSizes.fit(dialog, 1040, 660);

        ButtonType importType = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(importType, cancelType);
        Button importButton = (Button) dialog.getDialogPane().lookupButton(importType);
        importButton.setId("import-start");
        importButton.setGraphic(new FontIcon(Material2AL.FILE_UPLOAD));
        importButton.disableProperty().bind(viewModel.canImportProperty().not());
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

    /** What the selected file's problem means for the import. */
    static String describeProblem(ImportPreview preview, boolean skipInvalid) {
        if (preview == null || preview.problem() == null) {
            return "";
        }
        if (preview.fileProblem()) {
            return "This file cannot be imported as it is: " + preview.problem();
        }
        return "An invalid row: " + preview.problem() + (skipInvalid
                ? "\nInvalid rows are skipped and written, with their reasons, beside the file."
                : "\nTick \u201CSkip invalid rows\u201D to import the others, or fix the file.");
    }

    /** Per canonical column the file lacks, a choice of the file's columns (or none, where that is allowed). */
    private static VBox mappingGrid(ImportViewModel viewModel, List<String> header, List<String> missing) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        List<String> candidates = header.stream().filter(name -> !CanonicalColumns.isCanonical(name)).toList();
        ColumnMapping mapping = viewModel.mapping(header);
        for (int i = 0; i < missing.size(); i++) {
            String canonical = missing.get(i);
            Label label = new Label(canonical + (ColumnMapping.isRequired(canonical) ? " *" : ""));
            label.setMinWidth(Region.USE_PREF_SIZE);
            ComboBox<String> choice = new ComboBox<>();
            choice.setId("map-" + canonical);
            choice.getItems().setAll(candidates);
            if (!ColumnMapping.isRequired(canonical)) {
                choice.getItems().add(ColumnMapping.ABSENT);
            }
            choice.setCellFactory(list -> sourceCell());
            choice.setButtonCell(sourceCell());
            choice.setPromptText("choose a column");
            choice.setPrefWidth(170);
            choice.setValue(mapping.source(canonical).orElse(null));
            choice.valueProperty().addListener((obs, old, source) -> viewModel.mapColumn(header, canonical, source));
            grid.add(label, (i % 3) * 2, i / 3);
            grid.add(choice, (i % 3) * 2 + 1, i / 3);
        }
        Label hint = new Label("* every row needs it. A count the file does not have can be \u201Cnot in this file\u201D:"
                + " it is then unknown for every row. Remembered for files with the same columns.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        // Below the grid, not in it: a wrapped label spanning grid columns gets one line's height.
        hint.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(8, grid, hint);
    }

    private static ListCell<String> sourceCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String source, boolean empty) {
                super.updateItem(source, empty);
                setText(empty || source == null ? null
                        : ColumnMapping.ABSENT.equals(source) ? "not in this file" : source);
            }
        };
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
        columns.add(column("extra", row -> row.extraJson() != null ? row.extraJson()
                : row.extra().isEmpty() ? null : describe(row.extra()), 200));
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
