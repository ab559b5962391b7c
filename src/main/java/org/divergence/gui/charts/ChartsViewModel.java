package org.divergence.gui.charts;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.divergence.app.charts.LoadChartData;
import org.divergence.app.compare.CompareRepositories;
import org.divergence.core.charts.ChartSelection;
import org.divergence.core.charts.ChartType;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricSet;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.metrics.PaperFormat;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.tags.FactorTag;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.Grouping;
import org.divergence.gui.common.LatestTaskScheduler;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.RepositoryFilterInputs;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.gui.tags.TagChoice;
import org.divergence.render.charts.BuiltChart;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.tags.TagSplits;

/**
 * The Charts screen's state: chart type, metric, grouping and filters in; the built chart out. A change of grouping,
 * filters or repositories reads the project once (in the background, with progress); a change of chart type or metric
 * only recomputes the chart from the data already read, which takes milliseconds. Latest request wins.
 */
public final class ChartsViewModel {

    /** What the screen shows: a chart, nothing yet, or the empty project's invitation to import. */
    public enum State { IDLE, NO_REPOSITORIES, READY }

    private final ProjectContext context;
    private final LatestTaskScheduler scheduler;

    private final ObjectProperty<ChartType> type = new SimpleObjectProperty<>(ChartType.BOX);
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(BuiltInMetric.COMMITS);
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.PLATFORM);
    private final TagChoice tagChoice;
    private final RepositoryFilterInputs filterInputs;
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final BooleanProperty withinYears = new SimpleBooleanProperty(false);

    /** The metrics the chosen metric comes from: the built-in ones and the project's custom ones, as last read. */
    private final ReadOnlyObjectWrapper<MetricSet> metrics = new ReadOnlyObjectWrapper<>(MetricSet.BUILT_IN);
    private final ReadOnlyObjectWrapper<BuiltChart> chart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final Consumer<java.util.Set<DataArea>> dataListener = this::dataChanged;

    /** The data read for {@link #loadedFor}; kept while only the chart type or metric changes. */
    private MetricAccumulator data;
    private DataKey loadedFor;
    private boolean active;
    private boolean stale = true;
    /** Passes over the repository table so far (a switch of chart type or metric must not add one). */
    private final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

    /** What the loaded data depends on: the grouping (with its tag, for a tag grouping) and the filter. */
    private record DataKey(Project project, Grouping grouping, Long tagCodeId, RepositoryFilter filter) {
    }

    public ChartsViewModel(ProjectContext context, TaskExecutor tasks) {
        this(context, tasks, Duration.ofMillis(120));
    }

    /** Tests pass a zero debounce with the same-thread executor. */
    public ChartsViewModel(ProjectContext context, TaskExecutor tasks, Duration debounce) {
        this.context = context;
        this.scheduler = new LatestTaskScheduler(tasks, debounce);
        this.tagChoice = new TagChoice(tasks, context::project);
        this.filterInputs = new RepositoryFilterInputs("Choose at least one repository type.", this::dataInputsChanged);
        type.addListener((obs, old, now) -> {
            Metric fitting = now.metricFor(metric.get(), metrics.get());
            if (fitting != metric.get()) {
                metric.set(fitting);
            }
            chartInputsChanged();
        });
        metric.addListener((obs, old, now) -> chartInputsChanged());
        dark.addListener((obs, old, now) -> chartInputsChanged());
        withinYears.addListener((obs, old, now) -> chartInputsChanged());
        grouping.addListener((obs, old, now) -> dataInputsChanged());
        tagChoice.tagProperty().addListener((obs, old, now) -> {
            if (grouping.get().isTag()) {
                dataInputsChanged();
            }
        });
        context.addDataListener(dataListener);
        context.projectProperty().addListener((obs, old, now) -> {
            scheduler.cancel();
            forget();
            chart.set(null);
            state.set(State.IDLE);
            tagChoice.reset();
            dataInputsChanged();
        });
        tagChoice.reload();
    }

    // Inputs ----------------------------------------------------------------------------------------------------

    public ObjectProperty<ChartType> typeProperty() {
        return type;
    }

    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    /** The metrics to choose from (custom ones appear once the data was read). */
    public ReadOnlyObjectProperty<MetricSet> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    /** With the tag grouping: the factor whose tagged repositories are drawn against the untagged ones. */
    public TagChoice tagChoice() {
        return tagChoice;
    }

    /** Effect sizes within creation years: the chosen metric's Cliff's delta per year (the data has the years). */
    public BooleanProperty withinYearsProperty() {
        return withinYears;
    }

    /** Dark chart colours (the View binds it to the app theme). */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /** The repository types and creation dates to include. */
    public RepositoryFilterInputs filterInputs() {
        return filterInputs;
    }

    /** The filter the inputs describe; contradictory inputs throw with a message for the user. */
    public RepositoryFilter filter() {
        return filterInputs.filter();
    }

    // Outputs ---------------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<BuiltChart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What is drawn, e.g. "2,869,319 repositories read; all repositories". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return scheduler.busyProperty();
    }

    // Actions ---------------------------------------------------------------------------------------------------

    public void setActive(boolean shown) {
        active = shown;
        if (shown && stale) {
            recompute();
        }
    }

    public void refresh() {
        forget();
        stale = true;
        recompute();
    }

    public void cancel() {
        scheduler.cancel();
        status.set("Cancelled; change a setting or refresh to draw again.");
        stale = true;
    }

    /** The Repositories filter a clicked chart element stands for (empty when the grouping cannot be filtered). */
    public Optional<RepositoryFilter> filterFor(ChartSelection selection) {
        BuiltChart shown = chart.get();
        return shown == null ? Optional.empty()
                : selection.apply(shown.data().filter(), shown.data().split());
    }

    /** From the effect-size overview to one metric: its box plot, or its share bars. */
    public void showMetric(Metric chosen) {
        type.set(ChartType.BOX.accepts(chosen) ? ChartType.BOX : ChartType.SHARE);
        metric.set(chosen);
    }

    int reads() {
        return reads.get();
    }

    public void dispose() {
        scheduler.close();
        context.removeDataListener(dataListener);
    }

    private void dataChanged(java.util.Set<DataArea> areas) {
        boolean tagsChanged = areas.contains(DataArea.TAGS) || areas.contains(DataArea.CODEBOOK);
        if (tagsChanged || areas.contains(DataArea.REPOSITORIES)) {
            tagChoice.reload();
        }
        if (areas.contains(DataArea.REPOSITORIES) || areas.contains(DataArea.METRICS)
                || tagsChanged && grouping.get().isTag()) {
            forget();
            dataInputsChanged();
        }
    }

    private void forget() {
        data = null;
        loadedFor = null;
    }

    private void dataInputsChanged() {
        stale = true;
        if (active) {
            recompute();
        }
    }

    private void chartInputsChanged() {
        stale = true;
        if (active) {
            recompute();
        }
    }

    private void recompute() {
        Project project = context.project();
        if (project == null) {
            scheduler.cancel();
            chart.set(null);
            state.set(State.IDLE);
            return;
        }
        RepositoryFilter filter;
        try {
            filter = filter();
        } catch (InvalidInputException invalid) {
            scheduler.cancel();
            problem.set(invalid.getMessage());
            return;
        }
        Grouping chosen = grouping.get();
        FactorTag chosenTag = tagChoice.tagProperty().get();
        if (chosen.isTag() && chosenTag == null) {
            scheduler.cancel();
            chart.set(null);
            state.set(State.READY);
            problem.set(TagChoice.NO_TAG_IN_USE);
            return;
        }
        problem.set("");
        DataKey key = new DataKey(project, chosen, chosen.isTag() ? chosenTag.codeId() : null, filter);
        MetricAccumulator loaded = Objects.equals(key, loadedFor) ? data : null;
        ChartRequest request = new ChartRequest(type.get(), metric.get(), filter, dark.get(),
                withinYears.get() ? Stratification.CREATED_YEAR : Stratification.NONE);
        String title = loaded == null ? "Reading repositories for the chart" : "Drawing the chart";
        BackgroundTask<Drawn> task = BackgroundTask.<Drawn>of(title, progress -> {
            MetricAccumulator source = loaded;
            if (source == null) {
                if (!CompareRepositories.hasRepositories(project)) {
                    return null;
                }
                GroupSplit split = chosen.isTag() ? TagSplits.of(project, chosenTag) : chosen.split();
                source = LoadChartData.load(project, split, filter, progress);
                reads.incrementAndGet();
            }
            return new Drawn(key, source, request.build(source));
        }).onSuccess(drawn -> {
            stale = false;
            if (drawn == null) {
                chart.set(null);
                state.set(State.NO_REPOSITORIES);
                status.set("");
                return;
            }
            data = drawn.data();
            loadedFor = drawn.key();
            metrics.set(drawn.data().metrics());
            chart.set(drawn.chart());
            // The metric drawn: the chosen one as the data defines it, or another if it was removed.
            Metric drawnMetric = drawn.chart().data().metric();
            if (!type.get().showsAllMetrics() && !drawnMetric.equals(metric.get())) {
                metric.set(drawnMetric);
            }
            state.set(State.READY);
            status.set(PaperFormat.count(drawn.data().rowsRead()) + " repositories read; "
                    + filter.describe() + ". " + drawn.chart().data().type().description() + ".");
        }).onFailure(error -> {
            problem.set("The chart could not be drawn: " + error.getMessage());
            status.set("");
        });
        if (loaded != null) {
            task.quiet();
        }
        scheduler.schedule(task);
    }

    private record Drawn(DataKey key, MetricAccumulator data, BuiltChart chart) {
    }
}
