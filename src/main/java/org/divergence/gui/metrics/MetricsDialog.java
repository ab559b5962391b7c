package org.divergence.gui.metrics;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.divergence.gui.common.DialogService;
import org.divergence.gui.common.DialogSizes;
import org.divergence.gui.common.ExpressionFeedback;
import org.divergence.store.metrics.CustomMetrics;

/**
 * The project's custom metrics (name, kind, dimension, expression) and the editor: write the expression, see at once
 * what is wrong with it (with its position) or the metric's n and median (or share) per group of the comparison
 * shown, then save. Saving, changing and removing are undoable.
 */
public final class MetricsDialog {

    static final String GRAMMAR = """
            A number per repository, or with "Share" a condition:
              stars / contributors        coalesce(extra.score, 0) * 2        (stars > 10) + (forks > 0)
              merged_pull_requests / pull_requests >= 0.5 AND platform = huggingface
            Fields: the counts (contributors, commits, pull_requests, merged_pull_requests, issues, discussions,
            stars, forks, downloads, likes, derivatives) and extra.NAME (a number when its text is one).
            Conditions as in tag rules: platform = huggingface, repo_type IN (model, dataset), created_at >= 2023-01-01,
            full_name CONTAINS 'llama', extra.license = 'mit', likes IS NULL; joined by AND, OR, NOT.
            An unknown input makes the value unknown (the repository leaves this metric only); so does a division
            by zero. coalesce(a, b) is the first known value. Text with a dash goes in quotes: 'text-generation'.""";

    private MetricsDialog() {
    }

    public static void show(Window owner, MetricEditorViewModel viewModel, DialogService dialogs) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Custom metrics");
        dialog.setHeaderText("Your own metrics: they join every comparison, chart and report of this project");
        dialog.setResizable(true);
        dialog.getDialogPane().setId("metrics-dialog");

