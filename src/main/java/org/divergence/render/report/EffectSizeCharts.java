package org.divergence.render.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.MetricComparison;
import org.divergence.core.metrics.NumericComparison;
import org.divergence.core.metrics.PairComparison;
import org.divergence.core.metrics.PaperFormat;
import org.divergence.core.metrics.ShareComparison;
import org.divergence.core.report.ChartDrawing;
import org.divergence.core.report.ReportChart;
import org.divergence.core.report.ReportCharts;
import org.divergence.core.stats.EffectMagnitude;
import org.divergence.core.stats.Interval;

/**
 * The built-in chart per dimension: every metric's effect size as a dot on one axis (Cliff's δ with its confidence
 * interval for numbers, Cohen's h for shares), oriented so that right of zero means group b tends higher — δ is
 * P(a &gt; b) − P(a &lt; b), so it is drawn mirrored, while h = h_b − h_a is drawn as is. Each row shades its
 * measure's negligible range; a dot takes the colour of the group that tends higher.
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
                if (metric.metric().dimension() == dimension) {
                    rows.add(new Row(pair, metric, comparison.comparisons().size() > 1));
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
        String id = "chart-" + dimension.key().replace('_', '-');
        String title = dimension.label() + ": effect sizes";
        String caption = "Each dot is a metric's effect size: Cliff's δ (numbers, with its "
                + percent(comparison.bootstrap().level()) + " confidence interval) or Cohen's h (shares). "
                + "Right of zero, " + bName + " tends higher; left, " + aName + " does. The shaded band is the "
                + "negligible range (|δ| < 0.147, |h| < 0.2).";
        String description = caption + " " + String.join("; ", rows.stream().map(Row::describe).toList()) + ".";
        return List.of(new ReportChart(id, title, caption, drawing.toSvg(id, title, description), drawing));
    }

    private record Row(PairComparison pair, MetricComparison comparison, boolean namePair) {

        String label() {
            return comparison.metric().label() + (namePair ? " · " + pair.b().label() : "");
        }

        /** The effect as drawn: positive = group b tends higher. NaN when undefined. */
        double drawn() {
            return switch (comparison) {
                case NumericComparison c -> -c.cliffsDelta();
                case ShareComparison c -> c.cohensH();
            };
        }

        Interval drawnInterval() {
            if (comparison instanceof NumericComparison c && c.cliffsDeltaInterval() != null) {
                return new Interval(-c.cliffsDeltaInterval().high(), -c.cliffsDeltaInterval().low(),
                        c.cliffsDeltaInterval().level());
            }
            return null;
        }

        double negligible() {
            return comparison instanceof NumericComparison ? 0.147 : 0.2;
        }

        String symbol() {
            return comparison instanceof NumericComparison ? "δ" : "h";
        }

        String value() {
            double effect = comparison.effectSize();
            if (Double.isNaN(effect)) {
                return symbol() + " undefined";
            }
            EffectMagnitude magnitude = comparison.magnitude();
            return symbol() + " = " + PaperFormat.effect(effect) + (magnitude == null ? "" : ", " + magnitude.word());
        }

        String describe() {
            return label() + " " + value() + ", p " + p(comparison.pValue());
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
        drawing.add(new ChartDrawing.Text(PLOT_LEFT, 16, "← " + aName + " higher", 11, ChartDrawing.Anchor.START,
                false, ChartDrawing.INK, 0.7));
        drawing.add(new ChartDrawing.Text(PLOT_RIGHT, 16, bName + " higher →", 11, ChartDrawing.Anchor.END, false,
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
                String color = GroupColors.of(effect >= 0 ? row.pair().b().key() : row.pair().a().key(),
                        effect >= 0 ? 1 : 0);
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
                "effect size (δ mirrored, h as is)", 11, ChartDrawing.Anchor.MIDDLE, false, ChartDrawing.INK, 0.7));
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
