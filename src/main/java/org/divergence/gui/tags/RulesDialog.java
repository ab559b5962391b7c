package org.divergence.gui.tags;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.divergence.core.tags.FactorTag;
import org.divergence.core.tags.TagRule;
import org.divergence.gui.common.DialogService;
import org.divergence.gui.common.DialogSizes;
import org.divergence.gui.common.ExpressionFeedback;

/**
 * The saved tag rules (code, rule, how many repositories each tags) and the rule editor: choose a code, write the
 * rule, see at once what is wrong with it (with its position) or how many repositories it matches, then save.
 */
final class RulesDialog {

    static final String GRAMMAR = """
            Conditions on one repository, joined by AND, OR, NOT and parentheses:
              commits > 100        platform = huggingface        repo_type IN (model, dataset)
              created_at >= 2023-01-01        full_name CONTAINS 'llama'        likes IS NULL
            Columns: platform, repo_type, full_name (or name), created_at and the counts (contributors, commits,
            pull_requests, merged_pull_requests, issues, discussions, stars, forks, downloads, likes, derivatives).
            Extra columns kept at import: extra.NAME, e.g. extra.pipeline_tag = 'text-generation'.
            Operators: = != < <= > >=, IN (…), NOT IN (…), IS NULL, IS NOT NULL, CONTAINS, NOT CONTAINS.
            Text in single quotes ('' for a quote inside); single words may go without quotes.
            Unknown values never match (also under NOT): test them with IS NULL.""";

    private RulesDialog() {
    }

    static void show(Window owner, RuleEditorViewModel viewModel, TaggingViewModel tagging, DialogService dialogs) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Tag rules");
        dialog.setHeaderText("Tag repositories by a rule: the tags follow the data, also after every import");
        dialog.setResizable(true);
        dialog.getDialogPane().setId("rules-dialog");

