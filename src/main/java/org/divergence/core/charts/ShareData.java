package org.divergence.core.charts;

import java.util.List;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.Metric;
import org.divergence.core.repositories.RepositoryFilter;

/** Bars of a share metric per group, with 95% Wilson score intervals. */
public record ShareData(Metric metric, GroupSplit split, RepositoryFilter filter, List<ShareBar> bars)
        implements ChartData {

    /** Level of the intervals. */
    public static final double CONFIDENCE = 0.95;

    @Override
    public ChartType type() {
        return ChartType.SHARE;
    }
}
