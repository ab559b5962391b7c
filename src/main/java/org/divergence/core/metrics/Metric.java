package org.divergence.core.metrics;

/**
 * A per-repository metric, as comparisons, charts, the JSON and the report see it: one of the twelve built-in
 * metrics ({@link BuiltInMetric}) or a custom metric a project defines by an expression (core.formulas). Every
 * place that shows metrics takes them from the comparison or the scan it shows ({@link MetricSet}), so built-in and
 * custom metrics go the same way everywhere. A numeric metric is a number per repository; a share metric is whether
 * a repository has a property. Unknown values leave the repository out of that metric only.
 */
public interface Metric {

    /** The name in JSON, on the command line and in documentation, e.g. "pr_acceptance_rate". */
    String key();

    Dimension dimension();

    MetricKind kind();

    /** The name in tables, e.g. "PR acceptance rate". */
    String label();

    /** What sentences count, e.g. "contributors" in "… have 40% fewer contributors". */
    String noun();

    /** What the metric is, in a sentence or as its expression. */
    String definition();

    /** What a reader must know when Hugging Face repositories are compared on this metric, or null. */
    default String caveat() {
        return null;
    }

    /** True when the caveat is about repositories created before Hugging Face had pull requests. */
    default boolean caveatIsAboutAge() {
        return false;
    }

    /**
     * For a share metric, the metric whose frequency table holds its values, thresholded at {@link #threshold()}:
     * a built-in share reads a numeric metric's table (multi_contributor: contributors ≥ 2), a custom share its own
     * table of 0s and 1s. Null for numeric metrics.
     */
    Metric shareOf();

    /** For a share metric, the smallest value of {@link #shareOf()} that counts as having the property. */
    double threshold();

    /**
     * The offset of the metric's bootstrap stream from the comparison's seed: fixed per metric, so a metric's
     * interval does not depend on which other metrics are compared.
     */
    long seedOffset();

    /** True for a metric the project defines; false for the twelve built-in ones. */
    default boolean isCustom() {
        return false;
    }

    /** A custom metric's expression in its normal form (what the store compiles); null for built-in metrics. */
    default String expression() {
        return null;
    }
}
