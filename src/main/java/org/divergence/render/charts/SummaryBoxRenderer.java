package org.divergence.render.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.divergence.core.charts.BoxSummary;
import org.divergence.core.charts.ValueScale;
import org.divergence.core.metrics.PaperFormat;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

/**
 * JFreeChart's box renderer for the box, median and whiskers, plus what it does not draw the way a summary needs:
 * the mean as a small cross, and — instead of one mark per outlier — one open circle at the minimum and the maximum
 * beyond the whiskers, labelled with how many observations lie beyond. The value range spans the extremes.
 */
final class SummaryBoxRenderer extends BoxAndWhiskerRenderer {

    private final transient List<BoxSummary> boxes;
    private final transient ValueScale scale;
    private final transient Color text;

    /** {@code boxes} in series order (the groups with values). */
    SummaryBoxRenderer(List<BoxSummary> boxes, ValueScale scale, Color text) {
        this.boxes = boxes;
        this.scale = scale;
        this.text = text;
        setMeanVisible(false);
        setMedianVisible(true);
        setMinOutlierVisible(false);
        setMaxOutlierVisible(false);
    }

    @Override
    public Range findRangeBounds(CategoryDataset dataset) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (BoxSummary box : boxes) {
            low = Math.min(low, scale.forward(box.min()));
            high = Math.max(high, scale.forward(box.max()));
        }
        return low > high ? null : new Range(low, high == low ? low + 1 : high);
    }

    @Override
    public void drawVerticalItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
                                 CategoryPlot plot, CategoryAxis domainAxis, ValueAxis rangeAxis,
                                 CategoryDataset dataset, int row, int column) {
        super.drawVerticalItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column);
        if (row >= boxes.size()) {
            return;
        }
        BoxSummary box = boxes.get(row);
        // The box's horizontal position, as the superclass computes it.
        double start = domainAxis.getCategoryStart(column, getColumnCount(), dataArea, plot.getDomainAxisEdge());
        double end = domainAxis.getCategoryEnd(column, getColumnCount(), dataArea, plot.getDomainAxisEdge());
        double x = start;
        int series = getRowCount();
        if (series > 1) {
            double gap = dataArea.getWidth() * getItemMargin() / (getColumnCount() * (series - 1));
            double used = state.getBarWidth() * series + gap * (series - 1);
            x += (end - start - used) / 2 + row * (state.getBarWidth() + gap);
        } else {
            x += (end - start - state.getBarWidth()) / 2;
        }
        double middle = x + state.getBarWidth() / 2;
        Color colour = (Color) getItemOutlinePaint(row, column);
        double mean = rangeAxis.valueToJava2D(scale.forward(box.mean()), dataArea, plot.getRangeAxisEdge());
        g2.setPaint(text);
        g2.setStroke(new BasicStroke(1.6f));
        g2.draw(new Line2D.Double(middle - 4, mean - 4, middle + 4, mean + 4));
        g2.draw(new Line2D.Double(middle - 4, mean + 4, middle + 4, mean - 4));
        g2.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        if (box.aboveWhisker() > 0) {
            extreme(g2, colour, middle, rangeAxis.valueToJava2D(scale.forward(box.max()), dataArea,
                    plot.getRangeAxisEdge()), PaperFormat.count(box.aboveWhisker()) + " above; max "
                    + ChartText.exact(box.max()), dataArea);
        }
        if (box.belowWhisker() > 0) {
            extreme(g2, colour, middle, rangeAxis.valueToJava2D(scale.forward(box.min()), dataArea,
                    plot.getRangeAxisEdge()), PaperFormat.count(box.belowWhisker()) + " below; min "
                    + ChartText.exact(box.min()), dataArea);
        }
    }

    private void extreme(Graphics2D g2, Color colour, double x, double y, String label, Rectangle2D dataArea) {
        g2.setPaint(colour);
        g2.setStroke(new BasicStroke(1.4f));
        g2.draw(new Ellipse2D.Double(x - 4, y - 4, 8, 8));
        g2.setPaint(text);
        // Kept inside the plot: a minimum of 0 sits on the bottom edge, where the label would be clipped.
        double baseline = Math.max(dataArea.getMinY() + 10, Math.min(y + 4, dataArea.getMaxY() - 3));
        g2.drawString(label, (float) (x + 8), (float) baseline);
    }
}
