package org.divergence.render.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.divergence.core.charts.BoxPlotData;
import org.divergence.core.charts.BoxSummary;
import org.divergence.core.charts.ChartSelection;
import org.divergence.core.charts.Ecdf;
import org.divergence.core.charts.EcdfData;
import org.divergence.core.charts.HistogramBins;
import org.divergence.core.charts.HistogramData;
import org.divergence.core.charts.ValueScale;
import org.divergence.core.metrics.Group;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.PaperFormat;
import org.divergence.core.repositories.MetricRange;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/** Box plots, ECDFs and histograms of a numeric metric, one colour per group. */
final class DistributionCharts {

    private DistributionCharts() {
    }

    static ValueAxis valueAxis(Metric metric, ValueScale scale) {
        String label = ChartText.valueAxis(metric, scale == ValueScale.LOG1P ? "log scale" : null);
        if (scale == ValueScale.LOG1P) {
            return new Log1pAxis(label);
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    static NumberAxis percentAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#'%'"));
        return axis;
    }

    // Box plots ---------------------------------------------------------------------------------------------------

    static BuiltChart box(BoxPlotData data, ChartStyle style) {
        Metric metric = data.metric();
        ValueScale scale = data.scale();
        DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
        Map<Comparable<?>, BoxSummary> byKey = new HashMap<>();
        List<String> beyond = new ArrayList<>();
        List<BoxSummary> drawn = new ArrayList<>();
        SummaryBoxRenderer renderer = new SummaryBoxRenderer(drawn, scale, style.text());
        int series = 0;
        for (BoxSummary box : data.boxes()) {
            if (box.isEmpty()) {
                beyond.add(box.group().label() + ": no known values");
                continue;
            }
            String key = ChartText.legend(box.group(), box.n());
            drawn.add(box);
            dataset.add(new BoxAndWhiskerItem(scale.forward(box.mean()), scale.forward(box.median()),
                    scale.forward(box.q1()), scale.forward(box.q3()), scale.forward(box.whiskerLow()),
                    scale.forward(box.whiskerHigh()), scale.forward(box.min()), scale.forward(box.max()), List.of()),
                    key, metric.label());
            byKey.put(key, box);
            Color colour = ChartStyle.colour(box.group(), box.groupIndex());
            renderer.setSeriesPaint(series, ChartStyle.translucent(colour, 150));
            renderer.setSeriesOutlinePaint(series, colour);
            renderer.setSeriesOutlineStroke(series, ChartBuilder.line(1.4f));
            series++;
            beyond.add(box.group().label() + ": " + PaperFormat.count(box.aboveWhisker()) + " above the whisker"
                    + (box.aboveWhisker() > 0 ? " (max " + ChartText.exact(box.max()) + ")" : "")
                    + (box.belowWhisker() > 0 ? ", " + PaperFormat.count(box.belowWhisker()) + " below (min "
                    + ChartText.exact(box.min()) + ")" : ""));
        }
        renderer.setFillBox(true);
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setWhiskerWidth(0.5);
        renderer.setMaximumBarWidth(0.18);
        renderer.setItemMargin(0.25);
        renderer.setArtifactPaint(style.text());
        renderer.setDefaultToolTipGenerator((dataset1, row, column) -> {
            BoxSummary box = byKey.get(dataset1.getRowKey(row));
            return box == null ? null : boxTooltip(metric, box);
        });
        CategoryAxis categories = new CategoryAxis(null);
        categories.setTickLabelsVisible(false);
        categories.setTickMarksVisible(false);
        CategoryPlot plot = new CategoryPlot(dataset, categories, valueAxis(metric, scale), renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        ChartBuilder.style(plot, style);
        List<String> notes = new ArrayList<>();
        notes.add(ChartText.filterLine(data));
        notes.add("Box: quartiles (NumPy linear percentiles) and median; ×: mean; whiskers: the most extreme values "
                + "within 1.5 IQR" + (scale == ValueScale.LOG1P ? " on the log(1 + x) scale" : "")
                + "; circles: minimum and maximum beyond the whiskers, with how many lie beyond.");
        notes.add("Beyond the whiskers — " + String.join("; ", beyond) + ".");
        JFreeChart chart = ChartBuilder.chart(ChartText.title(metric.label(), data), plot, notes, style);
        return new BuiltChart(chart, data, entity -> {
            if (entity instanceof CategoryItemEntity item && byKey.get(item.getRowKey()) instanceof BoxSummary box) {
                return Optional.of(ChartSelection.range(box.groupIndex(),
                        MetricRange.closed(metric.key(), box.q1(), box.q3()).computedBy(metric.expression()), "the middle half of "
                                + box.group().subject() + " (" + metric.label().toLowerCase(java.util.Locale.ROOT)
                                + " " + ChartText.exact(box.q1()) + " to " + ChartText.exact(box.q3()) + ")"));
            }
            return Optional.empty();
        }, entity -> Optional.empty(), null);
    }

    static String boxTooltip(Metric metric, BoxSummary box) {
        return box.group().label() + " — " + metric.label() + "\nn = " + PaperFormat.count(box.n())
                + "\nmedian " + ChartText.exact(box.median()) + ", mean " + ChartText.exact(box.mean())
                + "\nQ1–Q3 " + ChartText.exact(box.q1()) + " – " + ChartText.exact(box.q3())
                + "\nwhiskers " + ChartText.exact(box.whiskerLow()) + " – " + ChartText.exact(box.whiskerHigh())
                + "\n" + PaperFormat.count(box.aboveWhisker()) + " above the whisker, "
                + PaperFormat.count(box.belowWhisker()) + " below; min " + ChartText.exact(box.min()) + ", max "
                + ChartText.exact(box.max()) + "\nClick to list the middle half (Q1–Q3).";
    }

    // ECDF --------------------------------------------------------------------------------------------------------

    static BuiltChart ecdf(EcdfData data, ChartStyle style) {
        Metric metric = data.metric();
        List<String> keys = new ArrayList<>();
        List<Group> groups = data.groups();
        for (int g = 0; g < groups.size(); g++) {
            keys.add(ChartText.legend(groups.get(g), data.curves().get(g).n()));
        }
        EcdfDataset dataset = new EcdfDataset(data, keys);
        XYStepRenderer renderer = new XYStepRenderer();
        // Bounds from the dataset (all data), not from the points drawn now (the zoomed sample): else "reset zoom"
        // would return to the last zoom.
        renderer.setDataBoundsIncludesVisibleSeriesOnly(false);
        for (int g = 0; g < groups.size(); g++) {
            renderer.setSeriesPaint(g, ChartStyle.colour(groups.get(g), g));
            renderer.setSeriesStroke(g, ChartBuilder.line(2f));
        }
        String[] totals = new String[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            totals[g] = " of " + ChartText.count(data.curves().get(g).n()) + "). Click to list them.";
        }
        String noun = " " + ChartText.noun(metric) + "\n(";
        renderer.setDefaultToolTipGenerator((dataset1, series, item) -> {
            double value = dataset.value(series, item);
            return groups.get(series).label() + ": " + ChartText.percent(dataset.fraction(series, item))
                    + " of repositories have ≤ " + ChartText.exact(value) + noun
                    + ChartText.count(Math.round(dataset.fraction(series, item) * data.curves().get(series).n()))
                    + totals[series];
        });
        ValueAxis x = valueAxis(metric, data.scale());
        NumberAxis y = new NumberAxis("Cumulative share of repositories (%)");
        y.setRange(0, 1.0);
        y.setNumberFormatOverride(new java.text.DecimalFormat("0%"));
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        ChartBuilder.style(plot, style);
        // Zooming resamples the curves from the exact tables (see EcdfDataset).
        x.addChangeListener(event -> dataset.show(x.getLowerBound(), x.getUpperBound()));
        List<String> notes = List.of(ChartText.filterLine(data), "ECDF: the share of each group's repositories with "
                + "at most x; exact at every drawn step (thinned to two points per pixel column).");
        JFreeChart chart = ChartBuilder.chart(ChartText.title("Distribution of " + metric.label().toLowerCase(
                java.util.Locale.ROOT), data), plot, notes, style);
        return new BuiltChart(chart, data, entity -> {
            if (entity instanceof XYItemEntity item && item.getDataset() == dataset) {
                double value = dataset.value(item.getSeriesIndex(), item.getItem());
                Group group = groups.get(item.getSeriesIndex());
                return Optional.of(ChartSelection.range(item.getSeriesIndex(),
                        new MetricRange(metric.key(), Double.NEGATIVE_INFINITY, false, value, true,
                                metric.expression()),
                        group.subject() + " with at most " + ChartText.exact(value) + " " + ChartText.noun(metric)));
            }
            return Optional.empty();
        }, entity -> Optional.empty(), dataset);
    }

    // Histogram ---------------------------------------------------------------------------------------------------

    static BuiltChart histogram(HistogramData data, ChartStyle style) {
        Metric metric = data.metric();
        ValueScale scale = data.scale();
        HistogramBins bins = data.bins();
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        List<Group> groups = data.groups();
        ClusteredXYBarRenderer renderer = new ClusteredXYBarRenderer(0.08, false);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        for (int g = 0; g < groups.size(); g++) {
            XYIntervalSeries series = new XYIntervalSeries(ChartText.legend(groups.get(g), data.n().get(g)));
            for (int bin = 0; bin < bins.count(); bin++) {
                double low = scale.forward(bins.low(bin));
                double high = scale.forward(bins.high(bin));
                double percent = data.n().get(g) == 0 ? 0 : data.share(g, bin) * 100;
                series.add((low + high) / 2, low, high, percent, percent, percent);
            }
            dataset.addSeries(series);
            renderer.setSeriesPaint(g, ChartStyle.colour(groups.get(g), g));
        }
        renderer.setDefaultToolTipGenerator((dataset1, series, item) ->
                groups.get(series).label() + ": " + ChartText.percent(data.share(series, item)) + " ("
                        + PaperFormat.count(data.counts().get(series)[item]) + " of "
                        + PaperFormat.count(data.n().get(series)) + ") have " + binText(bins, item) + " "
                        + ChartText.noun(metric) + "\nClick to list them.");
        ValueAxis x = valueAxis(metric, scale);
        NumberAxis y = percentAxis("Share of the group's repositories (%)");
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        ChartBuilder.style(plot, style);
        List<String> notes = List.of(ChartText.filterLine(data), "Histogram: " + bins.count() + " bins "
                + (scale == ValueScale.LOG1P ? "evenly spaced on log(1 + x)" : "of equal width")
                + "; bar height = share of the group's repositories in the bin.");
        JFreeChart chart = ChartBuilder.chart(ChartText.title("Histogram of " + metric.label().toLowerCase(
                java.util.Locale.ROOT), data), plot, notes, style);
        return new BuiltChart(chart, data, entity -> {
            if (entity instanceof XYItemEntity item && item.getDataset() == dataset) {
                int bin = item.getItem();
                // Whole numbers: [10, 16) is 10 to 15, which reads better in the Repositories filter bar.
                MetricRange range = (bins.wholeNumbers()
                        ? MetricRange.closed(metric.key(), bins.low(bin), bins.high(bin) - 1)
                        : new MetricRange(metric.key(), bins.low(bin), true, bins.high(bin), bins.closedAbove(bin)))
                        .computedBy(metric.expression());
                return Optional.of(ChartSelection.range(item.getSeriesIndex(), range,
                        groups.get(item.getSeriesIndex()).subject() + " with " + binText(bins, bin) + " "
                                + ChartText.noun(metric)));
            }
            return Optional.empty();
        }, entity -> Optional.empty(), null);
    }

    /** "10–15" for whole numbers, "[0.05, 0.1)" otherwise. */
    static String binText(HistogramBins bins, int bin) {
        if (bins.wholeNumbers()) {
            double low = bins.low(bin);
            double last = bins.high(bin) - 1;
            return low == last ? ChartText.exact(low) : ChartText.exact(low) + "–" + ChartText.exact(last);
        }
        return "[" + ChartText.exact(bins.low(bin)) + ", " + ChartText.exact(bins.high(bin))
                + (bins.closedAbove(bin) ? "]" : ")");
    }
}
