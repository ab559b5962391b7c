package org.divergence.gui.coding;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.shape.Rectangle;
import javafx.scene.paint.Color;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;

/** Fills code trees from the codebook, keeping expansion and selection, with colour swatches in the cells. */
final class CodeTrees {

    private CodeTrees() {
    }

    /** Rebuilds the tree; codes expanded before stay expanded (new trees start fully expanded). */
    static void fill(TreeView<Code> tree, Codebook codebook) {
        Set<Long> expanded = new HashSet<>();
        boolean first = tree.getRoot() == null || tree.getRoot().getChildren().isEmpty();
        if (!first) {
            collectExpanded(tree.getRoot(), expanded);
        }
        Code selected = tree.getSelectionModel().getSelectedItem() == null ? null
                : tree.getSelectionModel().getSelectedItem().getValue();
        TreeItem<Code> root = new TreeItem<>();
        root.setExpanded(true);
        for (Code code : codebook.roots()) {
            root.getChildren().add(item(codebook, code, expanded, first));
        }
        tree.setRoot(root);
        tree.setShowRoot(false);
        if (selected != null) {
            select(tree, selected.id());
        }
    }

    private static TreeItem<Code> item(Codebook codebook, Code code, Set<Long> expanded, boolean expandAll) {
        TreeItem<Code> item = new TreeItem<>(code);
        item.setExpanded(expandAll || expanded.contains(code.id()));
        for (Code child : codebook.children(code.id())) {
            item.getChildren().add(item(codebook, child, expanded, expandAll));
        }
        return item;
    }

    private static void collectExpanded(TreeItem<Code> item, Set<Long> into) {
        if (item.getValue() != null && item.isExpanded()) {
            into.add(item.getValue().id());
        }
        item.getChildren().forEach(child -> collectExpanded(child, into));
    }

    static boolean select(TreeView<Code> tree, long codeId) {
        TreeItem<Code> found = find(tree.getRoot(), codeId);
        if (found == null) {
            return false;
        }
        for (TreeItem<Code> parent = found.getParent(); parent != null; parent = parent.getParent()) {
            parent.setExpanded(true);
        }
        tree.getSelectionModel().select(found);
        int row = tree.getRow(found);
        if (row >= 0) {
            tree.scrollTo(Math.max(0, row - 3));
        }
        return true;
    }

    static TreeItem<Code> find(TreeItem<Code> item, long codeId) {
        if (item == null) {
            return null;
        }
        if (item.getValue() != null && item.getValue().id() == codeId) {
            return item;
        }
        for (TreeItem<Code> child : item.getChildren()) {
            TreeItem<Code> found = find(child, codeId);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    static Rectangle swatch(String color) {
        Rectangle swatch = new Rectangle(12, 12);
        swatch.setArcWidth(4);
        swatch.setArcHeight(4);
        try {
            swatch.setFill(Color.web(color == null ? "#999999" : color));
        } catch (IllegalArgumentException e) {
            swatch.setFill(Color.GRAY);
        }
        return swatch;
    }

    /** A cell with the code's colour, its name, its description as tooltip, and drag-to-apply. */
    static TreeCell<Code> cell(boolean draggable, Consumer<TreeCell<Code>> customize) {
        return cell(draggable, Code::name, customize);
    }

    static TreeCell<Code> cell(boolean draggable, java.util.function.Function<Code, String> label,
                               Consumer<TreeCell<Code>> customize) {
        TreeCell<Code> cell = new TreeCell<>() {
            @Override
            protected void updateItem(Code code, boolean empty) {
                super.updateItem(code, empty);
                if (empty || code == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                } else {
                    setText(label.apply(code));
                    setGraphic(swatch(code.color()));
                    setTooltip(code.description() == null ? null : new Tooltip(code.description()));
                }
            }
        };
        if (draggable) {
            cell.setOnDragDetected(event -> {
                if (cell.getItem() == null) {
                    return;
                }
                var board = cell.startDragAndDrop(TransferMode.COPY_OR_MOVE);
                ClipboardContent content = new ClipboardContent();
                content.putString(CodingEditor.CODE_DRAG_PREFIX + cell.getItem().id());
                board.setContent(content);
                event.consume();
            });
        }
        if (customize != null) {
            customize.accept(cell);
        }
        return cell;
    }
}
