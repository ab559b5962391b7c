package org.divergence.gui.coding;

import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Edits one memo's text; an empty text removes the memo. */
final class MemoDialog {

    private MemoDialog() {
    }

    static Optional<String> edit(Window owner, String title, String about, String text) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        TextArea area = new TextArea(text);
        area.setId("memo-text");
        area.setWrapText(true);
        area.setPrefSize(520, 260);
        Label context = new Label(about);
        context.setWrapText(true);
        context.getStyleClass().add("muted");
        context.setMaxWidth(520);
        Label hint = new Label("Leave empty to remove the memo. Saved at once; Ctrl+Z takes it back.");
        hint.getStyleClass().add("muted");
        dialog.getDialogPane().setContent(new VBox(8, context, area, hint));
        ButtonType save = new ButtonType("Save memo", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == save ? area.getText() : null);
        dialog.setOnShown(event -> area.requestFocus());
        return dialog.showAndWait();
    }
}
