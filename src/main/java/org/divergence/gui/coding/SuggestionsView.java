package org.divergence.gui.coding;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.divergence.app.semantic.CodeSuggestions;
import org.divergence.core.coding.Code;
import org.divergence.core.semantic.Suggestions;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** "Suggest passages" for a code: review the model's suggestions from the keyboard (A accepts, R rejects). */
final class SuggestionsView {

    private final SuggestionsViewModel viewModel;
    private final CodingViewModel coding;
    private final BorderPane root = new BorderPane();
    private final TableView<CodeSuggestions.Suggestion> table = new TableView<>();
    private final QuickCodePalette palette = new QuickCodePalette();

    SuggestionsView(SuggestionsViewModel viewModel, CodingViewModel coding, Runnable showCodingTab) {
        this.viewModel = viewModel;
        this.coding = coding;
        Button suggest = CasesView.button("Suggest passages\u2026", Material2MZ.SEARCH,
                "Pick a code: the model lists uncoded passages like its coded ones", this::chooseCode);
        suggest.setId("suggest-passages");
        Button accept = CasesView.button("Accept (A)", Material2AL.CHECK,
                "Code the selected passage as you, recording the suggestion (Ctrl+Z takes it back)",
                () -> viewModel.accept(table.getSelectionModel().getSelectedItem()));
        Button reject = CasesView.button("Reject (R)", Material2AL.CLOSE, "Drop the selected suggestion",
                () -> viewModel.reject(table.getSelectionModel().getSelectedItem()));
        Button autocode = CasesView.button("Code automatically as\u2026", Material2AL.LIGHTBULB,
                "Let the model code this code on its own, as a separate coder, to compare with a person in Agreement",
                this::autocode);
        autocode.setId("autocode");
        accept.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        reject.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        autocode.disableProperty().bind(viewModel.codeProperty().isNull());
        Label codeName = new Label();
        codeName.textProperty().bind(Bindings.createStringBinding(() -> viewModel.codeProperty().get() == null ? ""
                : "Code: " + viewModel.codeProperty().get().name(), viewModel.codeProperty()));
        HBox bar = new HBox(8, suggest, codeName, accept, reject, autocode);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        Label summary = new Label();
        summary.setId("suggestions-summary");
        summary.getStyleClass().add("muted");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.setPadding(new Insets(0, 8, 6, 8));
        root.setTop(new VBox(bar, summary));

        table.setId("suggestions");
        table.setItems(viewModel.suggestions());
        table.setPlaceholder(new Label("Runs on this computer: click \u201CSuggest passages\u2026\u201D and pick a code."));
        table.getColumns().addAll(List.of(
                column("Score", 60, s -> String.format("%.2f", s.passage().score())),
                column("Transcript", 130, s -> s.passage().transcript()),
                column("Suggested passage", 420, s -> CodingView.abbreviate(s.passage().text(), 400)),
                column("Closest coded passage", 420, s -> s.closestExample().transcript() + ": "
                        + CodingView.abbreviate(s.closestExample().text(), 400))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setOnKeyPressed(event -> {
            CodeSuggestions.Suggestion selected = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.A) {
                viewModel.accept(selected);
                event.consume();
            } else if (event.getCode() == KeyCode.R) {
                viewModel.reject(selected);
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER && selected != null) {
                open(selected, showCodingTab);
                event.consume();
            }
        });
        table.setOnMouseClicked(event -> {
            CodeSuggestions.Suggestion selected = table.getSelectionModel().getSelectedItem();
            if (event.getClickCount() == 2 && selected != null) {
                open(selected, showCodingTab);
            }
        });
        root.setCenter(table);
    }

    Node node() {
        return root;
    }

    private void open(CodeSuggestions.Suggestion suggestion, Runnable showCodingTab) {
        showCodingTab.run();
        coding.goTo(suggestion.passage().transcriptId(), suggestion.passage().start(), suggestion.passage().end());
    }

    private void chooseCode() {
        palette.show(root, null, coding.workspace().codebook(), coding.workspace().recentCodes(),
                (Code code) -> viewModel.suggest(code));
    }

    private void autocode() {
        coding.workspace().dialogs().askForName("Code automatically", "The model codes every passage scoring at "
                        + "least " + Suggestions.DEFAULT_THRESHOLD + " as a coder of its own (not a person's name); "
                        + "running it again replaces its codings of this code. It runs on this computer.",
                List.of(), "model").ifPresent(name -> viewModel.autocode(name, Suggestions.DEFAULT_THRESHOLD));
    }

    private static TableColumn<CodeSuggestions.Suggestion, String> column(String title, double width,
            Function<CodeSuggestions.Suggestion, String> value) {
        TableColumn<CodeSuggestions.Suggestion, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new SimpleStringProperty(value.apply(row.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
