package org.divergence.core.charts;

import org.divergence.core.metrics.Group;
import org.divergence.core.stats.Interval;

/** One group's share: {@code yes} of {@code n} repositories have the property, with the Wilson interval. */
public record ShareBar(int groupIndex, Group group, long n, long yes, double share, Interval interval) {
}
