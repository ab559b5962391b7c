package org.divergence.render.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.divergence.core.charts.ChartData;
import org.divergence.core.charts.ChartSelection;
import org.divergence.core.metrics.Metric;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;

/**
 * A JFreeChart built from a core dataset, with what the interactive view needs on top: what a clicked element
 * stands for (linked browsing), which metric an effect-size row is, and legend toggles that hide a group's series
 * in every plot of the chart while its legend entry stays (greyed) so it can be shown again.
 */
public final class BuiltChart {

    private static final Color HIDDEN = new Color(0x9198A1);

    private final JFreeChart chart;
    private final ChartData data;
    private final Function<ChartEntity, Optional<ChartSelection>> selections;
    private final Function<ChartEntity, Optional<Metric>> metrics;
    private final EcdfDataset ecdf;
    private final Map<Comparable<?>, LegendItem> legend = new HashMap<>();
    private final List<Comparable<?>> legendOrder = new ArrayList<>();
    private final Set<Comparable<?>> hidden = new HashSet<>();
    private final Map<ValueAxis, Range> homeRanges = new HashMap<>();

    BuiltChart(JFreeChart chart, ChartData data, Function<ChartEntity, Optional<ChartSelection>> selections,
               Function<ChartEntity, Optional<Metric>> metrics, EcdfDataset ecdf) {
        this.chart = chart;
        this.data = data;
        this.selections = selections;
        this.metrics = metrics;
        this.ecdf = ecdf;
        Plot plot = chart.getPlot();
        for (ValueAxis axis : axes(plot)) {
            if (!axis.isAutoRange()) {
                homeRanges.put(axis, axis.getRange());
            }
        }
        LegendItemCollection items = plot.getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            LegendItem item = items.get(i);
            legend.put(item.getSeriesKey(), item);
            legendOrder.add(item.getSeriesKey());
        }
    }

    public JFreeChart chart() {
        return chart;
    }

    public ChartData data() {
        return data;
    }

    /** The repositories a clicked element stands for, if it stands for any. */
    public Optional<ChartSelection> selectionAt(ChartEntity entity) {
        return entity == null ? Optional.empty() : selections.apply(entity);
    }

    /** The metric of a clicked effect-size row. */
    public Optional<Metric> metricAt(ChartEntity entity) {
        return entity == null ? Optional.empty() : metrics.apply(entity);
    }

    /** The ECDF's resampling dataset (null for other charts): tells it how many pixel columns to fill. */
    public EcdfDataset ecdf() {
        return ecdf;
    }

    public List<Comparable<?>> seriesKeys() {
        return List.copyOf(legendOrder);
    }

    public boolean isHidden(Comparable<?> key) {
        return hidden.contains(key);
    }

    /** Hides or shows a legend entry's series everywhere; returns true when it is now visible. */
    public boolean toggle(Comparable<?> key) {
        if (!legend.containsKey(key)) {
            return true;
        }
        boolean visible = hidden.remove(key);
        if (!visible) {
            hidden.add(key);
        }
        setVisible(chart.getPlot(), key, visible);
        LegendItemCollection items = new LegendItemCollection();
        for (Comparable<?> each : legendOrder) {
            LegendItem original = legend.get(each);
            if (hidden.contains(each)) {
                LegendItem grey = new LegendItem(original.getLabel() + " (hidden)", original.getDescription(),
                        original.getToolTipText(), original.getURLText(), original.getShape(), HIDDEN);
                grey.setSeriesKey(original.getSeriesKey());
                grey.setLabelPaint(original.getLabelPaint());
                grey.setLabelFont(original.getLabelFont());
                items.add(grey);
            } else {
                items.add(original);
            }
        }
        setFixedLegend(chart.getPlot(), items);
        return visible;
    }

    /** Back to the whole data: axes with a fixed range (0–100%, −1 to 1) get it back, the others range freely. */
    public void resetZoom() {
        for (ValueAxis axis : axes(chart.getPlot())) {
            Range home = homeRanges.get(axis);
            if (home != null) {
                axis.setRange(home);
            } else {
                axis.setAutoRange(true);
            }
        }
    }

    private static List<ValueAxis> axes(Plot plot) {
        List<ValueAxis> axes = new ArrayList<>();
        if (plot instanceof CombinedDomainXYPlot combined) {
            for (XYPlot sub : combined.getSubplots()) {
                axes.addAll(axes(sub));
            }
        }
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                if (xy.getDomainAxis(i) != null) {
                    axes.add(xy.getDomainAxis(i));
                }
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                if (xy.getRangeAxis(i) != null) {
                    axes.add(xy.getRangeAxis(i));
                }
            }
        } else if (plot instanceof CategoryPlot category) {
            axes.add(category.getRangeAxis());
        }
        return axes;
    }

    private static void setFixedLegend(Plot plot, LegendItemCollection items) {
        if (plot instanceof XYPlot xy) {
            xy.setFixedLegendItems(items);
        } else if (plot instanceof CategoryPlot category) {
            category.setFixedLegendItems(items);
        }
    }

    private static void setVisible(Plot plot, Comparable<?> key, boolean visible) {
        if (plot instanceof CombinedDomainXYPlot combined) {
            for (XYPlot sub : combined.getSubplots()) {
                setVisible(sub, key, visible);
            }
        }
        if (plot instanceof XYPlot xy) {
            for (int d = 0; d < xy.getDatasetCount(); d++) {
                XYDataset dataset = xy.getDataset(d);
                if (dataset == null || xy.getRendererForDataset(dataset) == null) {
                    continue;
                }
                int series = dataset.indexOf(key);
                if (series >= 0) {
                    ((AbstractRenderer) xy.getRendererForDataset(dataset)).setSeriesVisible(series, visible);
                }
            }
        } else if (plot instanceof CategoryPlot category) {
            for (int d = 0; d < category.getDatasetCount(); d++) {
                CategoryDataset dataset = category.getDataset(d);
                if (dataset == null) {
                    continue;
                }
                int row = dataset.getRowIndex(key);
                if (row >= 0) {
                    ((AbstractRenderer) category.getRenderer(d)).setSeriesVisible(row, visible);
                }
            }
        }
    }
}
