package org.divergence.gui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** A screen's line for what is wrong with its inputs (e.g. every type unchecked): shown only while there is text. */
public final class ProblemLabel {

    private ProblemLabel() {
    }

    public static Label of(String id, ObservableStringValue problem) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("compare-problem");
        label.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
        label.textProperty().bind(problem);
        label.visibleProperty().bind(Bindings.isNotEmpty(problem));
        label.managedProperty().bind(label.visibleProperty());
        label.setWrapText(true);
        VBox.setMargin(label, new Insets(0, 12, 6, 12));
        return label;
    }
}
