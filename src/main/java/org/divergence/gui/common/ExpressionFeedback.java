package org.divergence.gui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
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
}
