package org.divergence.core.charts;

import java.util.List;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.Metric;
import org.divergence.core.repositories.RepositoryFilter;

/** The ECDF of a numeric metric per group ({@code curves} in the split's group order). */
public record EcdfData(Metric metric, GroupSplit split, RepositoryFilter filter, ValueScale scale,
                       List<Ecdf> curves) implements ChartData {

    /** The pixel columns a curve is thinned to by default (a wide chart's width; two points per column at most). */
    public static final int DEFAULT_COLUMNS = 1600;

    @Override
    public ChartType type() {
        return ChartType.ECDF;
    }

    /** The smallest and largest value of all groups. */
    public double min() {
        return curves.stream().filter(curve -> !curve.isEmpty()).mapToDouble(Ecdf::min).min().orElse(0);
    }

    public double max() {
        return curves.stream().filter(curve -> !curve.isEmpty()).mapToDouble(Ecdf::max).max().orElse(1);
    }
}