        TableView<TagRule> table = new TableView<>(viewModel.rules());
        table.setId("rules-table");
        table.setPlaceholder(new Label("No rules yet: write one below."));
        table.setPrefSize(820, 200);
        TableColumn<TagRule, TagRule> tag = new TableColumn<>("Tag");
        tag.setCellValueFactory(cell -> new javafx.beans.property.SimpleObjectProperty<>(cell.getValue()));
        tag.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(TagRule rule, boolean empty) {
                super.updateItem(rule, empty);
                FactorTag factor = empty || rule == null ? null : tagging.tags().stream()
                        .filter(candidate -> candidate.codeId() == rule.codeId()).findFirst().orElse(null);
                setGraphic(factor == null ? null : TagChips.chip(factor));
            }
        });
        tag.setPrefWidth(200);
        TableColumn<TagRule, String> expression = new TableColumn<>("Rule");
        expression.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().expression()));
        expression.setPrefWidth(470);
        TableColumn<TagRule, String> matches = new TableColumn<>("Repositories");
        matches.setCellValueFactory(cell -> new ReadOnlyStringWrapper(String.format("%,d",
                cell.getValue().matches())));
        matches.setStyle("-fx-alignment: CENTER-RIGHT;");
        matches.setPrefWidth(110);
        table.getColumns().addAll(List.of(tag, expression, matches));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tag.setMinWidth(160);
        matches.setMinWidth(100);
        matches.setMaxWidth(120);
        expression.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });

        Button edit = new Button("Edit");
        edit.setTooltip(new Tooltip("Load the rule into the editor below to change it"));
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(event -> viewModel.edit(table.getSelectionModel().getSelectedItem(), tagging.tags()));
        Button remove = new Button("Remove…");
        remove.setId("rules-remove");
        remove.setTooltip(new Tooltip("Remove the rule and the tags only it gave (Edit → Undo brings it back)"));
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> {
            TagRule rule = table.getSelectionModel().getSelectedItem();
            if (dialogs.confirm("Remove tag rule", String.format("Remove the rule \u201C%s\u201D? The %,d"
                    + " repositories it tags lose the tag unless they carry it by hand or by another rule.",
                    rule.expression(), rule.matches()), "Remove rule")) {
                viewModel.remove(rule);
            }
        });
        Button reapply = new Button("Re-apply all");
        reapply.setTooltip(new Tooltip("Apply every rule to every repository again (imports do this for the"
                + " repositories they add or update)"));
        reapply.setOnAction(event -> viewModel.reapplyAll());
        HBox ruleButtons = new HBox(8, edit, remove, reapply);

        ComboBox<FactorTag> code = new ComboBox<>();
        code.setId("rule-tag");
        code.setPromptText("Choose a code");
        code.setPrefWidth(300);
        Runnable fillCodes = () -> {
            FactorTag chosen = viewModel.tagProperty().get();
            code.getItems().setAll(tagging.tags());
            code.setValue(chosen == null ? null : tagging.tags().stream()
                    .filter(candidate -> candidate.codeId() == chosen.codeId()).findFirst().orElse(null));
        };
        fillCodes.run();
        javafx.collections.ListChangeListener<Object> codesChanged = change -> fillCodes.run();
        tagging.usage().addListener(codesChanged);
        code.setCellFactory(list -> tagCell());
        code.setButtonCell(tagCell());
        code.valueProperty().bindBidirectional(viewModel.tagProperty());

        TextArea rule = new TextArea();
        rule.setId("rule-expression");
        rule.setPromptText("e.g. platform = huggingface AND repo_type = model AND extra.pipeline_tag ="
                + " 'text-generation'");
        rule.setPrefRowCount(3);
        rule.setWrapText(true);
        rule.getStyleClass().add("rule-expression");
        rule.textProperty().bindBidirectional(viewModel.expressionProperty());
        Tooltip grammar = new Tooltip(GRAMMAR);
        grammar.getStyleClass().add("rule-grammar");
        rule.setTooltip(grammar);

        Label outcome = new Label();
        outcome.setId("rule-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!viewModel.problemProperty().get().isEmpty()) {
                return viewModel.problemProperty().get();
            }
            long count = viewModel.matchesProperty().get();
            if (viewModel.expressionProperty().get().isBlank()) {
                return "Write a rule to see how many repositories it matches.";
            }
            return count < 0 ? "Counting…" : String.format("Matches %,d %s now.", count,
                    count == 1 ? "repository" : "repositories");
        }, viewModel.problemProperty(), viewModel.matchesProperty(), viewModel.expressionProperty()));
        ExpressionFeedback.bindIcon(outcome, viewModel.problemProperty(), viewModel.expressionProperty());
        Button showProblem = ExpressionFeedback.showProblem(viewModel.problemPositionProperty(), rule);
        ProgressIndicator counting = new ProgressIndicator();
        counting.setPrefSize(16, 16);
        counting.visibleProperty().bind(viewModel.countingProperty());

        Button save = new Button();
        save.setId("rule-save");
        save.setDefaultButton(true);
        save.textProperty().bind(Bindings.when(viewModel.editingProperty().isNull()).then("Save rule")
                .otherwise("Save change"));
        save.disableProperty().bind(viewModel.canSaveProperty().not());
        save.setOnAction(event -> viewModel.save(null));
        Button clear = new Button("New rule");
        clear.setTooltip(new Tooltip("Clear the editor"));
        clear.setOnAction(event -> viewModel.newRule());
        Label editing = new Label();
        editing.getStyleClass().add("muted");
        editing.textProperty().bind(Bindings.createStringBinding(() -> viewModel.editingProperty().get() == null
                ? "" : "Changing rule " + viewModel.editingProperty().get().id(), viewModel.editingProperty()));

        GridPane editor = new GridPane();
        editor.setHgap(10);
        editor.setVgap(8);
        Label tagLabel = new Label("Tag with");
        tagLabel.setMinWidth(Label.USE_PREF_SIZE);
        editor.addRow(0, tagLabel, code);
        // Code paths are long ("Socio-technical factors/Model documentation"): the combo takes the width.
        code.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(code, Priority.ALWAYS);
        editor.addRow(1, new Label("Rule"), rule);
        ExpressionFeedback.addOutcomeAndSaveRows(editor, outcome, showProblem, counting, editing, clear, save);
        GridPane.setHgrow(rule, Priority.ALWAYS);

        Label status = new Label();
        status.setId("rules-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(viewModel.statusProperty());
        Label help = new Label("Hover the rule field for the grammar (docs/tags.md has it in full).");
        help.getStyleClass().add("muted");
        VBox content = new VBox(10, table, ruleButtons, new javafx.scene.control.Separator(), editor, help, status);
        content.setPadding(new Insets(8));
        VBox.setVgrow(table, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        // The theme caps dialogs at 600 px, which cut the editor's labels; DialogSizes lifts the cap.
        DialogSizes.fit(dialog, 900, 640);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setOnHidden(event -> {
            tagging.usage().removeListener(codesChanged);
            viewModel.dispose();
        });
        dialog.setOnShown(event -> rule.requestFocus());
        dialog.show();
    }

    private static ListCell<FactorTag> tagCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(FactorTag tag, boolean empty) {
                super.updateItem(tag, empty);
                setText(empty || tag == null ? null : tag.path());
                setGraphic(empty || tag == null ? null : TagChips.swatch(tag));
            }
        };
    }
}
