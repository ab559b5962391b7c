package org.divergence.gui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The feedback of an editor where people type an expression (tag rules, custom metrics): an icon on the outcome line
 * saying whether it parses, and a button that puts the cursor where the problem is.
 */
public final class ExpressionFeedback {

    private ExpressionFeedback() {
    }

    /** A tick or a warning on the outcome label while the expression is not blank. */
    public static void bindIcon(Label outcome, ObservableStringValue problem, ObservableStringValue expression) {
        outcome.graphicProperty().bind(Bindings.createObjectBinding(() -> {
            boolean ok = problem.get().isEmpty();
            FontIcon icon = new FontIcon(ok ? Material2AL.CHECK_CIRCLE : Material2AL.ERROR_OUTLINE);
            icon.getStyleClass().add(ok ? "ok-icon" : "problem-icon");
            return expression.get().isBlank() ? null : icon;
        }, problem, expression));
    }

    /** "Show", visible while there is a problem position (0-based; negative for none). */
    public static Button showProblem(ObservableIntegerValue position, TextInputControl field) {
        Button show = new Button("Show");
        show.getStyleClass().addAll("small", "flat");
        show.setTooltip(new Tooltip("Put the cursor where the problem is"));
        show.visibleProperty().bind(Bindings.createBooleanBinding(() -> position.get() >= 0, position));
        show.managedProperty().bind(show.visibleProperty());
        show.setOnAction(event -> {
            field.requestFocus();
            field.positionCaret(Math.min(position.get(), field.getLength()));
        });
        return show;
    }

    /**
     * The editor's rows under the expression: the outcome with its "Show" and busy indicator (row 2), then what is
     * being edited on the left and Clear / Save on the right (row 3), both in the field column.
     */
    public static void addOutcomeAndSaveRows(GridPane editor, Node outcome, Node showProblem, Node busy,
                                             Node editing, Node clear, Node save) {
        HBox outcomeLine = new HBox(6, outcome, showProblem, busy);
        outcomeLine.setAlignment(Pos.CENTER_LEFT);
        editor.add(outcomeLine, 1, 2);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox saveLine = new HBox(8, editing, spacer, clear, save);
        saveLine.setAlignment(Pos.CENTER_LEFT);
        editor.add(saveLine, 1, 3);
    }
}
