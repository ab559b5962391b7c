package org.divergence.core.charts;

import java.util.List;
import org.divergence.core.metrics.Group;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.Metric;
import org.divergence.core.repositories.RepositoryFilter;

/**
 * A chart's data, computed from the repositories by {@link ChartDatasets} (never by a renderer): small summaries
 * whatever the number of repositories. Renderers (the JavaFX view, the exporters, the report) only draw them.
 */
public sealed interface ChartData permits BoxPlotData, EcdfData, HistogramData, ShareData, EffectsData,
        YearEffectsData, TimelineData {

    ChartType type();

    /** The metric shown (for the effect overview, the one that was selected; it shows all). */
    Metric metric();

    GroupSplit split();

    RepositoryFilter filter();

    /** The groups drawn, in the split's order. */
    default List<Group> groups() {
        return split().groups();
    }
}
