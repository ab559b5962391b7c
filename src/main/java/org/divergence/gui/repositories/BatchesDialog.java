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
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.divergence.core.repositories.ImportBatch;
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
                column("Source", ImportBatch::sourceName, 220),
                column("Format", ImportBatch::format, 80),
                column("Imported", batch -> WHEN.format(batch.importedAt()), 170),
                column("Rows read", batch -> String.format("%,d", batch.rowsRead()), 90),
                column("Added", batch -> String.format("%,d", batch.added()), 80),
                column("Updated", batch -> String.format("%,d", batch.updated()), 80),
                column("Skipped", batch -> String.format("%,d", batch.skipped()), 75),
                column("Current", batch -> String.format("%,d", batch.currentRepositories()), 80),
                column("SHA-256", batch -> batch.sourceSha256() == null ? "—" : batch.sourceSha256(), 180),
                column("Notes", batch -> batch.describeNotes() == null ? "" : batch.describeNotes(), 320)));
        table.setPrefSize(1400, 360);

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
        VBox content = new VBox(10, hint, table, new HBox(remove));
        content.setPadding(new Insets(10));

        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Import batches");
        dialog.setHeaderText("Import batches of " + viewModel.projectName());
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResizable(true);
        viewModel.reload();
        dialog.show();
    }

    private static TableColumn<ImportBatch, String> column(String title, Function<ImportBatch, String> value,
                                                           double width) {
        TableColumn<ImportBatch, String> column = new TableColumn<>(title);
        column.setCellValueFactory(data -> new SimpleStringProperty(value.apply(data.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
