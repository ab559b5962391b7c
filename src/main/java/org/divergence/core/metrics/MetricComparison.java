package org.divergence.core.metrics;

import org.divergence.core.stats.EffectMagnitude;

/** One metric compared between group a and group b. Undefined figures are NaN (null in JSON). */
public sealed interface MetricComparison permits NumericComparison, ShareComparison {

    Metric metric();

    /** The two-sided p-value of the metric's test (Mann–Whitney U or chi-square). */
    double pValue();

    /** The effect size the magnitude is judged on: Cliff's delta, or Cohen's h for shares. */
    double effectSize();

    /** The effect's plain-language size, or null when undefined. */
    EffectMagnitude magnitude();
}
