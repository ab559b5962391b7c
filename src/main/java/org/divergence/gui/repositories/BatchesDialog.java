package org.divergence.gui.repositories;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.divergence.core.repositories.ImportBatch;
import org.divergence.gui.common.DialogSizes;
import org.divergence.gui.common.FeatureServices;
import org.divergence.store.project.Project;

/** The import batches of the project (provenance of every number), with "Remove batch…". */
final class BatchesDialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private BatchesDialog() {
    }

    static void show(Window owner, FeatureServices services) {
        Project project = services.context().project();
        if (project == null) {
            return;
        }
        BatchesViewModel viewModel = new BatchesViewModel(project, services.tasks());
        TableView<ImportBatch> table = new TableView<>(viewModel.batches());
        table.setId("batches-table");
        table.setPlaceholder(new Label("Nothing has been imported into this project yet."));
        table.getColumns().addAll(List.of(
                column("#", batch -> Long.toString(batch.id()), 45),
                column("Source", ImportBatch::sourceName, 200),
                column("Format", ImportBatch::format, 80),
                column("Imported", batch -> WHEN.format(batch.importedAt()), 200),
                column("Rows read", batch -> String.format("%,d", batch.rowsRead()), 90),
                column("Added", batch -> String.format("%,d", batch.added()), 80),
                column("Updated", batch -> String.format("%,d", batch.updated()), 80),
                column("Skipped", batch -> String.format("%,d", batch.skipped()), 75),
                column("Current", batch -> String.format("%,d", batch.currentRepositories()), 80),
                shaColumn(),
                column("Notes", batch -> batch.describeNotes() == null ? "" : batch.describeNotes(), 200)));
        // Each column at least as wide as its heading: the table scrolls rather than cutting one.
        table.getColumns().forEach(column -> column.setMinWidth(column.getPrefWidth()));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button remove = new Button("Remove batch…");
        remove.setTooltip(new Tooltip("Undo this import: repositories it added are deleted, repositories it updated"
                + " get back their previous values"));
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> {
            ImportBatch batch = table.getSelectionModel().getSelectedItem();
            String question = String.format("Remove the import of %s (%s)? %,d repositories it added will be"
                    + " deleted and %,d it updated get back their previous values.", batch.sourceName(),
                    WHEN.format(batch.importedAt()), batch.added(), batch.updated());
            if (services.dialogs().confirm("Remove import batch", question, "Remove batch")) {
                viewModel.remove(batch);
            }
        });
        Label hint = new Label("Each import is a batch: numbers can be traced to the exact file (SHA-256) they"
                + " came from.");
        hint.getStyleClass().add("muted");
        Button copy = new Button("Copy SHA-256");
        copy.setTooltip(new Tooltip("Copy the selected batch's full SHA-256, to check it against the file"));
        copy.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(event -> {
            String sha = table.getSelectionModel().getSelectedItem().sourceSha256();
            ClipboardContent clip = new ClipboardContent();
            clip.putString(sha == null ? "" : sha);
            Clipboard.getSystemClipboard().setContent(clip);
        });
        VBox content = new VBox(10, hint, table, new HBox(8, remove, copy));
        content.setPadding(new Insets(10));

        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Import batches");
        dialog.setHeaderText("Import batches of " + viewModel.projectName());
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        DialogSizes.fit(dialog, 1380, 480);
        viewModel.reload();
        dialog.show();
    }

    /** The start of the hash (enough to tell files apart), the whole of it on hover and through Copy. */
    private static TableColumn<ImportBatch, String> shaColumn() {
        TableColumn<ImportBatch, String> column = column("SHA-256", batch -> batch.sourceSha256() == null ? "—"
                : batch.sourceSha256().substring(0, Math.min(16, batch.sourceSha256().length())) + "…", 170);
        column.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                ImportBatch batch = empty ? null : getTableRow().getItem();
                setTooltip(batch == null || batch.sourceSha256() == null ? null : new Tooltip(batch.sourceSha256()));
            }
        });
        return column;
    }

    private static TableColumn<ImportBatch, String> column(String title, Function<ImportBatch, String> value,
                                                           double width) {
        TableColumn<ImportBatch, String> column = new TableColumn<>(title);
        column.setCellValueFactory(data -> new SimpleStringProperty(value.apply(data.getValue())));
        // At least as wide as its bold heading with the sort arrow.
        column.setPrefWidth(Math.max(width, title.length() * 9 + 28));
        return column;
    }
}
