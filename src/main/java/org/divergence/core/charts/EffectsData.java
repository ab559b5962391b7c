package org.divergence.core.charts;

import java.util.List;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.Metric;
import org.divergence.core.repositories.RepositoryFilter;

/**
 * Cliff's delta with its interval for every metric and every compared pair of groups (a forest plot), and each
 * group's number of repositories (per metric, n is where the metric is known). The estimates come pair by pair, each
 * pair's in the metrics' report order ({@link #rows()}).
 */
public record EffectsData(Metric metric, GroupSplit split, RepositoryFilter filter, List<EffectEstimate> estimates,
                          List<Long> repositories) implements ChartData {

    /** The metrics in their rows' order (by dimension, as the comparison table lists them). */
    public List<Metric> rows() {
        return estimates.stream().map(EffectEstimate::metric).distinct().toList();
    }

    @Override
    public ChartType type() {
        return ChartType.EFFECTS;
    }
}
