package org.divergence.gui.tags;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.divergence.core.tags.FactorTag;

/** Tags drawn as small chips in their code's colour, with text that stays readable on it. */
final class TagChips {

    private static final String FALLBACK = "#999999";

    private TagChips() {
    }

    static HBox of(List<FactorTag> tags) {
        HBox chips = new HBox(4);
        chips.setAlignment(Pos.CENTER_LEFT);
        for (FactorTag tag : tags) {
            chips.getChildren().add(chip(tag));
        }
        return chips;
    }

    static Label chip(FactorTag tag) {
        Label chip = new Label(tag.name());
        chip.getStyleClass().add("tag-chip");
        String color = colorOf(tag);
        chip.setStyle("-fx-background-color: " + color + "; -fx-text-fill: " + textOn(color) + ";");
        chip.setMinWidth(Label.USE_PREF_SIZE);
        return chip;
    }

    /** A square of the code's colour, for lists and menus. */
    static Rectangle swatch(FactorTag tag) {
        Rectangle swatch = new Rectangle(11, 11);
        swatch.setArcWidth(3);
        swatch.setArcHeight(3);
        swatch.setFill(Color.web(colorOf(tag)));
        return swatch;
    }

    static String colorOf(FactorTag tag) {
        String color = tag.color();
        return color != null && color.matches("#[0-9A-Fa-f]{6}") ? color.toUpperCase(Locale.ROOT) : FALLBACK;
    }

    /** Black on light colours, white on dark ones (relative luminance, WCAG). */
    static String textOn(String color) {
        Color c = Color.web(color);
        double luminance = 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
        return luminance > 0.22 ? "#111111" : "#FFFFFF";
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