        TableView<CustomMetrics.Saved> table = new TableView<>(viewModel.metrics());
        table.setId("metrics-table");
        table.setPlaceholder(new Label("No custom metrics yet: write one below."));
        table.setPrefSize(820, 180);
        table.getColumns().addAll(List.of(
                column("Name", 170, saved -> saved.metric().name()),
                column("Kind", 80, saved -> saved.metric().kind().key()),
                column("Dimension", 150, saved -> saved.metric().dimension().label()),
                column("Expression", 400, saved -> saved.metric().expression())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Button edit = new Button("Edit");
        edit.setTooltip(new Tooltip("Load the metric into the editor below to change it"));
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(event -> viewModel.edit(table.getSelectionModel().getSelectedItem()));
        Button remove = new Button("Remove…");
        remove.setId("metrics-remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> {
            CustomMetrics.Saved saved = table.getSelectionModel().getSelectedItem();
            if (dialogs.confirm("Remove custom metric", "Remove \u201C" + saved.metric().name() + "\u201D? "
                    + "Comparisons, charts and reports no longer show it (Edit \u2192 Undo brings it back).",
                    "Remove metric")) {
                viewModel.remove(saved);
            }
        });

        TextField name = new TextField();
        name.setId("metric-name");
        name.setPromptText("e.g. stars_per_contributor");
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        CheckBox share = new CheckBox("Share (a condition)");
        share.setId("metric-share");
        share.selectedProperty().bindBidirectional(viewModel.shareProperty());
        share.setTooltip(new Tooltip("The share of repositories where the condition holds, compared by chi-square "
                + "or Fisher's exact test; otherwise a number per repository, compared by Mann–Whitney U"));
        TextField dimension = new TextField();
        dimension.setId("metric-dimension");
        dimension.setPrefColumnCount(16);
        dimension.textProperty().bindBidirectional(viewModel.dimensionProperty());
        dimension.setTooltip(new Tooltip("Free text (custom by default); a built-in dimension's key, e.g. "
                + "collaboration_openness, puts the metric beside that dimension's metrics"));

        TextArea expression = new TextArea();
        expression.setId("metric-expression");
        expression.setPromptText("e.g. stars / contributors");
        expression.setPrefRowCount(3);
        expression.setWrapText(true);
        expression.getStyleClass().add("rule-expression");
        expression.textProperty().bindBidirectional(viewModel.expressionProperty());
        Tooltip grammar = new Tooltip(GRAMMAR);
        grammar.getStyleClass().add("rule-grammar");
        expression.setTooltip(grammar);

        Label outcome = new Label();
        outcome.setId("metric-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!viewModel.problemProperty().get().isEmpty()) {
                return viewModel.problemProperty().get();
            }
            if (viewModel.expressionProperty().get().isBlank()) {
                return "Write an expression to see its n per group.";
            }
            return viewModel.preview().isEmpty() ? "Computing…" : String.join("    ",
                    viewModel.preview().stream().map(MetricEditorViewModel::describe).toList());
        }, viewModel.problemProperty(), viewModel.expressionProperty(), viewModel.preview()));
        ExpressionFeedback.bindIcon(outcome, viewModel.problemProperty(), viewModel.expressionProperty());
        Button showProblem = ExpressionFeedback.showProblem(viewModel.problemPositionProperty(), expression);
        ProgressIndicator computing = new ProgressIndicator();
        computing.setPrefSize(16, 16);
        computing.visibleProperty().bind(viewModel.computingProperty());

        Button save = new Button();
        save.setId("metric-save");
        save.setDefaultButton(true);
        save.textProperty().bind(Bindings.when(viewModel.editingProperty().isNull()).then("Save metric")
                .otherwise("Save change"));
        save.disableProperty().bind(viewModel.canSaveProperty().not());
        save.setOnAction(event -> viewModel.save());
        Button clear = new Button("New metric");
        clear.setTooltip(new Tooltip("Clear the editor"));
        clear.setOnAction(event -> viewModel.newMetric());
        Label editing = new Label();
        editing.getStyleClass().add("muted");
        editing.textProperty().bind(Bindings.createStringBinding(() -> viewModel.editingProperty().get() == null
                ? "" : "Changing " + viewModel.editingProperty().get().metric().name(),
                viewModel.editingProperty()));

        GridPane editor = new GridPane();
        editor.setHgap(10);
        editor.setVgap(8);
        HBox nameLine = new HBox(10, name, share, new Label("Dimension"), dimension);
        nameLine.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(name, Priority.ALWAYS);
        editor.addRow(0, new Label("Name"), nameLine);
        editor.addRow(1, new Label("Expression"), expression);
        ExpressionFeedback.addOutcomeAndSaveRows(editor, outcome, showProblem, computing, editing, clear, save);
        GridPane.setHgrow(expression, Priority.ALWAYS);

        Label status = new Label();
        status.setId("metrics-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(viewModel.statusProperty());
        Label help = new Label("Hover the expression for the grammar (docs/metrics.md has it in full). The n per "
                + "group is for the grouping and filters Compare shows.");
        help.getStyleClass().add("muted");
        help.setWrapText(true);
        VBox content = new VBox(10, table, new HBox(8, edit, remove), new Separator(), editor, help, status);
        content.setPadding(new Insets(8));
        VBox.setVgrow(table, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        // The theme caps dialogs at 600 px, which cut the editor's labels; DialogSizes lifts the cap.
        DialogSizes.fit(dialog, 900, 640);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setOnHidden(event -> viewModel.dispose());
        dialog.setOnShown(event -> name.requestFocus());
        dialog.show();
    }

    private static TableColumn<CustomMetrics.Saved, String> column(String title, double width,
            java.util.function.Function<CustomMetrics.Saved, String> text) {
        TableColumn<CustomMetrics.Saved, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                setTooltip(empty || value == null ? null : new Tooltip(value));
            }
        });
        return column;
    }
}
