package org.divergence.core.charts;

import java.util.List;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.Metric;
import org.divergence.core.repositories.RepositoryFilter;

/**
 * A histogram of a numeric metric: shared bins, and per group the count in each bin ({@code counts.get(g)[bin]})
 * out of {@code n.get(g)} repositories where the metric is known.
 */
public record HistogramData(Metric metric, GroupSplit split, RepositoryFilter filter, ValueScale scale,
                            HistogramBins bins, List<long[]> counts, List<Long> n) implements ChartData {

    @Override
    public ChartType type() {
        return ChartType.HISTOGRAM;
    }

    /** The share (0–1) of the group's repositories in the bin; NaN for an empty group. */
    public double share(int group, int bin) {
        long total = n.get(group);
        return total == 0 ? Double.NaN : (double) counts.get(group)[bin] / total;
    }
}
