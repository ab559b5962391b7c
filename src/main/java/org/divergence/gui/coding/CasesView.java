package org.divergence.gui.coding;

import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.divergence.core.coding.CaseAttribute;
import org.divergence.core.coding.InterviewCase;
import org.divergence.core.coding.Memo;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Cases tab: one row per interviewee, one editable column per attribute (double-click a cell to edit). */
final class CasesView {

    private final CasesViewModel viewModel;
    private final CodingViewModel coding;
    private final TableView<InterviewCase> table = new TableView<>();
    private final BorderPane root = new BorderPane();

    CasesView(CasesViewModel viewModel, CodingViewModel coding) {
        this.viewModel = viewModel;
        this.coding = coding;
        table.setId("cases-table");
        table.setEditable(true);
        table.setItems(viewModel.cases());
        table.setPlaceholder(new Label("No cases yet. Importing a transcript creates a case for it; "
                + "or add one with \u201CAdd case\u201D."));
        viewModel.attributes().addListener((ListChangeListener<CaseAttribute>) change -> rebuildColumns());
        coding.transcripts().addListener((ListChangeListener<Object>) change -> table.refresh());
        rebuildColumns();
        Button addCase = button("Add case", Material2AL.ADD, "Add an interviewee", this::addCase);
        Button addAttribute = button("Add attribute", Material2AL.ADD_BOX,
                "Add a column, e.g. role, organisation type or years of experience", this::addAttribute);
        Button memo = button("Memo", Material2MZ.NOTE_ADD, "Memo on the selected case", this::memo);
        Button remove = button("Remove case", Material2AL.DELETE_OUTLINE,
                "Remove the selected case; its transcripts stay (Ctrl+Z brings it back)", this::remove);
        memo.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Label hint = new Label("Double-click a cell to edit it; every edit is saved at once and can be undone.");
        hint.getStyleClass().add("muted");
        HBox bar = new HBox(8, addCase, addAttribute, memo, remove, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        root.setTop(bar);
        root.setCenter(table);
    }

    Node node() {
        return root;
    }

    private void rebuildColumns() {
        table.getColumns().clear();
        TableColumn<InterviewCase, String> name = new TableColumn<>("Case");
        name.setCellValueFactory(row -> new SimpleStringProperty(row.getValue().name()));
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setOnEditCommit(event -> viewModel.renameCase(event.getRowValue(), event.getNewValue()));
        name.setPrefWidth(160);
        table.getColumns().add(name);
        for (CaseAttribute attribute : viewModel.attributes()) {
            TableColumn<InterviewCase, String> column = new TableColumn<>(attribute.name());
            column.setCellValueFactory(row -> new SimpleStringProperty(row.getValue().attributes()
                    .getOrDefault(attribute.name(), "")));
            column.setCellFactory(TextFieldTableCell.forTableColumn());
            column.setOnEditCommit(event -> viewModel.setValue(event.getRowValue(), attribute, event.getNewValue()));
            column.setPrefWidth(170);
            table.getColumns().add(column);
        }
        TableColumn<InterviewCase, String> transcripts = new TableColumn<>("Transcripts");
        transcripts.setEditable(false);
        transcripts.setCellValueFactory(row -> new SimpleStringProperty(String.join(", ", coding.transcripts().stream()
                .filter(t -> t.caseId() != null && t.caseId() == row.getValue().id()).map(t -> t.name()).toList())));
        transcripts.setPrefWidth(260);
        table.getColumns().add(transcripts);
    }

    private void addCase() {
        ask("Add case", "Name of the interviewee (e.g. P7)").ifPresent(viewModel::addCase);
    }

    private void addAttribute() {
        ask("Add attribute", "Name of the attribute (e.g. role)").ifPresent(viewModel::addAttribute);
    }

    private void memo() {
        InterviewCase selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            MemoDialog.edit(root.getScene().getWindow(), "Memo on case", selected.name(),
                    coding.memoText(Memo.Target.CASE, selected.id()))
                    .ifPresent(text -> coding.saveMemo(Memo.Target.CASE, selected.id(), text));
        }
    }

    private void remove() {
        InterviewCase selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.removeCase(selected);
        }
    }

    private java.util.Optional<String> ask(String title, String header) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        return dialog.showAndWait().filter(text -> !text.isBlank());
    }

    static Button button(String text, org.kordamp.ikonli.Ikon icon, String tooltip, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(event -> action.run());
        return button;
    }
}
