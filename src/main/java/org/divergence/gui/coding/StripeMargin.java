package org.divergence.gui.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * The margin beside one paragraph: a coloured stripe per code (see {@link CodingStripes}), each labelled with its
 * name, like a bracket: the label sits at the stripe's top and a tick joins them. The first stripe is nearest the
 * text and its label on the top row, the next one row lower, so ticks never cross stripes. Where the paragraph is
 * too short for every label, the last row says how many more there are, and the stripes without a label run from
 * the top.
 */
final class StripeMargin extends Pane {

    static final double LANE = 7;
    static final double ROW = 15;
    private static final double STRIPE_WIDTH = 4;
    private static final double GAP = 6;

    private final double labelWidth;
    private final int lanes;
    private final List<CodingStripes.Stripe> stripes;
    private final List<Label> labels = new ArrayList<>();
    private final List<Region> ticks = new ArrayList<>();
    private final List<Region> bars = new ArrayList<>();
    private final Label more = new Label();

    /**
     * {@code onHover} gets a stripe and the mouse event where it is entered; {@code onLeave} runs when it is left;
     * {@code onClick} gets the stripe clicked.
     */
    StripeMargin(double labelWidth, int lanes, List<CodingStripes.Stripe> stripes,
                 BiConsumer<CodingStripes.Stripe, MouseEvent> onHover, Runnable onLeave,
                 Consumer<CodingStripes.Stripe> onClick) {
        this.labelWidth = labelWidth;
        this.lanes = Math.max(1, lanes);
        this.stripes = stripes;
        getStyleClass().add("coding-margin");
        double width = width(labelWidth, this.lanes);
        setPrefWidth(width);
        setMinWidth(width);
        setMaxHeight(Double.MAX_VALUE);
        for (CodingStripes.Stripe stripe : stripes) {
            Label label = new Label(stripe.label());
            label.getStyleClass().add("coding-stripe-label");
            label.setTextOverrun(OverrunStyle.ELLIPSIS);
            label.setAlignment(Pos.CENTER_RIGHT);
            Region tick = colored(stripe.color(), "coding-stripe-tick");
            Region bar = colored(stripe.color(), "coding-bar");
            for (Node node : List.of(label, tick, bar)) {
                node.setOnMouseEntered(event -> onHover.accept(stripe, event));
                node.setOnMouseExited(event -> onLeave.run());
                node.setOnMouseClicked(event -> onClick.accept(stripe));
            }
            labels.add(label);
            ticks.add(tick);
            bars.add(bar);
        }
        more.getStyleClass().add("coding-stripe-label");
        more.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(labels);
        getChildren().addAll(ticks);
        getChildren().addAll(bars);
        getChildren().add(more);
    }

    /** The margin's width for labels this wide and this many stripes side by side. */
    static double width(double labelWidth, int lanes) {
        return labelWidth + GAP + Math.max(1, lanes) * LANE + 2;
    }

    /** How many stripes get a label in a paragraph this tall (the rest are counted on the last row). */
    static int labelled(int stripes, double height) {
        int rows = Math.max(1, (int) Math.floor((height - 1) / ROW));
        return stripes <= rows ? stripes : rows - 1;
    }

    private double stripeX(int index) {
        int lane = Math.min(index, lanes - 1);
        return labelWidth + GAP + (lanes - 1 - lane) * LANE;
    }

    @Override
    protected void layoutChildren() {
        double height = getHeight();
        int labelled = labelled(stripes.size(), height);
        for (int i = 0; i < stripes.size(); i++) {
            Label label = labels.get(i);
            Region tick = ticks.get(i);
            boolean shown = i < labelled;
            label.setVisible(shown);
            tick.setVisible(shown);
            double top = shown ? i * ROW + ROW / 2 : 2;
            if (shown) {
                label.resizeRelocate(0, i * ROW, labelWidth, ROW);
                tick.resizeRelocate(labelWidth + 2, top - 0.75, stripeX(i) - labelWidth - 2, 1.5);
            }
            bars.get(i).resizeRelocate(stripeX(i), top - 0.75, STRIPE_WIDTH, Math.max(4, height - top - 1));
        }
        boolean overflow = labelled < stripes.size();
        more.setVisible(overflow);
        if (overflow) {
            more.setText("+" + (stripes.size() - labelled) + " more");
            more.resizeRelocate(0, labelled * ROW, labelWidth, ROW);
        }
    }

    private static Region colored(String color, String styleClass) {
        Region region = new Region();
        region.getStyleClass().add(styleClass);
        region.setStyle("-fx-background-color: " + color + ";");
        return region;
    }

    /** For tests: the stripes drawn, and which of them have their label shown. */
    List<CodingStripes.Stripe> stripes() {
        return stripes;
    }

    List<Label> labels() {
        return labels;
    }
}
