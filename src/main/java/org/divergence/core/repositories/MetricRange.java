package org.divergence.core.repositories;

import java.util.Locale;
import org.divergence.core.common.InvalidInputException;

/**
 * Repositories whose value of one per-repository metric lies in a range, e.g. the bin of a histogram or the box of a
 * box plot that was clicked. The metric is named by its key (e.g. "commits"; the metrics live in core.metrics, which
 * builds on this package) and, for a custom metric, carries its expression (null for a built-in metric); an infinite
 * bound is open. Repositories whose metric is unknown never match.
 */
public record MetricRange(String metric, double low, boolean lowInclusive, double high, boolean highInclusive,
                          String expression) {

    /** A range of a built-in metric. */
    public MetricRange(String metric, double low, boolean lowInclusive, double high, boolean highInclusive) {
        this(metric, low, lowInclusive, high, highInclusive, null);
    }

    public MetricRange {
        if (metric == null || metric.isBlank()) {
            throw new InvalidInputException("a metric range needs a metric");
        }
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new InvalidInputException("metric range " + low + " to " + high + " of " + metric + " is empty");
        }
    }

    /** low ≤ value ≤ high. */
    public static MetricRange closed(String metric, double low, double high) {
        return new MetricRange(metric, low, true, high, true);
    }

    /** low ≤ value &lt; high (a histogram bin). */
    public static MetricRange halfOpen(String metric, double low, double high) {
        return new MetricRange(metric, low, true, high, false);
    }

    /** value ≥ low. */
    public static MetricRange atLeast(String metric, double low) {
        return new MetricRange(metric, low, true, Double.POSITIVE_INFINITY, false);
    }

    /** value &gt; low. */
    public static MetricRange above(String metric, double low) {
        return new MetricRange(metric, low, false, Double.POSITIVE_INFINITY, false);
    }

    /** value &lt; high. */
    public static MetricRange below(String metric, double high) {
        return new MetricRange(metric, Double.NEGATIVE_INFINITY, false, high, false);
    }

    /** The same range of a custom metric computed by this expression (null: a built-in metric). */
    public MetricRange computedBy(String customExpression) {
        return new MetricRange(metric, low, lowInclusive, high, highInclusive, customExpression);
    }

    public boolean hasLow() {
        return low != Double.NEGATIVE_INFINITY;
    }

    public boolean hasHigh() {
        return high != Double.POSITIVE_INFINITY;
    }

    public boolean contains(double value) {
        return !Double.isNaN(value) && (lowInclusive ? value >= low : value > low)
                && (highInclusive ? value <= high : value < high);
    }

    /** E.g. "commits 10 to 99", "commits ≥ 10", "pr_acceptance_rate in [0.5, 0.75)". */
    public String describe() {
        if (hasLow() && hasHigh()) {
            if (lowInclusive && highInclusive) {
                return low == high ? metric + " = " + number(low) : metric + " " + number(low) + " to " + number(high);
            }
            return metric + " in " + (lowInclusive ? "[" : "(") + number(low) + ", " + number(high)
                    + (highInclusive ? "]" : ")");
        }
        if (hasLow()) {
            return metric + (lowInclusive ? " ≥ " : " > ") + number(low);
        }
        if (hasHigh()) {
            return metric + (highInclusive ? " ≤ " : " < ") + number(high);
        }
        return metric + " known";
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("\\.?0+$", "");
    }
}
