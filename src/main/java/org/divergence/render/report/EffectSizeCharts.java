package org.divergence.render.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.EffectDisplay;
import org.divergence.core.metrics.Headlines;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricComparison;
import org.divergence.core.metrics.NumericComparison;
import org.divergence.core.metrics.PairComparison;
import org.divergence.core.metrics.PaperFormat;
import org.divergence.core.metrics.StratifiedComparison;
import org.divergence.core.report.ChartDrawing;
import org.divergence.core.report.ReportChart;
import org.divergence.core.report.ReportCharts;
import org.divergence.core.stats.EffectMagnitude;
import org.divergence.core.stats.Interval;

/**
 * The built-in chart per dimension: every metric's effect size as a dot on one axis (Cliff's δ with its confidence
 * interval for numbers, Cohen's h for shares), as every table and chart shows effect sizes: right of zero means group
 * a tends higher (δ = P(a &gt; b) − P(a &lt; b) as is, h as h_a − h_b; {@link EffectDisplay}). Each row shades its
 * measure's negligible range; a dot takes the colour of the group that tends higher. Compared within creation years,
 * a second chart per dimension draws the lead metric's δ in each year (a forest plot).
 */
public final class EffectSizeCharts implements ReportCharts {

    private static final double WIDTH = 680;
    private static final double LABEL_RIGHT = 214;
    private static final double PLOT_LEFT = 226;
    private static final double PLOT_RIGHT = 506;
    private static final double VALUE_LEFT = 518;
    private static final double TOP = 30;
    private static final double ROW = 26;
    private static final double BOTTOM = 44;

    @Override
    public String name() {
        return "built-in effect-size charts";
    }

