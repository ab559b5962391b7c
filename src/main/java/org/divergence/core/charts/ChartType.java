package org.divergence.core.charts;

import java.util.List;
import java.util.Locale;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricKind;
import org.divergence.core.metrics.MetricSet;

/** The kinds of chart, with the metrics each can show. */
public enum ChartType {
    BOX("box", "Box plot", "Median, quartiles and whiskers per group on a log scale; outliers summarised"),
    ECDF("ecdf", "ECDF", "Cumulative share of repositories up to each value, per group (log x-axis)"),
    HISTOGRAM("histogram", "Histogram", "Share of each group's repositories in log-spaced bins"),
    SHARE("share", "Shares", "Share of repositories with the property, with 95% Wilson intervals"),
    EFFECTS("effects", "Effect sizes", "Cliff's delta with its 95% interval for every metric (forest plot); within "
            + "creation years, the chosen metric's per year"),
    TIMELINE("timeline", "Time view", "Repositories created per month, and the metric by creation year");

    private final String key;
    private final String label;
    private final String description;

    ChartType(String key, String label, String description) {
        this.key = key;
        this.label = label;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Of the metrics given, those this chart can show: numbers for distributions, shares for share bars, any for
     * the others. */
    public List<Metric> metrics(MetricSet available) {
        return available.all().stream().filter(this::accepts).toList();
    }

    public boolean accepts(Metric metric) {
        return switch (this) {
            case BOX, ECDF, HISTOGRAM -> metric.kind() == MetricKind.NUMERIC;
            case SHARE -> metric.kind() == MetricKind.SHARE;
            case EFFECTS, TIMELINE -> true;
        };
    }

    /** True when the chart does not depend on the chosen metric (the effect-size overview shows all of them). */
    public boolean showsAllMetrics() {
        return this == EFFECTS;
    }

    /**
     * The metric to show when switching to this chart from {@code current}: the same one when it fits; a share's
     * underlying number for distributions (has_pull_requests → pull_requests); a number's share where one exists;
     * else one of the same dimension, or the first that fits.
     */
    public Metric metricFor(Metric current, MetricSet available) {
        List<Metric> fitting = metrics(available);
        if (current == null || accepts(current)) {
            return current == null ? fitting.getFirst() : current;
        }
        if (current.kind() == MetricKind.SHARE && current.shareOf().kind() == MetricKind.NUMERIC) {
            return current.shareOf();
        }
        for (Metric share : available.shares()) {
            if (current.equals(share.shareOf())) {
                return share;
            }
        }
        return fitting.stream().filter(metric -> metric.dimension().equals(current.dimension())).findFirst()
                .orElse(fitting.getFirst());
    }

    public static ChartType ofKey(String key) {
        String wanted = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        for (ChartType type : values()) {
            if (type.key.equals(wanted)) {
                return type;
            }
        }
        throw new InvalidInputException("--type " + key + ": unknown chart type; use box, ecdf, histogram, share, "
                + "effects or timeline");
    }

    @Override
    public String toString() {
        return label;
    }
}
