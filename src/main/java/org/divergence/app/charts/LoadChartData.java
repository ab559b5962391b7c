package org.divergence.app.charts;

import org.divergence.core.charts.ChartData;
import org.divergence.core.charts.ChartDatasets;
import org.divergence.core.charts.ChartType;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricSet;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.store.metrics.CustomMetrics;
import org.divergence.store.metrics.RepositoryMetricsReader;
import org.divergence.store.project.Project;

/**
 * Where charts get their numbers: one pass over the repository table (the comparison's reader, with creation
 * months, the built-in and the project's custom metrics) into per-group frequency tables, from which every chart type and metric is then computed in
 * milliseconds. The GUI keeps the result while only the metric or chart type changes.
 */
public final class LoadChartData {

    private LoadChartData() {
    }

    public static MetricAccumulator load(Project project, GroupSplit split, RepositoryFilter filter,
                                         Progress progress) {
        return RepositoryMetricsReader.read(project, split, filter, CustomMetrics.metricSet(project), true, progress,
                0);
    }

    /**
     * The chart of the metric with this key (built-in or custom; unknown keys are invalid input naming the known
     * ones). Stratified by creation year, the effect sizes are the metric's per year (the scan has the years anyway).
     */
    public static ChartData chart(Project project, GroupSplit split, RepositoryFilter filter, ChartType type,
                                  String metricKey, Stratification stratification, Progress progress) {
        MetricSet metrics = CustomMetrics.metricSet(project);
        Metric metric = metrics.ofKey(metricKey);
        if (metric == null) {
            throw new InvalidInputException("--metric " + metricKey + ": unknown metric; use one of "
                    + MetricSet.keys(metrics.all()));
        }
        MetricAccumulator data = load(project, split, filter, progress);
        return ChartDatasets.build(type, metric, data, filter, stratification);
    }
}
