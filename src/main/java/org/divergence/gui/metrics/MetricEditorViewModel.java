package org.divergence.gui.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.app.compare.PreviewCustomMetric;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.formulas.CustomMetric;
import org.divergence.core.formulas.FormulaParser;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.MetricKind;
import org.divergence.core.metrics.PaperFormat;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.tags.RuleSyntaxException;
import org.divergence.core.undo.UndoHistory;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.LatestTaskScheduler;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.store.metrics.CustomMetrics;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.undo.ProjectCommand;

/**
 * The custom metrics dialog's state: the saved definitions, and the editor — name, expression, share or number,
 * dimension — with the expression's problem (and its position) as it is typed, and, once it parses, the metric's n
 * and median (or share) per group of the comparison shown, computed in the background (latest wins). Adding,
 * changing and removing go through the undo history, as tag rules do.
 */
public final class MetricEditorViewModel {

    /** A group's line of the preview, e.g. "GitHub", "n = 1,234 of 1,300", "median 2.5". */
    public record PreviewRow(String group, long known, long repositories, String value) {
    }

    private final ProjectContext context;
    private final TaskExecutor tasks;
    private final LatestTaskScheduler previewer;
    private final Function<Project, GroupSplit> split;
    private final Supplier<RepositoryFilter> filter;
    private final ObservableList<CustomMetrics.Saved> metrics = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty expression = new SimpleStringProperty("");
    private final BooleanProperty share = new SimpleBooleanProperty(false);
    private final StringProperty dimension = new SimpleStringProperty(Dimension.CUSTOM);
    private final ReadOnlyObjectWrapper<CustomMetrics.Saved> editing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper problemPosition = new ReadOnlyIntegerWrapper(-1);
    private final ObservableList<PreviewRow> preview = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSave;
    private final Consumer<Set<DataArea>> listener = this::dataChanged;

    /** Previews the n per group of the comparison {@code split} and {@code filter} describe (as Compare shows it). */
    public MetricEditorViewModel(ProjectContext context, TaskExecutor tasks, Function<Project, GroupSplit> split,
                                 Supplier<RepositoryFilter> filter) {
        this(context, tasks, split, filter, Duration.ofMillis(400));
    }

    /** Tests pass a zero debounce with the same-thread executor. */
    public MetricEditorViewModel(ProjectContext context, TaskExecutor tasks, Function<Project, GroupSplit> split,
                                 Supplier<RepositoryFilter> filter, Duration debounce) {
        this.context = context;
        this.tasks = tasks;
        this.split = split;
        this.filter = filter;
        this.previewer = new LatestTaskScheduler(tasks, debounce);
        for (var input : new javafx.beans.Observable[] {name, expression, share, dimension}) {
            input.addListener(observable -> check());
        }
        canSave = Bindings.createBooleanBinding(() -> problem.get().isEmpty() && !name.get().isBlank()
                && !expression.get().isBlank() && context.hasProject(), problem, name, expression);
        context.addDataListener(listener);
        reload();
        check();
    }

    public ObservableList<CustomMetrics.Saved> metrics() {
        return metrics;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty expressionProperty() {
        return expression;
    }

    /** A share (the expression is a condition) rather than a number per repository. */
    public BooleanProperty shareProperty() {
        return share;
    }

    /** Free text; {@value Dimension#CUSTOM} when left blank. */
    public StringProperty dimensionProperty() {
        return dimension;
    }

    /** The saved metric being changed, or null for a new one. */
    public ReadOnlyObjectProperty<CustomMetrics.Saved> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** What is wrong, e.g. "at character 9: expected a number, a field, coalesce(…) or '('"; empty when valid. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The expression problem's character, counted from 0 in UTF-16 units (for the caret), or -1. */
    public ReadOnlyIntegerProperty problemPositionProperty() {
        return problemPosition.getReadOnlyProperty();
    }

    /** Per group: the metric's n and median or share; empty while the expression is invalid or being computed. */
    public ObservableList<PreviewRow> preview() {
        return preview;
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return previewer.busyProperty();
    }

    /** What the last save, change or removal did. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /** Loads a saved metric into the editor, to change it. */
    public void edit(CustomMetrics.Saved saved) {
        editing.set(saved);
        CustomMetric metric = saved.metric();
        name.set(metric.name());
        share.set(metric.kind() == MetricKind.SHARE);
        dimension.set(metric.dimension().key());
        expression.set(metric.expression());
    }

    /** Clears the editor for a new metric. */
    public void newMetric() {
        editing.set(null);
        name.set("");
        expression.set("");
        share.set(false);
        dimension.set(Dimension.CUSTOM);
    }

    /** Saves the new metric, or the change of the one being edited (undoable). */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        CustomMetric metric;
        try {
            metric = CustomMetric.define(name.get().strip(), expression.get(), share.get(), dimension.get());
        } catch (InvalidInputException invalid) {
            problem.set(invalid.getMessage());
            return;
        }
        Project project = context.project();
        UndoHistory history = context.undoHistory();
        CustomMetrics.Saved changing = editing.get();
        tasks.execute(BackgroundTask.of(changing == null ? "Saving the custom metric" : "Changing the custom metric",
                progress -> {
                    ProjectCommand<Long> command = changing == null ? CustomMetrics.add(project, metric)
                            : CustomMetrics.update(project, changing.id(), metric);
                    history.execute(command);
                    return metric;
                }).onSuccess(saved -> {
                    status.set((changing == null ? "Saved " : "Changed ") + saved.name() + "; Compare, Charts and "
                            + "the report show it (Edit \u2192 Undo takes it back).");
                    newMetric();
                }).onFailure(error -> problem.set(error.getMessage())));
    }

