package org.divergence.core.charts;

import java.util.List;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricKind;
import org.divergence.core.repositories.RepositoryFilter;

/**
 * The time view: per group, repositories created per month and the metric by creation year (medians drawn on the
 * metric's scale, or shares).
 */
public record TimelineData(Metric metric, GroupSplit split, RepositoryFilter filter, ValueScale scale,
                           List<GroupTimeline> timelines) implements ChartData {

    @Override
    public ChartType type() {
        return ChartType.TIMELINE;
    }

    /** True when the yearly values are shares (0–1) rather than medians. */
    public boolean yearlyShares() {
        return metric.kind() == MetricKind.SHARE;
    }
}
