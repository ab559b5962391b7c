package org.divergence.gui.common;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A toolbar row whose text buttons show only their icons when the row is too narrow for their labels (a 1280-pixel
 * window with the optional controls of the row shown), so nothing is pushed out of the window. Their tooltips say
 * what they do either way.
 */
public final class CompactWhenNarrow {

    private final HBox row;
    private final List<Labeled> buttons;
    private final double[] textWidths;

    private CompactWhenNarrow(HBox row, List<Labeled> buttons) {
        this.row = row;
        this.buttons = buttons;
        this.textWidths = new double[buttons.size()];
    }

    /** Watches the row's width and its children's visibility; the buttons need icons (graphics) and tooltips. */
    public static void apply(HBox row, List<Labeled> buttons) {
        CompactWhenNarrow compact = new CompactWhenNarrow(row, buttons);
        row.widthProperty().addListener((obs, old, width) -> compact.update());
        for (Node child : row.getChildren()) {
            child.visibleProperty().addListener((obs, old, visible) -> compact.update());
            child.managedProperty().addListener((obs, old, managed) -> compact.update());
            if (child instanceof Region region) {
                region.widthProperty().addListener((obs, old, width) -> compact.update());
            }
        }
    }

    private void update() {
        if (row.getWidth() <= 0 || row.getScene() == null) {
            return;
        }
        double needed = row.snappedLeftInset() + row.snappedRightInset();
        int managed = 0;
        for (Node child : row.getChildren()) {
            if (!child.isManaged()) {
                continue;
            }
            managed++;
            int index = buttons.indexOf(child);
            if (index < 0) {
                needed += child.prefWidth(-1);
            } else {
                Labeled button = buttons.get(index);
                if (button.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY) {
                    textWidths[index] = button.prefWidth(-1);
                }
                needed += textWidths[index] > 0 ? textWidths[index] : button.prefWidth(-1);
            }
        }
        needed += row.getSpacing() * Math.max(0, managed - 1);
        ContentDisplay display = needed > row.getWidth() ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
        for (Labeled button : buttons) {
            if (button.getContentDisplay() != display) {
                button.setContentDisplay(display);
            }
        }
    }
}
