package org.divergence.render.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.divergence.core.charts.ChartSelection;
import org.divergence.core.charts.EffectEstimate;
import org.divergence.core.charts.EffectsData;
import org.divergence.core.charts.ShareBar;
import org.divergence.core.charts.ShareData;
import org.divergence.core.metrics.GroupPair;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricKind;
import org.divergence.core.metrics.PaperFormat;
import org.divergence.core.repositories.MetricRange;
import org.divergence.core.stats.EffectMagnitude;
import org.divergence.core.stats.Interval;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;

/** Share bars with Wilson intervals, and the forest plot of Cliff's delta for every metric. */
final class ComparisonCharts {

    private ComparisonCharts() {
    }

    // Shares ------------------------------------------------------------------------------------------------------

    static BuiltChart shares(ShareData data, ChartStyle style) {
        Metric metric = data.metric();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Map<Comparable<?>, ShareBar> byKey = new HashMap<>();
        List<Interval> intervals = new ArrayList<>();
        IntervalBarRenderer renderer = new IntervalBarRenderer(intervals, style.text());
        int series = 0;
        for (ShareBar bar : data.bars()) {
            String key = ChartText.legend(bar.group(), bar.n());
            dataset.addValue(Double.isNaN(bar.share()) ? null : bar.share() * 100, key, metric.label());
            byKey.put(key, bar);
            intervals.add(bar.interval());
            renderer.setSeriesPaint(series++, ChartStyle.colour(bar.group(), bar.groupIndex()));
        }
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.16);
        renderer.setItemMargin(0.15);
        renderer.setDefaultToolTipGenerator((dataset1, row, column) -> {
            ShareBar bar = byKey.get(dataset1.getRowKey(row));
            return bar == null ? null : bar.group().label() + ": " + ChartText.percent(bar.share()) + " ("
                    + PaperFormat.count(bar.yes()) + " of " + PaperFormat.count(bar.n()) + ") are "
                    + metric.noun() + "\n95% Wilson interval " + interval(bar.interval())
                    + "\nClick to list them.";
        });
        CategoryAxis categories = new CategoryAxis(null);
        categories.setTickLabelsVisible(false);
        categories.setTickMarksVisible(false);
        NumberAxis y = DistributionCharts.percentAxis(metric.label() + " (share of repositories, %)");
        y.setUpperMargin(0.12);
        CategoryPlot plot = new CategoryPlot(dataset, categories, y, renderer);
        ChartBuilder.style(plot, style);
        List<String> notes = List.of(ChartText.filterLine(data), metric.definition()
                + " Error bars: 95% Wilson score intervals (no continuity correction).");
        JFreeChart chart = ChartBuilder.chart(ChartText.title(metric.label(), data), plot, notes, style);
        return new BuiltChart(chart, data, entity -> {
            if (entity instanceof CategoryItemEntity item && byKey.get(item.getRowKey()) instanceof ShareBar bar) {
                return Optional.of(ChartSelection.range(bar.groupIndex(),
                        MetricRange.atLeast(metric.shareOf().key(), metric.threshold()),
                        bar.group().subject() + " that are " + metric.noun()));
            }
            return Optional.empty();
        }, entity -> Optional.empty(), null);
    }

    static String interval(Interval interval) {
        return interval == null ? PaperFormat.UNDEFINED
                : ChartText.percent(interval.low()) + " – " + ChartText.percent(interval.high());
    }

    /** Bars with an interval (error bar with caps) drawn over each, from precomputed bounds in 0–1. */
    static final class IntervalBarRenderer extends BarRenderer {
        private final transient List<Interval> intervals;
        private final transient Color colour;

        IntervalBarRenderer(List<Interval> intervals, Color colour) {
            this.intervals = intervals;
            this.colour = colour;
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
                             CategoryPlot plot, CategoryAxis domainAxis, ValueAxis rangeAxis,
                             CategoryDataset dataset, int row, int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            Interval interval = row < intervals.size() ? intervals.get(row) : null;
            if (interval == null || pass != getPassCount() - 1 || !getItemVisible(row, column)) {
                return;
            }
            double x0 = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column);
            double middle = x0 + state.getBarWidth() / 2;
            double cap = state.getBarWidth() / 4;
            double low = rangeAxis.valueToJava2D(interval.low() * 100, dataArea, plot.getRangeAxisEdge());
            double high = rangeAxis.valueToJava2D(interval.high() * 100, dataArea, plot.getRangeAxisEdge());
            g2.setPaint(colour);
            g2.setStroke(new BasicStroke(1.3f));
            g2.draw(new Line2D.Double(middle, low, middle, high));
            g2.draw(new Line2D.Double(middle - cap, low, middle + cap, low));
            g2.draw(new Line2D.Double(middle - cap, high, middle + cap, high));
        }
    }

    // Effects (forest plot) ---------------------------------------------------------------------------------------

    static BuiltChart effects(EffectsData data, ChartStyle style) {
        List<Metric> rows = EffectsData.ROWS;
        String[] labels = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Metric metric = rows.get(rows.size() - 1 - i);
            labels[i] = metric.label() + (metric.kind() == MetricKind.SHARE ? " (share)" : "");
        }
        XIntervalSeriesCollection dataset = new XIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawYError(false);
        renderer.setDrawXError(true);
        renderer.setCapLength(5);
        renderer.setErrorStroke(new BasicStroke(1.6f));
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        int pairs = data.split().pairs().size();
        Map<String, EffectEstimate> byItem = new HashMap<>();
        for (int p = 0; p < pairs; p++) {
            final int pair = p;
            List<EffectEstimate> estimates = data.estimates().stream().filter(e -> e.pair() == pair).toList();
            if (estimates.isEmpty()) {
                continue;
            }
            EffectEstimate first = estimates.getFirst();
            GroupPair groups = data.split().pairs().get(p);
            XIntervalSeries series = new XIntervalSeries(first.a().label() + " vs " + first.b().label() + " (n = "
                    + PaperFormat.count(data.repositories().get(groups.a())) + " / "
                    + PaperFormat.count(data.repositories().get(groups.b())) + ")");
            double offset = pairs == 1 ? 0 : (p - (pairs - 1) / 2.0) * 0.22;
            for (EffectEstimate estimate : estimates) {
                if (Double.isNaN(estimate.delta())) {
                    continue;
                }
                double y = rows.size() - 1 - rows.indexOf(estimate.metric()) + offset;
                Interval interval = estimate.interval();
                series.add(estimate.delta(), interval == null ? estimate.delta() : interval.low(),
                        interval == null ? estimate.delta() : interval.high(), y);
                byItem.put(dataset.getSeriesCount() + ":" + (series.getItemCount() - 1), estimate);
            }
            int index = dataset.getSeriesCount();
            dataset.addSeries(series);
            Color colour = ChartStyle.colour(first.b(), data.split().pairs().get(p).b());
            renderer.setSeriesPaint(index, colour);
            renderer.setSeriesShape(index, new java.awt.geom.Rectangle2D.Double(-4, -4, 8, 8));
        }
        renderer.setErrorPaint(null);
        renderer.setDefaultToolTipGenerator((dataset1, series, item) -> {
            EffectEstimate estimate = byItem.get(series + ":" + item);
            return estimate == null ? null : effectTooltip(estimate);
        });
        NumberAxis x = new NumberAxis("Cliff's delta = P(a > b) − P(a < b), a = " + data.groups().getFirst().label()
                + " (95% CI)");
        x.setRange(-1, 1);
        SymbolAxis y = new SymbolAxis(null, labels);
        y.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        ChartBuilder.style(plot, style);
        plot.setRangeGridlinesVisible(false);
        IntervalMarker negligible = new IntervalMarker(-0.147, 0.147);
        negligible.setPaint(style.band());
        plot.addDomainMarker(negligible, Layer.BACKGROUND);
        ValueMarker zero = new ValueMarker(0, style.reference(), new BasicStroke(1f));
        plot.addDomainMarker(zero, Layer.BACKGROUND);
        for (double threshold : new double[] {-0.474, -0.33, 0.33, 0.474}) {
            plot.addDomainMarker(new ValueMarker(threshold, style.grid(), new BasicStroke(0.8f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] {3f, 3f}, 0f)), Layer.BACKGROUND);
        }
        List<String> notes = List.of(ChartText.filterLine(data), "Positive: " + data.groups().getFirst().label()
                + " tends higher. Shaded: negligible (|delta| < 0.147); dashed: medium (0.33) and large (0.474), "
                + "Romano et al. For shares delta = share a − share b. Intervals: Feng & Cliff, as R's effsize (none at"
                + " delta = ±1).");
        JFreeChart chart = ChartBuilder.chart("Effect sizes of all metrics: " + ChartText.groups(data), plot, notes,
                style);
        return new BuiltChart(chart, data, entity -> Optional.empty(), entity -> {
            if (entity instanceof XYItemEntity item && item.getDataset() == dataset) {
                EffectEstimate estimate = byItem.get(item.getSeriesIndex() + ":" + item.getItem());
                return Optional.ofNullable(estimate).map(EffectEstimate::metric);
            }
            return Optional.empty();
        }, null);
    }

    static String effectTooltip(EffectEstimate estimate) {
        EffectMagnitude magnitude = EffectMagnitude.ofCliffsDelta(estimate.delta());
        Interval interval = estimate.interval();
        return estimate.metric().label() + ", " + estimate.a().label() + " vs " + estimate.b().label()
                + "\nCliff's δ = " + String.format(Locale.ROOT, "%.4f", estimate.delta())
                + (magnitude == null ? "" : " (" + magnitude.word() + ")")
                + "\n95% CI " + (interval == null ? PaperFormat.UNDEFINED : String.format(Locale.ROOT,
                "%.4f to %.4f", interval.low(), interval.high()))
                + "\nn = " + PaperFormat.count(estimate.nA()) + " / " + PaperFormat.count(estimate.nB())
                + "\nClick to show this metric's distribution.";
    }
}
