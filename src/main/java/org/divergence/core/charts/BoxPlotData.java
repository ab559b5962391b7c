package org.divergence.core.charts;

import java.util.List;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.Metric;
import org.divergence.core.repositories.RepositoryFilter;

/** Box plots of a numeric metric, one box per group. */
public record BoxPlotData(Metric metric, GroupSplit split, RepositoryFilter filter, ValueScale scale,
                          List<BoxSummary> boxes) implements ChartData {

    @Override
    public ChartType type() {
        return ChartType.BOX;
    }
}
