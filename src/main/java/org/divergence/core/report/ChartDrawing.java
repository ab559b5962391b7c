package org.divergence.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chart as a list of simple shapes in a fixed coordinate space: written as deterministic SVG for the report files,
 * and drawn with JavaFX shapes by the report preview, so both show the same chart. Colours are "#RRGGBB" or
 * {@link #INK} (the text colour of wherever the chart is shown: currentColor in SVG).
 */
public final class ChartDrawing {

    /** The surrounding text colour. */
    public static final String INK = "currentColor";

    public enum Anchor {
        START("start"), MIDDLE("middle"), END("end");

        private final String svg;

        Anchor(String svg) {
            this.svg = svg;
        }
    }

    public sealed interface Shape permits Line, Rect, Circle, Text {
    }

    public record Line(double x1, double y1, double x2, double y2, String stroke, double width, double opacity,
                       boolean dashed) implements Shape {
    }

    public record Rect(double x, double y, double width, double height, String fill, double opacity)
            implements Shape {
    }

    public record Circle(double cx, double cy, double r, String fill, String stroke) implements Shape {
    }

    public record Text(double x, double y, String text, double size, Anchor anchor, boolean bold, String fill,
                       double opacity) implements Shape {
    }

    private final double width;
    private final double height;
    private final List<Shape> shapes = new ArrayList<>();

    public ChartDrawing(double width, double height) {
        this.width = width;
        this.height = height;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public List<Shape> shapes() {
        return List.copyOf(shapes);
    }

    public ChartDrawing add(Shape shape) {
        shapes.add(shape);
        return this;
    }

    /**
     * A standalone SVG element (with its namespace, so it also works as an image). {@code id} names it and prefixes
     * every id inside; the same drawing always gives the same text.
     */
    public String toSvg(String id, String title, String description) {
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(Html.attribute(id))
                .append("\" viewBox=\"0 0 ").append(number(width)).append(' ').append(number(height))
                .append("\" width=\"").append(number(width)).append("\" height=\"").append(number(height))
                .append("\" role=\"img\" aria-labelledby=\"").append(Html.attribute(id)).append("-title ")
                .append(Html.attribute(id)).append("-desc\" font-family=\"system-ui, -apple-system, 'Segoe UI', "
                        + "Roboto, Helvetica, Arial, sans-serif\">\n");
        out.append("<title id=\"").append(Html.attribute(id)).append("-title\">").append(Html.text(title))
                .append("</title>\n");
        out.append("<desc id=\"").append(Html.attribute(id)).append("-desc\">").append(Html.text(description))
                .append("</desc>\n");
        for (Shape shape : shapes) {
            switch (shape) {
                case Line line -> out.append("<line x1=\"").append(number(line.x1())).append("\" y1=\"")
                        .append(number(line.y1())).append("\" x2=\"").append(number(line.x2())).append("\" y2=\"")
                        .append(number(line.y2())).append("\" stroke=\"").append(line.stroke())
                        .append("\" stroke-width=\"").append(number(line.width())).append('"')
                        .append(opacity("stroke-opacity", line.opacity()))
                        .append(line.dashed() ? " stroke-dasharray=\"3 3\"" : "").append("/>\n");
                case Rect rect -> out.append("<rect x=\"").append(number(rect.x())).append("\" y=\"")
                        .append(number(rect.y())).append("\" width=\"").append(number(rect.width()))
                        .append("\" height=\"").append(number(rect.height())).append("\" fill=\"").append(rect.fill())
                        .append('"').append(opacity("fill-opacity", rect.opacity())).append("/>\n");
                case Circle circle -> out.append("<circle cx=\"").append(number(circle.cx())).append("\" cy=\"")
                        .append(number(circle.cy())).append("\" r=\"").append(number(circle.r()))
                        .append("\" fill=\"").append(circle.fill()).append('"')
                        .append(circle.stroke() == null ? "" : " stroke=\"" + circle.stroke() + "\"").append("/>\n");
                case Text text -> out.append("<text x=\"").append(number(text.x())).append("\" y=\"")
                        .append(number(text.y())).append("\" font-size=\"").append(number(text.size()))
                        .append("\" text-anchor=\"").append(text.anchor().svg).append("\" fill=\"")
                        .append(text.fill()).append('"').append(opacity("fill-opacity", text.opacity()))
                        .append(text.bold() ? " font-weight=\"bold\"" : "").append('>')
                        .append(Html.text(text.text())).append("</text>\n");
            }
        }
        return out.append("</svg>").toString();
    }

    private static String opacity(String attribute, double opacity) {
        return opacity >= 1 ? "" : " " + attribute + "=\"" + number(opacity) + "\"";
    }

    /** Coordinates with at most two decimals, trailing zeros dropped, in the root locale. */
    public static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "");
            if (text.endsWith(".")) {
                text = text.substring(0, text.length() - 1);
            }
        }
        return text.equals("-0") ? "0" : text;
    }
}
