package org.divergence.gui.common;

import javafx.scene.control.Dialog;

/**
 * Sizes a dialog that shows a table or a preview: resizable, opening at a size that fits a 1280×800 screen, and
 * allowed to grow. AtlantaFX caps dialog panes at 600 px wide (fine for a question, too narrow for a table).
 */
public final class DialogSizes {

    private DialogSizes() {
    }

    public static void fit(Dialog<?> dialog, double width, double height) {
        dialog.setResizable(true);
        // Inline, as the theme's max width otherwise wins over a value set in code.
        dialog.getDialogPane().setStyle("-fx-max-width: 100000px; -fx-max-height: 100000px;");
        dialog.getDialogPane().setPrefSize(width, height);
        dialog.getDialogPane().setMinSize(Math.min(width, 640), Math.min(height, 420));
    }
}
