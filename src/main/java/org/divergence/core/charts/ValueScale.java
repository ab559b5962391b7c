package org.divergence.core.charts;

import java.util.List;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.stats.FrequencyTable;

/**
 * How a metric's values are laid out on a chart axis. Repository counts are heavy-tailed with many zeros, so they are
 * drawn on a log1p scale (position = ln(1 + value): 0 stays visible, large values are logarithmic); rates between 0
 * and 1 are drawn linearly. A custom metric is drawn on a log1p scale when its values are like counts (none below 0,
 * some above 1), linearly otherwise. Box-plot whiskers are measured on this scale.
 */
public enum ValueScale {
    LINEAR("linear scale"), LOG1P("log scale, log(1 + x)");

    private final String description;

    ValueScale(String description) {
        this.description = description;
    }

    /** The scale of a metric whose known values, in every group drawn, are in these tables. */
    public static ValueScale of(Metric metric, List<FrequencyTable> tables) {
        if (!metric.isCustom()) {
            return metric == BuiltInMetric.PR_ACCEPTANCE_RATE ? LINEAR : LOG1P;
        }
        List<FrequencyTable> known = tables.stream().filter(table -> !table.isEmpty()).toList();
        boolean countLike = !known.isEmpty() && known.stream().allMatch(table -> table.value(0) >= 0)
                && known.stream().anyMatch(table -> table.value(table.distinct() - 1) > 1);
        return countLike ? LOG1P : LINEAR;
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
