package org.divergence.gui.coding;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.coding.StarterCodebook;
import org.divergence.gui.common.EmptyState;
import org.divergence.store.coding.CodebookStore;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Codebook section: the code hierarchy (drag a code onto another to nest it, or above/below it to reorder) and
 * the selected code's definition: colour, description, inclusion and exclusion criteria, example and memo.
 */
public final class CodebookView {

    private static final String MOVE_PREFIX = "divergence-move-code:";

    private final CodebookViewModel viewModel;
    private final TreeView<Code> tree = new TreeView<>();
    private final TextField name = new TextField();
    private final ColorPicker color = new ColorPicker();
    private final TextArea description = area("What the code means");
    private final TextArea inclusion = area("When to apply it");
    private final TextArea exclusion = area("When not to apply it (and which code to use instead)");
    private final TextArea example = area("A typical quote");
    private final TextArea memo = area("Your notes on this code (analytic memo)");
    private final Label counts = new Label();
    private final StackPane root = new StackPane();

    private final org.divergence.gui.evidence.EvidenceControls evidence;

    public CodebookView(CodebookViewModel viewModel, org.divergence.gui.evidence.EvidenceControls evidence) {
        this.viewModel = viewModel;
        this.evidence = evidence;
        BorderPane content = new BorderPane();
        content.setTop(toolbar());
        SplitPane split = new SplitPane(treePane(), detailsPane());
        split.setDividerPositions(0.38);
        content.setCenter(split);
        Label status = new Label();
        status.getStyleClass().add("muted");
        status.textProperty().bind(viewModel.statusProperty());
        status.setPadding(new Insets(4, 10, 4, 10));
        content.setBottom(status);
        EmptyState empty = new EmptyState(Material2AL.ACCOUNT_TREE, "The codebook is empty",
                "Start from the starter codebook \u201C" + StarterCodebook.NAME + "\u201D: candidate factors such as "
                        + "the black-box nature of models, compute requirements and skill sets. It is a starting "
                        + "point to adapt: rename, split, merge or delete codes as your data demands.")
                .withAction("Add the starter codebook", viewModel::addStarterCodebook);
        Button own = new Button("Or add your own first code…");
        own.getStyleClass().add("flat");
        own.setOnAction(event -> addCode(false));
        empty.getChildren().add(own);
        empty.setId("codebook-empty");
        root.getChildren().addAll(content, empty);
        root.setId("codebook-section");
        Runnable showEmpty = () -> {
            boolean isEmpty = viewModel.codebook().isEmpty();
            empty.setVisible(isEmpty);
            content.setVisible(!isEmpty);
        };
        viewModel.workspace().codebookProperty().addListener((obs, old, codebook) -> {
            CodeTrees.fill(tree, codebook);
            showEmpty.run();
        });
        viewModel.codingCountsProperty().addListener((obs, old, value) -> {
            tree.refresh();
            showDetails(viewModel.selectedProperty().get());
        });
        viewModel.selectedProperty().addListener((obs, old, code) -> showDetails(code));
        viewModel.onSelectRequest(id -> CodeTrees.select(tree, id));
        CodeTrees.fill(tree, viewModel.codebook());
        showEmpty.run();
        showDetails(null);
        root.setOnKeyPressed(event -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(event)) {
                saveDetails();
                event.consume();
            }
        });
    }

    private Node toolbar() {
        Label title = new Label("Codebook");
        title.getStyleClass().add("section-title");
        Button add = CasesView.button("Code", Material2AL.ADD, "Add a top-level code (Insert)", () -> addCode(false));
        add.setId("add-code");
        Button child = CasesView.button("Sub-code", Material2AL.ADD_BOX, "Add a code below the selected one "
                + "(Shift+Insert)", () -> addCode(true));
        Button rename = CasesView.button("Rename", Material2AL.EDIT, "Rename the selected code (F2)", this::rename);
        Button merge = CasesView.button("Merge into…", Material2AL.CALL_MERGE,
                "Move the selected code's codings, sub-codes and memo into another code, then delete it", this::merge);
        Button split = CasesView.button("Split…", Material2AL.CALL_SPLIT,
                "Move some of the selected code's codings to a new code", this::split);
        Button delete = CasesView.button("Delete", Material2AL.DELETE_OUTLINE,
                "Delete the selected code, its sub-codes and their codings (Delete; Ctrl+Z brings them back)",
                this::delete);
        delete.setId("delete-code");
        Button link = CasesView.button("Link…", Material2AL.LINK,
                "Link the selected code (all its segments) to a finding: a metric or dimension it helps explain",
                () -> {
                    Code code = viewModel.selectedProperty().get();
                    if (code != null) {
                        org.divergence.gui.evidence.EvidenceDialog.show(root.getScene().getWindow(), evidence.links(),
                                org.divergence.gui.evidence.EvidenceLinks.Subject.code(code.id(),
                                        viewModel.codebook().path(code.id())));
                    }
                });
        link.setId("link-code");
        for (Button button : List.of(child, rename, merge, split, delete, link)) {
            button.disableProperty().bind(viewModel.selectedProperty().isNull());
        }
        Button starter = CasesView.button("Starter codebook", Material2MZ.PLAYLIST_ADD,
                "Add the codes of \u201C" + StarterCodebook.NAME + "\u201D that this project lacks",
                viewModel::addStarterCodebook);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, add, child, rename, merge, split, delete, link, starter);
        bar.getStyleClass().add("section-header");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node treePane() {
        tree.setId("codebook-tree");
        tree.setCellFactory(view -> CodeTrees.cell(false, code -> {
            int count = viewModel.codingCountsProperty().get().getOrDefault(code.id(), 0);
            return code.name() + (count > 0 ? "  (" + count + ")" : "");
        }, this::decorateCell));
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) ->
                viewModel.selectedProperty().set(item == null ? null : item.getValue()));
        tree.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE) {
                delete();
            } else if (event.getCode() == KeyCode.F2) {
                rename();
            } else if (event.getCode() == KeyCode.INSERT) {
                addCode(event.isShiftDown());
            } else {
                return;
            }
            event.consume();
        });
        Label hint = new Label("Drag a code onto another to nest it; near a code's top or bottom edge to place it "
                + "before or after. Drop on empty space to make it top-level.");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        tree.setOnDragOver(event -> {
            if (event.getDragboard().hasString() && event.getDragboard().getString().startsWith(MOVE_PREFIX)) {
                event.acceptTransferModes(TransferMode.MOVE);
            }
        });
        tree.setOnDragDropped(event -> {
            Code dragged = draggedCode(event.getDragboard().getString());
            if (dragged != null) {
                viewModel.move(dragged, null, viewModel.codebook().roots().size());
                event.setDropCompleted(true);
            }
            event.consume();
        });
        VBox pane = new VBox(6, tree, hint);
        VBox.setVgrow(tree, Priority.ALWAYS);
        pane.setPadding(new Insets(6));
        return pane;
    }

    private void decorateCell(TreeCell<Code> cell) {
        cell.setOnDragDetected(event -> {
            if (cell.getItem() == null) {
                return;
            }
            var board = cell.startDragAndDrop(TransferMode.MOVE);
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(MOVE_PREFIX + cell.getItem().id());
            board.setContent(content);
            event.consume();
        });
        cell.setOnDragOver(event -> {
            Code dragged = draggedCode(event.getDragboard().hasString() ? event.getDragboard().getString() : "");
            Code target = cell.getItem();
            if (dragged != null && target != null && !viewModel.codebook().isWithin(target.id(), dragged.id())) {
                event.acceptTransferModes(TransferMode.MOVE);
                cell.getStyleClass().removeAll("drop-before", "drop-after", "drop-into");
                cell.getStyleClass().add(dropZone(cell, event.getY()));
            }
            event.consume();
        });
        cell.setOnDragExited(event -> cell.getStyleClass().removeAll("drop-before", "drop-after", "drop-into"));
        cell.setOnDragDropped(event -> {
            Code dragged = draggedCode(event.getDragboard().getString());
            Code target = cell.getItem();
            if (dragged != null && target != null) {
                String zone = dropZone(cell, event.getY());
                if (zone.equals("drop-into")) {
                    viewModel.move(dragged, target.id(), Integer.MAX_VALUE);
                } else {
                    List<Code> siblings = target.parentId() == null ? viewModel.codebook().roots()
                            : viewModel.codebook().children(target.parentId());
                    List<Code> others = siblings.stream().filter(c -> c.id() != dragged.id()).toList();
                    int index = others.indexOf(target) + (zone.equals("drop-after") ? 1 : 0);
                    viewModel.move(dragged, target.parentId(), index);
                }
                event.setDropCompleted(true);
            }
            event.consume();
        });
    }

    private static String dropZone(TreeCell<Code> cell, double y) {
        double height = Math.max(1, cell.getHeight());
        return y < height * 0.25 ? "drop-before" : y > height * 0.75 ? "drop-after" : "drop-into";
    }

    private Code draggedCode(String payload) {
        if (payload == null || !payload.startsWith(MOVE_PREFIX)) {
            return null;
        }
        try {
            return viewModel.codebook().get(Long.parseLong(payload.substring(MOVE_PREFIX.length()))).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Node detailsPane() {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.setPadding(new Insets(12));
        name.setId("code-name");
        color.setId("code-color");
        int row = 0;
        form.addRow(row++, label("Name"), name);
        form.addRow(row++, label("Colour"), color);
        form.addRow(row++, label("Description"), description);
        form.addRow(row++, label("Include when"), inclusion);
        form.addRow(row++, label("Exclude when"), exclusion);
        form.addRow(row++, label("Example"), example);
        Button save = new Button("Save definition");
        save.getStyleClass().add("accent");
        save.setId("save-code");
        save.setTooltip(new Tooltip("Save the definition (Ctrl+S); Ctrl+Z takes it back"));
        save.setOnAction(event -> saveDetails());
        save.setMinWidth(Region.USE_PREF_SIZE);
        Button saveMemo = new Button("Save memo");
        saveMemo.setOnAction(event -> {
            Code code = viewModel.selectedProperty().get();
            if (code != null) {
                viewModel.saveMemo(code, memo.getText());
            }
        });
        form.add(new HBox(8, save, counts), 1, row++);
        form.addRow(row++, label("Memo"), memo);
        form.add(saveMemo, 1, row);
        GridPane.setHgrow(name, Priority.ALWAYS);
        for (TextArea area : List.of(description, inclusion, exclusion, example, memo)) {
            GridPane.setHgrow(area, Priority.ALWAYS);
        }
        form.disableProperty().bind(viewModel.selectedProperty().isNull());
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void showDetails(Code code) {
        if (code == null) {
            for (TextArea area : List.of(description, inclusion, exclusion, example, memo)) {
                area.clear();
            }
            name.clear();
            counts.setText("Select a code to see and edit its definition.");
            return;
        }
        name.setText(code.name());
        color.setValue(code.color() == null ? Color.GRAY : Color.web(code.color()));
        description.setText(nullToEmpty(code.description()));
        inclusion.setText(nullToEmpty(code.inclusion()));
        exclusion.setText(nullToEmpty(code.exclusion()));
        example.setText(nullToEmpty(code.example()));
        memo.setText(viewModel.workspace().hasProject() ? viewModel.memo(code) : "");
        counts.setText(viewModel.codingCountsProperty().get().getOrDefault(code.id(), 0) + " coding(s); "
                + viewModel.codingsInSubtree(code.id()) + " with sub-codes · "
                + viewModel.codebook().path(code.id()));
    }

    private void saveDetails() {
        Code code = viewModel.selectedProperty().get();
        if (code == null) {
            return;
        }
        Color chosen = color.getValue();
        String hex = String.format("#%02X%02X%02X", (int) Math.round(chosen.getRed() * 255),
                (int) Math.round(chosen.getGreen() * 255), (int) Math.round(chosen.getBlue() * 255));
        viewModel.save(code, new CodebookStore.CodeDetails(name.getText(), hex, description.getText(),
                inclusion.getText(), exclusion.getText(), example.getText()));
    }

    private void addCode(boolean asChild) {
        Code parent = asChild ? viewModel.selectedProperty().get() : null;
        ask(asChild && parent != null ? "Add a sub-code of \u201C" + parent.name() + "\u201D" : "Add a code", "")
                .ifPresent(text -> viewModel.addCode(parent == null ? null : parent.id(), text));
    }

    private void rename() {
        Code code = viewModel.selectedProperty().get();
        if (code != null) {
            ask("Rename \u201C" + code.name() + "\u201D", code.name()).ifPresent(text -> viewModel.rename(code, text));
        }
    }

    private void merge() {
        Code source = viewModel.selectedProperty().get();
        if (source == null) {
            return;
        }
        var codebook = viewModel.codebook();
        List<String> targets = codebook.inTreeOrder().stream().filter(code -> !codebook.isWithin(code.id(),
                source.id())).map(code -> codebook.path(code.id())).toList();
        if (targets.isEmpty()) {
            viewModel.workspace().dialogs().showInformation("Merge", "There is no other code to merge into.");
            return;
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(targets.getFirst(), targets);
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("Merge codes");
        dialog.setHeaderText("Merge \u201C" + source.name() + "\u201D (" + viewModel.codingsInSubtree(source.id())
                + " coding(s) with sub-codes) into…");
        dialog.setContentText("Target code");
        dialog.showAndWait().flatMap(codebook::byPath).ifPresent(target -> viewModel.merge(source, target));
    }

    private void split() {
        Code source = viewModel.selectedProperty().get();
        if (source == null) {
            return;
        }
        List<CodedSegment> segments = viewModel.segmentsOf(source);
        if (segments.isEmpty()) {
            viewModel.workspace().dialogs().showInformation("Split", "\u201C" + source.name()
                    + "\u201D has no codings to split off.");
            return;
        }
        Dialog<List<Long>> dialog = new Dialog<>();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("Split code");
        dialog.setHeaderText("Move the ticked codings of \u201C" + source.name() + "\u201D to a new code");
        TextField newName = new TextField(source.name() + " (2)");
        ListView<CheckBox> list = new ListView<>();
        for (CodedSegment segment : segments) {
            CheckBox box = new CheckBox(segment.transcript() + " · " + segment.coder() + ": "
                    + CodingView.abbreviate(segment.text(), 120));
            box.setUserData(segment.codingId());
            list.getItems().add(box);
        }
        list.setPrefSize(620, 320);
        dialog.getDialogPane().setContent(new VBox(8, new Label("New code"), newName, new Label("Codings to move"),
                list));
        ButtonType ok = new ButtonType("Split", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ok ? list.getItems().stream().filter(CheckBox::isSelected)
                .map(box -> (Long) box.getUserData()).toList() : null);
        dialog.showAndWait().ifPresent(ids -> viewModel.split(source, newName.getText(), ids));
    }

    private void delete() {
        Code code = viewModel.selectedProperty().get();
        if (code == null) {
            return;
        }
        int subcodes = viewModel.codebook().subtree(code.id()).size() - 1;
        int codings = viewModel.codingsInSubtree(code.id());
        if (viewModel.workspace().dialogs().confirm("Delete code", "Delete \u201C" + code.name() + "\u201D"
                + (subcodes > 0 ? " and its " + subcodes + " sub-code(s)" : "") + "? " + codings
                + " coding(s) will be removed. You can undo this with Ctrl+Z.", "Delete")) {
            viewModel.delete(code);
        }
    }

    private Optional<String> ask(String header, String value) {
        TextInputDialog dialog = new TextInputDialog(value);
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("Codebook");
        dialog.setHeaderText(header);
        dialog.setContentText("Name");
        return dialog.showAndWait().filter(text -> !text.isBlank());
    }

    private static TextArea area(String prompt) {
        TextArea area = new TextArea();
        area.setPromptText(prompt);
        area.setWrapText(true);
        area.setPrefRowCount(3);
        return area;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }


    public Node node() {
        return root;
    }
}