    public void remove(CustomMetrics.Saved saved) {
        Project project = context.project();
        if (project == null) {
            return;
        }
        UndoHistory history = context.undoHistory();
        tasks.execute(BackgroundTask.of("Removing the custom metric", progress -> {
            history.execute(CustomMetrics.remove(project, saved.metric().name()));
            return saved;
        }).onSuccess(removed -> {
            status.set("Removed " + removed.metric().name() + " (Edit \u2192 Undo brings it back).");
            if (editing.get() != null && editing.get().id() == removed.id()) {
                newMetric();
            }
        }));
    }

    /** Stops listening to the project (the dialog closed). */
    public void dispose() {
        previewer.close();
        context.removeDataListener(listener);
    }

    private void check() {
        preview.clear();
        String text = expression.get();
        MetricKind kind = share.get() ? MetricKind.SHARE : MetricKind.NUMERIC;
        if (text == null || text.isBlank()) {
            previewer.cancel();
            problem.set("");
            problemPosition.set(-1);
            return;
        }
        CustomMetric candidate;
        try {
            candidate = new CustomMetric("preview", Dimension.of(dimension.get()), kind,
                    FormulaParser.parse(text, kind));
        } catch (RuleSyntaxException invalid) {
            previewer.cancel();
            problem.set(invalid.getMessage());
            problemPosition.set(text.offsetByCodePoints(0, Math.min(invalid.position() - 1,
                    text.codePointCount(0, text.length()))));
            return;
        }
        problemPosition.set(-1);
        problem.set(nameProblem());
        schedulePreview(candidate);
    }

    /** What is wrong with the name (empty while none is typed: the preview needs none). */
    private String nameProblem() {
        String typed = name.get() == null ? "" : name.get().strip();
        if (typed.isEmpty()) {
            return "";
        }
        try {
            CustomMetric.checkName(typed);
        } catch (InvalidInputException invalid) {
            return invalid.getMessage();
        }
        CustomMetrics.Saved changing = editing.get();
        boolean taken = metrics.stream().anyMatch(saved -> saved.metric().name().equalsIgnoreCase(typed)
                && (changing == null || saved.id() != changing.id()));
        return taken ? "the project already has a custom metric named '" + typed + "'" : "";
    }

    private void schedulePreview(CustomMetric candidate) {
        Project project = context.project();
        if (project == null) {
            return;
        }
        RepositoryFilter scope = filter.get();
        previewer.schedule(BackgroundTask.of("Computing the metric's n per group",
                progress -> PreviewCustomMetric.preview(project, split.apply(project), scope, candidate, progress))
                .quiet()
                .onSuccess(groups -> preview.setAll(groups.stream().map(group -> row(group, candidate.kind()))
                        .toList()))
                .onFailure(error -> problem.set(error.getMessage())));
    }

    private static PreviewRow row(PreviewCustomMetric.GroupValues group, MetricKind kind) {
        String value = group.known() == 0 ? "no known value" : kind == MetricKind.SHARE
                ? PaperFormat.share(group.centre()) + " have it"
                : "median " + PaperFormat.number(group.centre());
        return new PreviewRow(group.group().label(), group.known(), group.repositories(), value);
    }

    private void dataChanged(Set<DataArea> areas) {
        if (areas.contains(DataArea.METRICS)) {
            reload();
        }
        if (areas.contains(DataArea.REPOSITORIES) || areas.contains(DataArea.TAGS)) {
            check();
        }
    }

    private void reload() {
        Project project = context.project();
        if (project == null) {
            metrics.clear();
            return;
        }
        tasks.execute(BackgroundTask.of("Reading custom metrics", progress -> CustomMetrics.list(project)).quiet()
                .onSuccess(loaded -> {
                    if (!metrics.equals(loaded)) {
                        metrics.setAll(loaded);
                    }
                }));
    }

    /** "GitHub: n = 1,234 of 1,300, median 2.5": a preview row as one line. */
    public static String describe(PreviewRow row) {
        return String.format(Locale.ROOT, "%s: n = %s of %s, %s", row.group(), PaperFormat.count(row.known()),
                PaperFormat.count(row.repositories()), row.value());
    }
}
