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
import org.divergence.core.charts.YearEffectsData;
import org.divergence.core.charts.ShareBar;
import org.divergence.core.charts.ShareData;
import org.divergence.core.metrics.EffectDisplay;
import org.divergence.core.metrics.GroupPair;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricKind;
import org.divergence.core.metrics.PaperFormat;
import org.divergence.core.metrics.StratifiedComparison;
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
                        MetricRange.atLeast(metric.shareOf().key(), metric.threshold())
                                .computedBy(metric.shareOf().expression()),
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
        List<Metric> rows = data.rows();
        String[] labels = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Metric metric = rows.get(rows.size() - 1 - i);
            labels[i] = metric.label() + (metric.kind() == MetricKind.SHARE ? " (share)" : "");
        }
        Forest forest = new Forest(data.split().pairs().size());
        for (int p = 0; p < data.split().pairs().size(); p++) {
            final int pair = p;
            List<EffectEstimate> estimates = data.estimates().stream().filter(e -> e.pair() == pair).toList();
            if (estimates.isEmpty()) {
                continue;
            }
            GroupPair groups = data.split().pairs().get(p);
            forest.series(estimates, p, groups, data.repositories().get(groups.a()),
                    data.repositories().get(groups.b()),
                    estimate -> rows.size() - 1 - rows.indexOf(estimate.metric()));
        }
        List<String> notes = List.of(ChartText.filterLine(data), "Positive: " + data.groups().getFirst().label()
                + " tends higher. Shaded: negligible (|delta| < 0.147); dashed: medium (0.33) and large (0.474), "
                + "Romano et al. For shares delta = share a − share b. Intervals: Feng & Cliff, as R's effsize.");
        JFreeChart chart = ChartBuilder.chart("Effect sizes of all metrics: " + ChartText.groups(data),
                forest.plot(labels, data.groups().getFirst().label(), style), notes, style);
        return forest.built(chart, data);
    }

    /** One metric's Cliff's delta per creation year (rows: years, newest at the bottom), per pair. */
    static BuiltChart effectsByYear(YearEffectsData data, ChartStyle style) {
        List<Integer> years = data.years();
        String[] labels = new String[years.size()];
        for (int i = 0; i < years.size(); i++) {
            labels[i] = Integer.toString(years.get(years.size() - 1 - i));
        }
        Forest forest = new Forest(data.split().pairs().size());
        List<String> tests = new ArrayList<>();
        for (int p = 0; p < data.split().pairs().size(); p++) {
            final int pair = p;
            List<YearEffectsData.YearEffect> drawn = data.effects().stream()
                    .filter(effect -> effect.estimate().pair() == pair && years.contains(effect.year())).toList();
            GroupPair groups = data.split().pairs().get(p);
            Map<EffectEstimate, Integer> yearOf = new java.util.IdentityHashMap<>();
            drawn.forEach(effect -> yearOf.put(effect.estimate(), effect.year()));
            forest.series(drawn.stream().map(YearEffectsData.YearEffect::estimate).toList(), p, groups,
                    drawn.stream().mapToLong(effect -> effect.estimate().nA()).sum(),
                    drawn.stream().mapToLong(effect -> effect.estimate().nB()).sum(),
                    estimate -> years.size() - 1 - years.indexOf(yearOf.get(estimate)));
            tests.add(acrossYears(data, groups, data.acrossYears().get(p)));
        }
        Metric metric = data.metric();
        List<String> notes = new ArrayList<>(List.of(ChartText.filterLine(data) + " Unknown creation date, left out: "
                + String.join(", ", java.util.stream.IntStream.range(0, data.groups().size()).mapToObj(g ->
                data.groups().get(g).label() + " " + PaperFormat.count(data.unknown().get(g))).toList()) + ".",
                "Positive: " + data.groups().getFirst().label() + " tends higher. Shaded: negligible (|delta| < 0.147)"
                        + (metric.kind() == MetricKind.SHARE ? "; delta = share a − share b" : "")
                        + ". Intervals: Feng & Cliff, as R's effsize. Across years: " + String.join("; ", tests)
                        + "." + withoutEstimate(data.yearsWithoutEstimate())));
        JFreeChart chart = ChartBuilder.chart(metric.label() + " by creation year: " + ChartText.groups(data),
                forest.plot(labels, data.groups().getFirst().label(), style), notes, style);
        return forest.built(chart, data);
    }

    /** " Not drawn: 2008–2020 (a group has no repository then)." */
    private static String withoutEstimate(List<Integer> years) {
        if (years.isEmpty()) {
            return "";
        }
        String span = years.size() == 1 ? years.getFirst().toString()
                : years.getLast() - years.getFirst() == years.size() - 1 ? years.getFirst() + "–" + years.getLast()
                : String.join(", ", years.stream().map(String::valueOf).toList());
        return " Not drawn: " + span + " (a group has no repository then).";
    }

    private static String acrossYears(YearEffectsData data, GroupPair groups,
                                      StratifiedComparison.StratifiedTest test) {
        String pair = data.split().pairs().size() == 1 ? ""
                : data.groups().get(groups.a()).label() + " vs " + data.groups().get(groups.b()).label() + " ";
        if (Double.isNaN(test.pValue())) {
            return pair + "no year with both groups";
        }
        String p = PaperFormat.pValue(test.pValue());
        return pair + (data.metric().kind() == MetricKind.NUMERIC ? "van Elteren Z = " : "CMH χ² = ")
                + String.format(Locale.ROOT, "%.2f", test.statistic()) + ", p " + (p.startsWith("<") ? p : "= " + p)
                + " (" + test.strata() + " years)";
    }

    /** A forest plot's series: per pair a series of estimates with their intervals, rows placed by the caller. */
    private static final class Forest {
        private final XIntervalSeriesCollection dataset = new XIntervalSeriesCollection();
        private final XYErrorRenderer renderer = new XYErrorRenderer();
        private final Map<String, EffectEstimate> byItem = new HashMap<>();
        private final int pairs;

        Forest(int pairs) {
            this.pairs = pairs;
            renderer.setDrawYError(false);
            renderer.setDrawXError(true);
            renderer.setCapLength(5);
            renderer.setErrorStroke(new BasicStroke(1.6f));
            renderer.setDefaultLinesVisible(false);
            renderer.setDefaultShapesVisible(true);
            renderer.setErrorPaint(null);
            renderer.setDefaultToolTipGenerator((dataset1, series, item) -> {
                EffectEstimate estimate = byItem.get(series + ":" + item);
                return estimate == null ? null : effectTooltip(estimate);
            });
        }

        void series(List<EffectEstimate> estimates, int p, GroupPair groups, long nA, long nB,
                    java.util.function.ToIntFunction<EffectEstimate> row) {
            if (estimates.isEmpty()) {
                return;
            }
            EffectEstimate first = estimates.getFirst();
            XIntervalSeries series = new XIntervalSeries(first.a().label() + " vs " + first.b().label() + " (n = "
                    + PaperFormat.count(nA) + " / " + PaperFormat.count(nB) + ")");
            double offset = pairs == 1 ? 0 : (p - (pairs - 1) / 2.0) * 0.22;
            for (EffectEstimate estimate : estimates) {
                if (Double.isNaN(estimate.delta())) {
                    continue;
                }
                Interval interval = estimate.interval();
                series.add(estimate.delta(), interval == null ? estimate.delta() : interval.low(),
                        interval == null ? estimate.delta() : interval.high(), row.applyAsInt(estimate) + offset);
                byItem.put(dataset.getSeriesCount() + ":" + (series.getItemCount() - 1), estimate);
            }
            int index = dataset.getSeriesCount();
            dataset.addSeries(series);
            renderer.setSeriesPaint(index, ChartStyle.colour(first.b(), groups.b()));
            renderer.setSeriesShape(index, new java.awt.geom.Rectangle2D.Double(-4, -4, 8, 8));
        }

        XYPlot plot(String[] labels, String groupA, ChartStyle style) {
            NumberAxis x = new NumberAxis("Cliff's delta (95% CI), " + EffectDisplay.direction(groupA)
                    + ": P(a > b) − P(a < b), a = " + groupA);
            x.setRange(-1, 1);
            SymbolAxis y = new SymbolAxis(null, labels);
            y.setGridBandsVisible(false);
            XYPlot plot = new XYPlot(dataset, x, y, renderer);
            ChartBuilder.style(plot, style);
            plot.setRangeGridlinesVisible(false);
            IntervalMarker negligible = new IntervalMarker(-0.147, 0.147);
            negligible.setPaint(style.band());
            plot.addDomainMarker(negligible, Layer.BACKGROUND);
            plot.addDomainMarker(new ValueMarker(0, style.reference(), new BasicStroke(1f)), Layer.BACKGROUND);
            for (double threshold : new double[] {-0.474, -0.33, 0.33, 0.474}) {
                plot.addDomainMarker(new ValueMarker(threshold, style.grid(), new BasicStroke(0.8f,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {3f, 3f}, 0f)),
                        Layer.BACKGROUND);
            }
            return plot;
        }

        /** Clicking a point shows that metric's distribution. */
        BuiltChart built(JFreeChart chart, org.divergence.core.charts.ChartData data) {
            return new BuiltChart(chart, data, entity -> Optional.empty(), entity -> {
                if (entity instanceof XYItemEntity item && item.getDataset() == dataset) {
                    EffectEstimate estimate = byItem.get(item.getSeriesIndex() + ":" + item.getItem());
                    return Optional.ofNullable(estimate).map(EffectEstimate::metric);
                }
                return Optional.empty();
            }, null);
        }
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
