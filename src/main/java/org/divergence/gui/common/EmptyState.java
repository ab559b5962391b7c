package org.divergence.gui.common;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** The centred icon, headline, explanation and first action a section shows while it has nothing to show. */
public final class EmptyState extends VBox {

    public EmptyState(Ikon icon, String headline, String explanation) {
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        setMaxWidth(Double.MAX_VALUE);
        setMaxHeight(Double.MAX_VALUE);

        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("empty-state-icon");
        Label title = new Label(headline);
        title.getStyleClass().add("empty-state-title");
        title.setWrapText(true);
        title.setMaxWidth(520);
        title.setAlignment(Pos.CENTER);
        title.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        Label text = new Label(explanation);
        text.getStyleClass().add("empty-state-text");
        text.setWrapText(true);
        text.setMaxWidth(520);
        getChildren().addAll(glyph, title, text);
    }

    /** Adds a button for the first thing to do, e.g. "Import a sample…". */
    public EmptyState withAction(String label, Runnable action) {
        Button button = new Button(label);
        button.getStyleClass().add("accent");
        button.setOnAction(event -> action.run());
        getChildren().add(button);
        return this;
    }
}
