package org.divergence.render.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.List;
import org.divergence.core.charts.BoxPlotData;
import org.divergence.core.charts.ChartData;
import org.divergence.core.charts.EcdfData;
import org.divergence.core.charts.EffectsData;
import org.divergence.core.charts.HistogramData;
import org.divergence.core.charts.ShareData;
import org.divergence.core.charts.TimelineData;
import org.divergence.core.charts.YearEffectsData;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Builds JFreeChart charts (plain Java2D: headless for the command line and the report, wrapped in a viewer by the
 * GUI) from the core's chart data. Every chart has a title, axis labels with units, the sample sizes in the legend
 * and, below, the filter and how to read it.
 */
public final class ChartBuilder {

    private ChartBuilder() {
    }

    public static BuiltChart build(ChartData data, ChartStyle style) {
        BuiltChart built = switch (data) {
            case BoxPlotData box -> DistributionCharts.box(box, style);
            case EcdfData ecdf -> DistributionCharts.ecdf(ecdf, style);
            case HistogramData histogram -> DistributionCharts.histogram(histogram, style);
            case ShareData shares -> ComparisonCharts.shares(shares, style);
            case EffectsData effects -> ComparisonCharts.effects(effects, style);
            case YearEffectsData effects -> ComparisonCharts.effectsByYear(effects, style);
            case TimelineData timeline -> TimelineChart.build(timeline, style);
        };
        built.chart().setAntiAlias(true);
        return built;
    }

    /** A chart around the plot with the title, the notes below it and the legend, styled. */
    static JFreeChart chart(String title, Plot plot, List<String> notes, ChartStyle style) {
        JFreeChart chart = new JFreeChart(title, style.titleFont(), plot, true);
        chart.setBackgroundPaint(style.background());
        chart.setPadding(new RectangleInsets(6, 8, 6, 12));
        chart.getTitle().setPaint(style.text());
        chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.getTitle().setPadding(new RectangleInsets(4, 4, 6, 4));
        LegendTitle legend = chart.getLegend();
        legend.setBackgroundPaint(style.background());
        legend.setItemPaint(style.text());
        legend.setItemFont(style.labelFont());
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        // Room after each entry: on screen JavaFX draws the text a little wider than AWT measured it, and without
        // this an entry's last character touched the next entry's swatch.
        legend.setItemLabelPadding(new RectangleInsets(2, 2, 2, 14));
        for (String note : notes) {
            TextTitle line = new TextTitle(note, style.subtitleFont());
            line.setPaint(style.mutedText());
            line.setPosition(RectangleEdge.BOTTOM);
            line.setHorizontalAlignment(HorizontalAlignment.LEFT);
            line.setPadding(new RectangleInsets(1, 4, 1, 4));
            chart.addSubtitle(line);
        }
        styleTitles(chart, style);
        return chart;
    }

    private static void styleTitles(JFreeChart chart, ChartStyle style) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title title = chart.getSubtitle(i);
            if (title instanceof LegendTitle legend) {
                legend.setItemPaint(style.text());
            }
        }
    }

    static void style(XYPlot plot, ChartStyle style) {
        if (plot instanceof CombinedDomainXYPlot combined) {
            for (XYPlot sub : combined.getSubplots()) {
                style(sub, style);
            }
        }
        plot.setBackgroundPaint(style.plotBackground());
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(style.grid());
        plot.setRangeGridlinePaint(style.grid());
        plot.setDomainGridlineStroke(style.gridStroke());
        plot.setRangeGridlineStroke(style.gridStroke());
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            style(plot.getDomainAxis(i), style);
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            style(plot.getRangeAxis(i), style);
        }
    }

    static void style(CategoryPlot plot, ChartStyle style) {
        plot.setBackgroundPaint(style.plotBackground());
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(style.grid());
        plot.setRangeGridlineStroke(style.gridStroke());
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        style(plot.getDomainAxis(), style);
        style(plot.getRangeAxis(), style);
    }

    static void style(Axis axis, ChartStyle style) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(style.labelFont());
        axis.setLabelPaint(style.text());
        axis.setTickLabelFont(style.tickFont());
        axis.setTickLabelPaint(style.mutedText());
        axis.setAxisLinePaint(style.grid());
        axis.setTickMarkPaint(style.grid());
        if (axis instanceof ValueAxis value) {
            value.setTickMarkOutsideLength(3);
        }
    }

    static BasicStroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static Font bold(ChartStyle style) {
        return style.labelFont().deriveFont(Font.BOLD);
    }
}
