package org.divergence.core.charts;

import org.divergence.core.metrics.Group;
import org.divergence.core.metrics.Metric;
import org.divergence.core.stats.Interval;

/**
 * One row of the effect-size overview: Cliff's delta = P(a &gt; b) − P(a &lt; b) of a metric between two groups, with
 * its 95% interval (null when undefined). For a share metric the values compared are 0 and 1, so delta is
 * share_a − share_b.
 */
public record EffectEstimate(Metric metric, int pair, Group a, Group b, long nA, long nB, double delta,
                             Interval interval) {
}
