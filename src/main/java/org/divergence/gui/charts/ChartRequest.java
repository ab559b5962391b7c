package org.divergence.gui.charts;

import org.divergence.core.charts.ChartData;
import org.divergence.core.charts.ChartDatasets;
import org.divergence.core.charts.ChartType;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.render.charts.BuiltChart;
import org.divergence.render.charts.ChartBuilder;
import org.divergence.render.charts.ChartStyle;

/**
 * What to draw from loaded data: computed and built off the FX thread (milliseconds), whatever the project size.
 * Stratified by creation year, the effect sizes are the metric's per year. The metric is taken from the data by its
 * key (a custom metric may have been redefined since it was chosen) and fitted to the chart type.
 */
record ChartRequest(ChartType type, Metric metric, RepositoryFilter filter, boolean dark,
                    Stratification stratification) {

    ChartRequest(ChartType type, Metric metric, RepositoryFilter filter, boolean dark) {
        this(type, metric, filter, dark, Stratification.NONE);
    }

    BuiltChart build(MetricAccumulator data) {
        Metric current = metric == null ? null : data.metrics().ofKey(metric.key());
        ChartData chart = ChartDatasets.build(type, type.metricFor(current, data.metrics()), data, filter,
                stratification);
        return ChartBuilder.build(chart, ChartStyle.of(dark));
    }
}
