package org.divergence.core.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The metrics a scan collects and a comparison reports: the twelve built-in metrics and a project's custom metrics,
 * in report order — by dimension (the built-in dimensions first, then custom dimensions by name, ignoring case),
 * within a dimension the built-in metrics first, then custom ones by name (ignoring case). Custom metrics come after the built-in metrics they share a
 * dimension with, so existing outputs keep their order when custom metrics are added.
 */
public final class MetricSet {

    /** The twelve built-in metrics alone. */
    public static final MetricSet BUILT_IN = new MetricSet(List.of(BuiltInMetric.values()), List.of());

    private final List<Metric> all;
    private final List<Metric> custom;

    private MetricSet(List<? extends Metric> builtIn, List<Metric> custom) {
        this.custom = List.copyOf(custom);
        List<Dimension> dimensions = new ArrayList<>(Dimension.builtIn());
        custom.stream().map(Metric::dimension).filter(dimension -> !dimensions.contains(dimension)).distinct()
                .sorted(Comparator.comparing(Dimension::key, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Dimension::key)).forEach(dimensions::add);
        List<Metric> ordered = new ArrayList<>();
        for (Dimension dimension : dimensions) {
            builtIn.stream().filter(metric -> metric.dimension().equals(dimension)).forEach(ordered::add);
            custom.stream().filter(metric -> metric.dimension().equals(dimension)).forEach(ordered::add);
        }
        this.all = List.copyOf(ordered);
    }

    /**
     * The built-in metrics and these custom ones (ordered by name). Keys must be unique and none may be a built-in
     * metric's: the store refuses such definitions, so this is a programming error.
     */
    public static MetricSet withCustom(List<? extends Metric> custom) {
        if (custom.isEmpty()) {
            return BUILT_IN;
        }
        Set<String> keys = new HashSet<>();
        for (BuiltInMetric metric : BuiltInMetric.values()) {
            keys.add(metric.key().toLowerCase(Locale.ROOT));
        }
        for (Metric metric : custom) {
            if (!metric.isCustom() || !keys.add(metric.key().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("not a custom metric, or its name is taken: " + metric.key());
            }
        }
        List<Metric> sorted = new ArrayList<>(custom);
        sorted.sort(Comparator.comparing(Metric::key, String.CASE_INSENSITIVE_ORDER));
        return new MetricSet(List.of(BuiltInMetric.values()), sorted);
    }

    /** Every metric in report order. */
    public List<Metric> all() {
        return all;
    }

    /** The custom metrics, by name; a scan collects their values in this order. */
    public List<Metric> custom() {
        return custom;
    }

    public List<Metric> numeric() {
        return all.stream().filter(metric -> metric.kind() == MetricKind.NUMERIC).toList();
    }

    public List<Metric> shares() {
        return all.stream().filter(metric -> metric.kind() == MetricKind.SHARE).toList();
    }

    /** The dimensions of the metrics, in report order. */
    public List<Dimension> dimensions() {
        return List.copyOf(new LinkedHashSet<>(all.stream().map(Metric::dimension).toList()));
    }

    /** The metric with this key (exactly as written), or null. */
    public Metric ofKey(String key) {
        return all.stream().filter(metric -> metric.key().equals(key)).findFirst().orElse(null);
    }

    /** "contributors, commits, …": for messages that list what is accepted. */
    public static String keys(List<? extends Metric> metrics) {
        return String.join(", ", metrics.stream().map(Metric::key).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MetricSet set && set.all.equals(all);
    }

    @Override
    public int hashCode() {
        return all.hashCode();
    }
}
