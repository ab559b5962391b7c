package org.divergence.gui.report;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.divergence.core.report.ChartDrawing;

/**
 * Draws a report chart's shapes with JavaFX, so the preview shows the chart the exported file contains. The
 * surrounding text colour ({@link ChartDrawing#INK}) follows the theme through the "report-chart-ink" style class.
 */
final class ChartNode {

    private ChartNode() {
    }

    static Node of(ChartDrawing drawing) {
        Pane pane = new Pane();
        pane.getStyleClass().add("report-chart");
        pane.setPrefSize(drawing.width(), drawing.height());
        pane.setMinSize(drawing.width(), drawing.height());
        pane.setMaxSize(drawing.width(), drawing.height());
        Group shapes = new Group();
        for (ChartDrawing.Shape shape : drawing.shapes()) {
            shapes.getChildren().add(switch (shape) {
                case ChartDrawing.Line line -> line(line);
                case ChartDrawing.Rect rect -> rect(rect);
                case ChartDrawing.Circle circle -> circle(circle);
                case ChartDrawing.Text text -> text(text);
            });
        }
        pane.getChildren().add(shapes);
        return pane;
    }

    private static Node line(ChartDrawing.Line shape) {
        Line line = new Line(shape.x1(), shape.y1(), shape.x2(), shape.y2());
        line.setStrokeWidth(shape.width());
        stroke(line, shape.stroke());
        line.setOpacity(shape.opacity());
        if (shape.dashed()) {
            line.getStrokeDashArray().setAll(3.0, 3.0);
        }
        return line;
    }

    private static Node rect(ChartDrawing.Rect shape) {
        Rectangle rect = new Rectangle(shape.x(), shape.y(), shape.width(), shape.height());
        fill(rect, shape.fill());
        rect.setOpacity(shape.opacity());
        return rect;
    }

    private static Node circle(ChartDrawing.Circle shape) {
        Circle circle = new Circle(shape.cx(), shape.cy(), shape.r());
        fill(circle, shape.fill());
        if (shape.stroke() != null) {
            stroke(circle, shape.stroke());
        }
        return circle;
    }

    private static Node text(ChartDrawing.Text shape) {
        Text text = new Text(shape.text());
        text.setFont(Font.font(Font.getDefault().getFamily(), shape.bold() ? FontWeight.BOLD : FontWeight.NORMAL,
                shape.size()));
        fill(text, shape.fill());
        text.setOpacity(shape.opacity());
        double width = text.getLayoutBounds().getWidth();
        double x = switch (shape.anchor()) {
            case START -> shape.x();
            case MIDDLE -> shape.x() - width / 2;
            case END -> shape.x() - width;
        };
        text.setX(x);
        text.setY(shape.y());
        return text;
    }

    private static void fill(javafx.scene.shape.Shape node, String color) {
        if (ChartDrawing.INK.equals(color)) {
            node.getStyleClass().add("report-chart-ink");
        } else {
            node.setFill(Color.web(color));
        }
    }

    private static void stroke(javafx.scene.shape.Shape node, String color) {
        if (ChartDrawing.INK.equals(color)) {
            node.getStyleClass().add("report-chart-ink-stroke");
        } else {
            node.setStroke(Color.web(color));
        }
    }
}
