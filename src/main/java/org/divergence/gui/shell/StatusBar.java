package org.divergence.gui.shell;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.gui.common.TaskHandle;

/** Shows the newest background task with its progress and a cancel button, or the open project when idle. */
final class StatusBar extends HBox {

    private final Label status = new Label("Ready");
    private final Label taskTitle = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private TaskHandle shown;

    StatusBar(TaskExecutor tasks, MainViewModel viewModel) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(4, 10, 4, 10));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        status.getStyleClass().add("status-text");
        taskTitle.getStyleClass().add("status-task");
        progress.setPrefWidth(180);
        cancel.getStyleClass().addAll("small", "flat");
        cancel.setTooltip(new Tooltip("Cancel this task (Esc); nothing it was writing is kept"));
        cancel.setCancelButton(false);
        cancel.setOnAction(event -> {
            if (shown != null) {
                shown.cancel();
            }
        });
        getChildren().addAll(status, spacer, taskTitle, progress, cancel);
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            var project = viewModel.context().project();
            return project == null ? "No project open" : project.file().toString();
        }, viewModel.context().projectProperty()));
        tasks.runningTasks().addListener((ListChangeListener<TaskHandle>) change -> showNewest(tasks));
        showNewest(tasks);
    }

    private void showNewest(TaskExecutor tasks) {
        shown = tasks.runningTasks().stream().filter(TaskHandle::showInStatusBar)
                .reduce((first, second) -> second).orElse(null);
        boolean busy = shown != null;
        taskTitle.setVisible(busy);
        progress.setVisible(busy);
        cancel.setVisible(busy);
        taskTitle.textProperty().unbind();
        progress.progressProperty().unbind();
        if (busy) {
            TaskHandle task = shown;
            taskTitle.textProperty().bind(Bindings.createStringBinding(() -> {
                String message = task.messageProperty().get();
                return message == null || message.isBlank() ? task.title() : task.title() + " — " + message;
            }, task.messageProperty()));
            progress.progressProperty().bind(task.progressProperty());
        }
    }

    /** Esc cancels the task the status bar shows. */
    void cancelShown() {
        if (shown != null) {
            shown.cancel();
        }
    }
}