    @Override
    public List<ReportChart> dimensionCharts(Dimension dimension, ComparisonReport comparison) {
        List<Row> rows = new ArrayList<>();
        for (PairComparison pair : comparison.comparisons()) {
            for (MetricComparison metric : pair.metrics()) {
                if (metric.metric().dimension().equals(dimension)) {
                    rows.add(new Row(pair, metric, metric.metric().label()
                            + (comparison.comparisons().size() > 1 ? " · " + pair.b().label() : "")));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        PairComparison first = comparison.comparisons().getFirst();
        boolean severalPairs = comparison.comparisons().size() > 1;
        String aName = first.a().label();
        String bName = severalPairs ? "the other group" : first.b().label();
        ChartDrawing drawing = draw(rows, aName, bName);
        String id = "chart-" + dimension.id();
        String title = dimension.label() + ": effect sizes";
        String caption = "Each dot is a metric's effect size: Cliff's δ (numbers, with its "
                + percent(comparison.bootstrap().level()) + " confidence interval) or Cohen's h = h_a − h_b (shares). "
                + "Right of zero, " + aName + " tends higher; left, " + bName + " does. The shaded band is the "
                + "negligible range (|δ| < 0.147, |h| < 0.2).";
        String description = caption + " " + String.join("; ", rows.stream().map(Row::describe).toList()) + ".";
        List<ReportChart> charts = new ArrayList<>(List.of(new ReportChart(id, title, caption,
                drawing.toSvg(id, title, description), drawing)));
        if (comparison.isStratified() && Headlines.leadMetric(dimension) != null) {
            charts.add(byYear(dimension, comparison));
        }
        return List.copyOf(charts);
    }

    /** The dimension's lead metric, Cliff's δ in each creation year where both groups have repositories. */
    private static ReportChart byYear(Dimension dimension, ComparisonReport comparison) {
        Metric metric = Headlines.leadMetric(dimension);
        boolean severalPairs = comparison.comparisons().size() > 1;
        List<Row> rows = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        for (PairComparison pair : comparison.comparisons()) {
            for (StratifiedComparison.Stratum stratum : pair.stratified().strata()) {
                MetricComparison year = stratum.comparison().metric(metric);
                if (!Double.isNaN(year.effectSize())) {
                    rows.add(new Row(stratum.comparison(), year, stratum.label()
                            + (severalPairs ? " · " + pair.b().label() : "")));
                }
            }
            StratifiedComparison.StratifiedTest test = pair.stratified().test(metric);
            tests.add((severalPairs ? pair.b().label() + ": " : "") + (Double.isNaN(test.pValue())
                    ? "no year with both groups" : "van Elteren Z = " + String.format(Locale.ROOT, "%.2f",
                    test.statistic()) + ", p " + p(test.pValue()) + " over " + test.strata() + " years"));
        }
        PairComparison first = comparison.comparisons().getFirst();
        String aName = first.a().label();
        String bName = severalPairs ? "the other group" : first.b().label();
        String id = "chart-" + dimension.id() + "-by-year";
        String title = metric.label() + " by creation year";
        String caption = "Cliff's δ of " + metric.label().toLowerCase(Locale.ROOT) + " within each creation year where "
                + "both groups have repositories, with its " + percent(comparison.bootstrap().level())
                + " confidence interval; right of zero, " + aName + " tends higher. Across years: "
                + String.join("; ", tests) + ".";
        ChartDrawing drawing = draw(rows, aName, bName);
        String description = caption + " " + String.join("; ", rows.stream().map(Row::describe).toList()) + ".";
        return new ReportChart(id, title, caption, drawing.toSvg(id, title, description), drawing);
    }

    private record Row(PairComparison pair, MetricComparison comparison, String label) {

        /** The effect as drawn: positive = group a tends higher. NaN when undefined. */
        double drawn() {
            return EffectDisplay.value(comparison);
        }

        Interval drawnInterval() {
            return comparison instanceof NumericComparison c ? c.cliffsDeltaInterval() : null;
        }

        double negligible() {
            return comparison instanceof NumericComparison ? 0.147 : 0.2;
        }

        String value() {
            if (Double.isNaN(drawn())) {
                return EffectDisplay.symbol(comparison) + " undefined";
            }
            EffectMagnitude magnitude = comparison.magnitude();
            return EffectDisplay.text(comparison) + (magnitude == null ? "" : ", " + magnitude.word());
        }

        String describe() {
            return label + " " + value() + ", p " + p(comparison.pValue());
        }
    }

    private static ChartDrawing draw(List<Row> rows, String aName, String bName) {
        double extent = 1;
        for (Row row : rows) {
            if (!Double.isNaN(row.drawn())) {
                extent = Math.max(extent, Math.ceil(Math.abs(row.drawn()) * 2) / 2);
            }
        }
        double height = TOP + rows.size() * ROW + BOTTOM;
        ChartDrawing drawing = new ChartDrawing(WIDTH, height);
        double range = extent;
        java.util.function.DoubleUnaryOperator x = value -> PLOT_LEFT + (value + range) / (2 * range)
                * (PLOT_RIGHT - PLOT_LEFT);
        double plotBottom = TOP + rows.size() * ROW;
        drawing.add(new ChartDrawing.Text(PLOT_LEFT, 16, "← " + bName + " higher", 11, ChartDrawing.Anchor.START,
                false, ChartDrawing.INK, 0.7));
        drawing.add(new ChartDrawing.Text(PLOT_RIGHT, 16, aName + " higher →", 11, ChartDrawing.Anchor.END, false,
                ChartDrawing.INK, 0.7));
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            double top = TOP + i * ROW;
            double middle = top + ROW / 2;
            if (i % 2 == 0) {
                drawing.add(new ChartDrawing.Rect(0, top, WIDTH, ROW, ChartDrawing.INK, 0.04));
            }
            double band = Math.min(row.negligible(), range);
            drawing.add(new ChartDrawing.Rect(x.applyAsDouble(-band), top + 4, x.applyAsDouble(band)
                    - x.applyAsDouble(-band), ROW - 8, ChartDrawing.INK, 0.08));
            drawing.add(new ChartDrawing.Text(LABEL_RIGHT, middle + 4, row.label(), 12, ChartDrawing.Anchor.END,
                    false, ChartDrawing.INK, 1));
            double effect = row.drawn();
            if (!Double.isNaN(effect)) {
                String color = GroupColors.of(effect >= 0 ? row.pair().a().key() : row.pair().b().key(),
                        effect >= 0 ? 0 : 1);
                Interval interval = row.drawnInterval();
                if (interval != null) {
                    drawing.add(new ChartDrawing.Line(x.applyAsDouble(interval.low()), middle,
                            x.applyAsDouble(interval.high()), middle, color, 2, 1, false));
                }
                drawing.add(new ChartDrawing.Circle(x.applyAsDouble(effect), middle, 5, color, "#FFFFFF"));
            }
            drawing.add(new ChartDrawing.Text(VALUE_LEFT, middle + 4, row.value(), 11, ChartDrawing.Anchor.START,
                    false, ChartDrawing.INK, 0.85));
        }
        drawing.add(new ChartDrawing.Line(x.applyAsDouble(0), TOP - 4, x.applyAsDouble(0), plotBottom + 4,
                ChartDrawing.INK, 1, 0.6, false));
        drawing.add(new ChartDrawing.Line(PLOT_LEFT, plotBottom + 4, PLOT_RIGHT, plotBottom + 4, ChartDrawing.INK, 1,
                0.6, false));
        for (double tick = -range; tick <= range + 1e-9; tick += range / 2) {
            double at = x.applyAsDouble(tick);
            drawing.add(new ChartDrawing.Line(at, plotBottom + 4, at, plotBottom + 8, ChartDrawing.INK, 1, 0.6,
                    false));
            drawing.add(new ChartDrawing.Text(at, plotBottom + 20, String.format(Locale.ROOT, "%.1f", tick)
                    .replace("-0.0", "0.0"), 11, ChartDrawing.Anchor.MIDDLE, false, ChartDrawing.INK, 0.7));
        }
        drawing.add(new ChartDrawing.Text((PLOT_LEFT + PLOT_RIGHT) / 2, plotBottom + 36,
                "effect size, " + EffectDisplay.direction(aName) + " (δ; h = h_a − h_b)", 11,
                ChartDrawing.Anchor.MIDDLE, false, ChartDrawing.INK, 0.7));
        return drawing;
    }

    private static String p(double p) {
        String formatted = PaperFormat.pValue(p);
        return formatted.startsWith("<") || formatted.equals(PaperFormat.UNDEFINED) ? formatted : "= " + formatted;
    }

    private static String percent(double level) {
        return Math.round(level * 100) + "%";
    }
}
