package org.divergence.render.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A value axis for data plotted at ln(1 + value): it shows 0 (which a log axis cannot) and ticks at round values of
 * the original scale — powers of ten, or 1-2-5 steps, or whole numbers when zoomed in — labelled with those values.
 */
public final class Log1pAxis extends NumberAxis {

    public Log1pAxis(String label) {
        super(label);
        setAutoRangeIncludesZero(false);
        setLowerMargin(0.02);
        setUpperMargin(0.04);
        // A constant series (e.g. every yearly median is 1) still gets a readable span: about ×2.7 around it.
        setAutoRangeMinimumSize(1.0);
    }

    @Override
    public List<ValueTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        double pixels = horizontal ? dataArea.getWidth() : dataArea.getHeight();
        int most = Math.max(2, (int) (pixels / (horizontal ? 64 : 32)));
        Range range = getRange();
        double low = Math.expm1(range.getLowerBound());
        double high = Math.expm1(range.getUpperBound());
        List<Double> values = choose(low, high, most);
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER
                : edge == RectangleEdge.BOTTOM ? TextAnchor.TOP_CENTER
                : edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        List<ValueTick> ticks = new ArrayList<>();
        for (double value : values) {
            ticks.add(new NumberTick(TickType.MAJOR, Math.log1p(value), label(value), anchor, anchor, 0.0));
        }
        return ticks;
    }

    /** Round values in [low, high]: the finest of powers of ten, 1-2-5 or linear steps that fits in {@code most}. */
    static List<Double> choose(double low, double high, int most) {
        List<Double> powers = logarithmic(low, high, new double[] {1});
        List<Double> oneTwoFive = logarithmic(low, high, new double[] {1, 2, 5});
        if (oneTwoFive.size() <= most && oneTwoFive.size() >= 3) {
            return oneTwoFive;
        }
        if (oneTwoFive.size() > most) {
            if (powers.size() <= most) {
                return powers;
            }
            List<Double> thinned = new ArrayList<>();
            int step = (int) Math.ceil(powers.size() / (double) most);
            for (int i = 0; i < powers.size(); i += step) {
                thinned.add(powers.get(i));
            }
            return thinned;
        }
        return linear(low, high, Math.min(most, 6));
    }

    private static List<Double> logarithmic(double low, double high, double[] mantissas) {
        TreeSet<Double> values = new TreeSet<>();
        if (low <= 0 && high >= 0) {
            values.add(0.0);
        }
        if (high >= 1) {
            int first = (int) Math.floor(Math.log10(Math.max(low, 1e-3)));
            int last = (int) Math.ceil(Math.log10(high));
            for (int exponent = Math.max(first, -3); exponent <= last; exponent++) {
                for (double mantissa : mantissas) {
                    double value = mantissa * Math.pow(10, exponent);
                    if (value >= low && value <= high && value >= 1) {
                        values.add(exponent >= 0 ? Math.rint(value) : value);
                    }
                }
            }
        }
        return new ArrayList<>(values);
    }

    private static List<Double> linear(double low, double high, int count) {
        double rough = (high - low) / Math.max(1, count);
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = rough / magnitude < 1.5 ? magnitude : rough / magnitude < 3.5 ? 2 * magnitude
                : rough / magnitude < 7.5 ? 5 * magnitude : 10 * magnitude;
        List<Double> values = new ArrayList<>();
        for (long k = (long) Math.ceil(low / step); k * step <= high + step * 1e-9; k++) {
            // Rounded to the step's decimals, so labels read 0.2, 0.4, not 0.6000000000000001.
            double value = new java.math.BigDecimal(k * step).round(new java.math.MathContext(12)).doubleValue();
            values.add(Math.abs(value) < step * 1e-9 ? 0 : value);
        }
        return values;
    }

    /** 0, 1, 20, 500, 1,000, 5,000, 10k, 2.5M, 0.25. */
    static String label(double value) {
        if (value >= 1e6) {
            return trim(value / 1e6) + "M";
        }
        if (value >= 1e4) {
            return trim(value / 1e3) + "k";
        }
        if (value == Math.rint(value)) {
            return String.format(java.util.Locale.ROOT, "%,d", (long) value);
        }
        return trim(value);
    }

    private static String trim(double value) {
        String text = String.format(java.util.Locale.ROOT, "%.3g", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
