package org.divergence.gui.shell;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.divergence.core.project.ProjectSummary;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.store.project.Backups;

/** File → Restore Backup…: the project's backups, what each contains, and Restore. */
final class RestoreBackupDialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private RestoreBackupDialog() {
    }

    static void show(Window owner, MainViewModel viewModel, TaskExecutor tasks) {
        List<Backups.Backup> backups = viewModel.backups();
        ListView<Backups.Backup> list = new ListView<>();
        list.getItems().setAll(backups);
        list.setId("backup-list");
        list.setPrefSize(300, 260);
        list.setPlaceholder(new Label("No backups of this project yet."));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Backups.Backup backup, boolean empty) {
                super.updateItem(backup, empty);
                setText(empty || backup == null ? null : WHEN.format(backup.takenAt())
                        + String.format("   (%.1f MB)", backup.sizeBytes() / 1e6));
            }
        });
        Label preview = new Label("Select a backup to see what it contains.");
        preview.setId("backup-preview");
        preview.setWrapText(true);
        preview.setPrefWidth(320);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, backup) -> {
            if (backup == null) {
                return;
            }
            preview.setText("Reading…");
            tasks.execute(BackgroundTask.of("Reading the backup", progress -> viewModel.readBackup(backup))
                    .quiet()
                    .onSuccess(summary -> preview.setText(describe(backup, summary)))
                    .onFailure(error -> preview.setText("This backup cannot be read: " + error.getMessage())));
        });
        Label hint = new Label("A backup is taken each time the project is opened; the newest "
                + Backups.DEFAULT_KEEP + " are kept. Restoring keeps the current state as a backup too.");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        VBox content = new VBox(10, hint, new HBox(14, list, preview));
        content.setPadding(new Insets(8));

        Dialog<Backups.Backup> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Restore backup");
        dialog.setHeaderText("Restore " + viewModel.context().project().name() + " from a backup");
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(restore, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(restore).disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        dialog.getDialogPane().setContent(content);
        dialog.setResultConverter(button -> button == restore ? list.getSelectionModel().getSelectedItem() : null);
        dialog.showAndWait().ifPresent(viewModel::restoreBackup);
    }

    private static String describe(Backups.Backup backup, ProjectSummary summary) {
        return String.format("Taken %s%n%n%,d repositories (GitHub %,d, Hugging Face %,d) from %,d import batch(es)"
                        + "%n%,d transcripts in %,d cases%n%,d codes, %,d codings by %,d coders",
                WHEN.format(backup.takenAt()), summary.repositories(), summary.githubRepositories(),
                summary.huggingFaceRepositories(), summary.importBatches(), summary.transcripts(), summary.cases(),
                summary.codes(), summary.codings(), summary.coders());
    }
}
