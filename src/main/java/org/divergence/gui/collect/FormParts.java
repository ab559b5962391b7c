package org.divergence.gui.collect;

import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** What the Collect dialog's two forms (the platforms' APIs, GH Archive on ClickHouse) are built from alike. */
final class FormParts {

    private FormParts() {
    }

    /** Labels right-aligned in the first column, fields growing in the second. */
    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(90);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /** The form's problem, shown only while there is one. */
    static Label problem(String id, ObservableStringValue text) {
        Label problem = label(id, text);
        problem.getStyleClass().add("problem-text");
        problem.setWrapText(true);
        problem.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    /** An editable spinner of whole numbers that writes its value to {@code property}. */
    static Spinner<Integer> spinner(String id, int min, int max, int step, IntegerProperty property, double width) {
        Spinner<Integer> spinner = new Spinner<>(min, max, property.get(), step);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(width);
        spinner.getValueFactory().valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                property.set(value);
            }
        });
        return spinner;
    }

    static Label label(String id, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        return label;
    }
}
