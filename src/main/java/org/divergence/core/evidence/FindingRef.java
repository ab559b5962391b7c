package org.divergence.core.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.Headlines;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;

/**
 * A finding of the comparison that quotes can bear on, and a row of the joint display: a dimension or a metric (by
 * the keys docs/metrics.md uses), or a factor (a code used as a repository tag, by the code's GUID). Written as
 * {@code kind:key}, e.g. {@code metric:pr_acceptance_rate}.
 */
public record FindingRef(Kind kind, String key) {

    public enum Kind {
        DIMENSION("dimension"), METRIC("metric"), FACTOR("factor");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The name in the project file and in {@code kind:key}. */
        public String code() {
            return code;
        }

        public static Kind ofCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new InvalidInputException("Unknown kind of finding \u201C" + code
                    + "\u201D: use dimension, metric or factor");
        }
    }

    public FindingRef {
        if (kind == null || key == null || key.isBlank()) {
            throw new IllegalArgumentException("A finding needs a kind and a key");
        }
    }

    public static FindingRef of(Metric metric) {
        return new FindingRef(Kind.METRIC, metric.key());
    }

    public static FindingRef of(Dimension dimension) {
        return new FindingRef(Kind.DIMENSION, dimension.key());
    }

    public static FindingRef factor(String codeGuid) {
        return new FindingRef(Kind.FACTOR, codeGuid);
    }

    /** Parses {@code kind:key}; an unknown metric or dimension is invalid input naming the accepted keys. */
    public static FindingRef parse(String text) {
        String value = text == null ? "" : text.strip();
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new InvalidInputException("\u201C" + text + "\u201D: write a finding as metric:KEY or "
                    + "dimension:KEY, e.g. metric:pr_acceptance_rate");
        }
        FindingRef ref = new FindingRef(Kind.ofCode(value.substring(0, colon).toLowerCase(Locale.ROOT)),
                value.substring(colon + 1));
        ref.requireKnown();
        return ref;
    }

    /** Every finding a quote can be linked to: each dimension followed by its metrics, in report order. */
    public static List<FindingRef> linkable() {
        List<FindingRef> refs = new ArrayList<>();
        for (Dimension dimension : Dimension.builtIn()) {
            refs.add(of(dimension));
            for (Metric metric : BuiltInMetric.values()) {
                if (metric.dimension().equals(dimension)) {
                    refs.add(of(metric));
                }
            }
        }
        return List.copyOf(refs);
    }

    /** The metric, or null when this is not a (known) metric. */
    public Metric metric() {
        return kind == Kind.METRIC ? BuiltInMetric.ofKey(key) : null;
    }

    /** The dimension, or null when this is not a (known) dimension. */
    public Dimension dimension() {
        if (kind != Kind.DIMENSION) {
            return null;
        }
        for (Dimension dimension : Dimension.builtIn()) {
            if (dimension.key().equals(key)) {
                return dimension;
            }
        }
        return null;
    }

    /** The dimension a metric belongs to, or the dimension itself; null for factors. */
    public Dimension dimensionOf() {
        Metric metric = metric();
        return metric != null ? metric.dimension() : dimension();
    }

    /** True for a metric or dimension that exists (factors are known when their code exists: the caller checks). */
    public boolean isKnown() {
        return switch (kind) {
            case METRIC -> metric() != null;
            case DIMENSION -> dimension() != null;
            case FACTOR -> true;
        };
    }

    /** Refuses metrics and dimensions that do not exist, naming what does. */
    public FindingRef requireKnown() {
        if (!isKnown()) {
            List<String> keys = kind == Kind.METRIC
                    ? List.of(BuiltInMetric.values()).stream().map(Metric::key).toList()
                    : Dimension.builtIn().stream().map(Dimension::key).toList();
            throw new InvalidInputException("Unknown " + kind.code() + " \u201C" + key + "\u201D; known: "
                    + String.join(", ", keys));
        }
        return this;
    }

    /** True for what evidence links may point at: metrics and dimensions. */
    public boolean isLinkable() {
        return kind != Kind.FACTOR;
    }

    /** The name people read: "PR acceptance rate", "Collaboration openness"; a factor's key otherwise. */
    public String label() {
        Metric metric = metric();
        if (metric != null) {
            return metric.label();
        }
        Dimension dimension = dimension();
        return dimension != null ? dimension.label() : key;
    }

    /** For a dimension, the metric its headline sentence is about; null otherwise. */
    public Metric leadMetric() {
        Dimension dimension = dimension();
        return dimension == null ? null : Headlines.leadMetric(dimension);
    }

    @Override
    public String toString() {
        return kind.code() + ":" + key;
    }
}
