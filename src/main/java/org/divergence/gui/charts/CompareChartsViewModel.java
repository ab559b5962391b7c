package org.divergence.gui.charts;

import java.time.Duration;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.divergence.core.charts.ChartSelection;
import org.divergence.core.charts.ChartType;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricKind;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.LatestTaskScheduler;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.render.charts.BuiltChart;

/**
 * The chart under the Compare table: the selected metric's distribution (box plot, ECDF or histogram) or, for a
 * share metric, its share bars, drawn from the data the comparison already read (no second pass over the table).
 */
public final class CompareChartsViewModel {

    /** The distribution charts offered for numbers; shares always get share bars. */
    public static final java.util.List<ChartType> NUMERIC_TYPES = java.util.List.of(ChartType.BOX, ChartType.ECDF,
            ChartType.HISTOGRAM);

    private final LatestTaskScheduler scheduler;
    private final ObjectProperty<MetricAccumulator> data = new SimpleObjectProperty<>();
    private final ObjectProperty<RepositoryFilter> filter = new SimpleObjectProperty<>(RepositoryFilter.ALL);
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(BuiltInMetric.CONTRIBUTORS);
    private final ObjectProperty<ChartType> numericType = new SimpleObjectProperty<>(ChartType.BOX);
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<BuiltChart> chart = new ReadOnlyObjectWrapper<>();

    public CompareChartsViewModel(TaskExecutor tasks) {
        this(tasks, Duration.ofMillis(60));
    }

    public CompareChartsViewModel(TaskExecutor tasks, Duration debounce) {
        scheduler = new LatestTaskScheduler(tasks, debounce);
        for (var input : new javafx.beans.Observable[] {data, filter, metric, numericType, dark}) {
            input.addListener(observable -> redraw());
        }
    }

    /** The comparison's data (per-group frequency tables). */
    public ObjectProperty<MetricAccumulator> dataProperty() {
        return data;
    }

    public ObjectProperty<RepositoryFilter> filterProperty() {
        return filter;
    }

    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    /** Box, ECDF or histogram for numeric metrics. */
    public ObjectProperty<ChartType> numericTypeProperty() {
        return numericType;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public ReadOnlyObjectProperty<BuiltChart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return scheduler.busyProperty();
    }

    /** The chart type drawn for the current metric. */
    public ChartType type() {
        Metric current = metric.get();
        return current != null && current.kind() == MetricKind.SHARE ? ChartType.SHARE : numericType.get();
    }

    public Optional<RepositoryFilter> filterFor(ChartSelection selection) {
        BuiltChart shown = chart.get();
        return shown == null ? Optional.empty() : selection.apply(shown.data().filter(), shown.data().split());
    }

    public void dispose() {
        scheduler.close();
    }

    private void redraw() {
        MetricAccumulator source = data.get();
        if (source == null || metric.get() == null) {
            scheduler.cancel();
            chart.set(null);
            return;
        }
        ChartRequest request = new ChartRequest(type(), metric.get(),
                filter.get() == null ? RepositoryFilter.ALL : filter.get(), dark.get());
        scheduler.schedule(BackgroundTask.of("Drawing the chart", progress -> request.build(source))
                .quiet().onSuccess(chart::set).onFailure(error -> chart.set(null)));
    }
}
