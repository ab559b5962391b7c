package org.divergence.core.metrics;

import org.divergence.core.stats.EffectMagnitude;

/** One metric compared between group a and group b. Undefined figures are NaN (null in JSON). */
public sealed interface MetricComparison permits NumericComparison, ShareComparison {

    Metric metric();

    /** The metric's test: p-value, method and the family's adjusted p-values. */
    Significance significance();

    /** The two-sided p-value of the metric's test (Mann–Whitney U; Fisher or chi-square for shares). */
    default double pValue() {
        return significance().pValue();
    }

    /** The same comparison with another significance (the family's adjusted p-values filled in). */
    MetricComparison with(Significance significance);

    /** The effect size the magnitude is judged on: Cliff's delta, or Cohen's h for shares. */
    double effectSize();

    /** The effect's plain-language size, or null when undefined. */
    EffectMagnitude magnitude();
}
