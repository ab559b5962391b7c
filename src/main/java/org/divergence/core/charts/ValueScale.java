package org.divergence.core.charts;

import org.divergence.core.metrics.Metric;

/**
 * How a metric's values are laid out on a chart axis. Repository counts are heavy-tailed with many zeros, so they are
 * drawn on a log1p scale (position = ln(1 + value): 0 stays visible, large values are logarithmic); rates between 0
 * and 1 are drawn linearly. Box-plot whiskers are measured on this scale.
 */
public enum ValueScale {
    LINEAR("linear scale"), LOG1P("log scale, log(1 + x)");

    private final String description;

    ValueScale(String description) {
        this.description = description;
    }

    public static ValueScale of(Metric metric) {
        return metric == Metric.PR_ACCEPTANCE_RATE ? LINEAR : LOG1P;
    }

    /** The position of a value on the scale. */
    public double forward(double value) {
        return this == LOG1P ? Math.log1p(value) : value;
    }

    /** The value at a position on the scale. */
    public double inverse(double position) {
        return this == LOG1P ? Math.expm1(position) : position;
    }

    /** For axis labels, e.g. "log scale, log(1 + x)". */
    public String description() {
        return description;
    }
}
