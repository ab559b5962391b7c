package org.divergence.render.charts;

import java.awt.Color;
import java.util.List;
import org.divergence.core.coding.CodeColors;
import org.divergence.core.coding.CodingAnalysis;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Interviews → Analysis's chart for a paper: coded segments per code (its own name, the path's last part), one bar
 * per value of a case attribute in {@link CodeColors#ATTRIBUTE_VALUES}, as the screen shows it.
 */
public final class CodeFrequencyChart {

    private CodeFrequencyChart() {
    }

    public static JFreeChart build(CodingAnalysis.Table table, String attribute, ChartStyle style) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        BarRenderer renderer = new BarRenderer();
        for (int r = 0; r < table.rows().size(); r++) {
            String value = table.rows().get(r) == null ? CodingAnalysis.NO_VALUE : table.rows().get(r);
            for (int c = 0; c < table.columns().size(); c++) {
                dataset.addValue(table.count(r, c), value, lastPart(table.columns().get(c)));
            }
            renderer.setSeriesPaint(r, Color.decode(CodeColors.forAttributeValue(r)));
        }
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.05);
        CategoryAxis codes = new CategoryAxis(null);
        codes.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        codes.setMaximumCategoryLabelLines(2);
        NumberAxis count = new NumberAxis("coded segments");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CategoryPlot plot = new CategoryPlot(dataset, codes, count, renderer);
        ChartBuilder.style(plot, style);
        JFreeChart chart = ChartBuilder.chart("Code frequencies by " + attribute, plot,
                List.of("Coded segments per code, one bar per value of the case attribute \u201C" + attribute + "\u201D."),
                style);
        chart.setAntiAlias(true);
        return chart;
    }

    /** A code's own name: the last part of its path. */
    public static String lastPart(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
