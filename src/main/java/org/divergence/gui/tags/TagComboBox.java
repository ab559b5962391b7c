package org.divergence.gui.tags;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.divergence.core.tags.FactorTag;

/** A drop-down of a {@link TagChoice}'s tags, each with its code's colour swatch. */
public final class TagComboBox {

    private TagComboBox() {
    }

    public static ComboBox<FactorTag> of(TagChoice choice, String id) {
        ComboBox<FactorTag> box = new ComboBox<>(choice.tags());
        box.setId(id);
        box.setPromptText("No tag in use");
        box.valueProperty().bindBidirectional(choice.tagProperty());
        box.setTooltip(new Tooltip("The factor: repositories carrying this code as a tag (group b) against all"
                + " the others (group a)"));
        box.setCellFactory(list -> cell());
        box.setButtonCell(cell());
        return box;
    }

    private static ListCell<FactorTag> cell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(FactorTag item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
                if (empty || item == null || item.color() == null) {
                    setGraphic(null);
                } else {
                    Rectangle swatch = new Rectangle(11, 11);
                    swatch.setFill(Color.web(item.color()));
                    setGraphic(swatch);
                }
            }
        };
    }
}
