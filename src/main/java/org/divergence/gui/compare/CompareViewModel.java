package org.divergence.gui.compare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.app.compare.CompareRepositories;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.ComparisonColumn;
import org.divergence.core.metrics.ComparisonTable;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.Headlines;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricComparison;
import org.divergence.core.metrics.PairComparison;
import org.divergence.core.metrics.PaperFormat;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.metrics.StratifiedComparison;
import org.divergence.core.metrics.StratifiedTable;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.core.tags.FactorTag;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.Grouping;
import org.divergence.gui.common.LatestTaskScheduler;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.RepositoryFilterInputs;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.gui.tags.TagChoice;
import org.divergence.render.common.CsvText;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.tags.TagSplits;

/**
 * The Compare screen's state: grouping and filters in, the comparison's table rows, headlines and copyable tables
 * out. Any change of grouping, filters, project or repositories recomputes in the background ("latest wins",
 * debounced, cancellable) while the screen is shown; while it is hidden, changes only mark the result stale.
 */
public final class CompareViewModel {

    /** What the screen shows: the comparison, nothing yet, or the empty project's invitation to import. */
    public enum State { IDLE, NO_REPOSITORIES, READY }

    private final ProjectContext context;
    private final TaskExecutor tasks;
    private final LatestTaskScheduler scheduler;
    private final BootstrapMedianDifference.Settings bootstrap;

    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.PLATFORM);
    private final TagChoice tagChoice;
    private final RepositoryFilterInputs filterInputs;
    private final IntegerProperty selectedPair = new SimpleIntegerProperty(0);
    private final BooleanProperty withinYears = new SimpleBooleanProperty(false);
    private final IntegerProperty selectedStratum = new SimpleIntegerProperty(0);

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyObjectWrapper<ComparisonReport> report = new ReadOnlyObjectWrapper<>();
    /** The per-group frequency tables the report was computed from (the chart under the table draws them). */
    private final ReadOnlyObjectWrapper<MetricAccumulator> data = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> pairNames = FXCollections.observableArrayList();
    /** With "within creation years": "All years" and each year present. */
    private final ObservableList<String> strata = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper familyNote = new ReadOnlyStringWrapper("");
    private final ObservableList<MetricRow> rows = FXCollections.observableArrayList();
    /** The table's columns shown (the essential ones always); copies of the table carry these. */
    private final javafx.collections.ObservableSet<ComparisonColumn> shownColumns =
            FXCollections.observableSet(java.util.EnumSet.copyOf(ComparisonColumn.SHOWN_BY_DEFAULT));
    private final ObservableList<Headlines.Headline> headlines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper groupA = new ReadOnlyStringWrapper("GitHub");
    private final ReadOnlyStringWrapper groupB = new ReadOnlyStringWrapper("Hugging Face");
    /** The groups' colours, as the charts draw them ("#RRGGBB"). */
    private final ReadOnlyStringWrapper groupAColour = new ReadOnlyStringWrapper(
            org.divergence.core.charts.GroupPalette.GITHUB);
    private final ReadOnlyStringWrapper groupBColour = new ReadOnlyStringWrapper(
            org.divergence.core.charts.GroupPalette.HUGGING_FACE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(true);
    private final Consumer<Set<DataArea>> dataListener = this::dataChanged;
    private boolean active;

    public CompareViewModel(ProjectContext context, TaskExecutor tasks) {
        this(context, tasks, Duration.ofMillis(250), BootstrapMedianDifference.Settings.DEFAULT);
    }

    /** Tests pass a zero debounce (with the same-thread executor) and may use fewer bootstrap resamples. */
    public CompareViewModel(ProjectContext context, TaskExecutor tasks, Duration debounce,
                            BootstrapMedianDifference.Settings bootstrap) {
        this.context = context;
        this.tasks = tasks;
        this.scheduler = new LatestTaskScheduler(tasks, debounce);
        this.bootstrap = bootstrap;
        this.tagChoice = new TagChoice(tasks, context::project);
        this.filterInputs = new RepositoryFilterInputs("Choose at least one repository type to compare.", this::inputsChanged);
        grouping.addListener((obs, old, now) -> inputsChanged());
        tagChoice.tagProperty().addListener((obs, old, now) -> {
            if (grouping.get().isTag()) {
                inputsChanged();
            }
        });
        selectedPair.addListener((obs, old, now) -> show());
        selectedStratum.addListener((obs, old, now) -> show());
        withinYears.addListener((obs, old, now) -> inputsChanged());
        context.addDataListener(dataListener);
        context.projectProperty().addListener((obs, old, now) -> {
            scheduler.cancel();
            clear(State.IDLE);
            tagChoice.reset();
            inputsChanged();
        });
        tagChoice.reload();
    }

    // Inputs ----------------------------------------------------------------------------------------------------

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    /** With the tag grouping: the code whose tagged repositories are compared with the untagged ones. */
    public ObjectProperty<FactorTag> tagProperty() {
        return tagChoice.tagProperty();
    }

    public TagChoice tagChoice() {
        return tagChoice;
    }

    /** The codes that tag at least one repository, in codebook order. */
    public ObservableList<FactorTag> tags() {
        return tagChoice.tags();
    }

    /** With several comparisons (by repository type): which one the table shows. */
    public IntegerProperty selectedPairProperty() {
        return selectedPair;
    }

    /** Also compare within each creation year (van Elteren's and the CMH test across years). */
    public BooleanProperty withinYearsProperty() {
        return withinYears;
    }

    /** Compared within creation years: 0 shows all repositories (with the tests across years), i the i-th year. */
    public IntegerProperty selectedStratumProperty() {
        return selectedStratum;
    }

    /** "All years" and each creation year present; empty unless compared within creation years. */
    public ObservableList<String> strata() {
        return strata;
    }

    /** How many tests the adjusted p-values account for, e.g. "p Holm and p BH: adjusted over the 12 tests …". */
    public ReadOnlyStringProperty familyNoteProperty() {
        return familyNote.getReadOnlyProperty();
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

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ComparisonReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MetricAccumulator> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** Names of the comparisons, e.g. "GitHub code vs Hugging Face models". */
    public ObservableList<String> pairNames() {
        return pairNames;
    }

    /** Dimension headings and metric rows, in report order. */
    public ObservableList<MetricRow> rows() {
        return rows;
    }

    public ObservableList<Headlines.Headline> headlines() {
        return headlines;
    }

    public ReadOnlyStringProperty groupAProperty() {
        return groupA.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty groupAColourProperty() {
        return groupAColour.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty groupBColourProperty() {
        return groupBColour.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty groupBProperty() {
        return groupB.getReadOnlyProperty();
    }

    /** What was compared, e.g. "2,869,319 repositories read; all repositories". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A message when the last computation failed or the filters are contradictory; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return scheduler.busyProperty();
    }

    // Actions ---------------------------------------------------------------------------------------------------

    /** The screen was shown or hidden: shown, it brings a stale result up to date. */
    public void setActive(boolean shown) {
        active = shown;
        if (shown && stale.get()) {
            recompute();
        }
    }

    public void cancel() {
        scheduler.cancel();
        status.set("Cancelled; change a setting or refresh to compare again.");
        stale.set(true);
    }

    /** Recomputes now (debounced), e.g. from a Refresh button. */
    public void refresh() {
        stale.set(true);
        recompute();
    }

    /** The columns shown; changing it changes the table and what Copy table copies. */
    public javafx.collections.ObservableSet<ComparisonColumn> shownColumns() {
        return shownColumns;
    }

    /** Shows or hides an optional column (the essential ones stay shown). */
    public void showColumn(ComparisonColumn column, boolean shown) {
        if (shown) {
            shownColumns.add(column);
        } else if (!column.isEssential()) {
            shownColumns.remove(column);
        }
    }

    /** Shows these columns (and the essential ones); unknown or null means the default choice. */
    public void showColumns(java.util.Collection<ComparisonColumn> columns) {
        java.util.Set<ComparisonColumn> next = java.util.EnumSet.copyOf(ComparisonColumn.ESSENTIAL);
        next.addAll(columns == null ? ComparisonColumn.SHOWN_BY_DEFAULT : columns);
        shownColumns.retainAll(next);
        shownColumns.addAll(next);
    }

    public String tableAsCsv() {
        return table().map(table -> CsvText.of(table.csvRows(shownColumns))).orElse("")
                + stratifiedTable().map(table -> "\n" + CsvText.of(table.csvRows())).orElse("");
    }

    public String tableAsMarkdown() {
        return table().map(ComparisonTable::toMarkdown).orElse("")
                + stratifiedTable().map(table -> "\n" + table.toMarkdown()).orElse("");
    }

    public String tableAsLatex() {
        return table().map(ComparisonTable::toLatex).orElse("")
                + stratifiedTable().map(table -> "\n" + table.toLatex()).orElse("");
    }

    /**
     * The groups compared now, made for the project (a tag grouping reads the tag's repositories; without a tag
     * chosen, the platforms): what the custom metric editor previews its n for.
     */
    public GroupSplit currentSplit(Project project) {
        FactorTag chosenTag = tagChoice.tagProperty().get();
        return grouping.get().isTag() ? chosenTag == null ? Grouping.PLATFORM.split()
                : TagSplits.of(project, chosenTag) : grouping.get().split();
    }

    /** The filter the inputs describe, or all repositories while they contradict each other. */
    public RepositoryFilter currentFilter() {
        try {
            return filter();
        } catch (InvalidInputException invalid) {
            return RepositoryFilter.ALL;
        }
    }

    /** Stops listening to the project (the view is discarded). */
    public void dispose() {
        scheduler.close();
        context.removeDataListener(dataListener);
    }

    /** The table shown: of the selected pair, or of its selected creation year. */
    private Optional<ComparisonTable> table() {
        PairComparison pair = shownPair();
        if (pair == null) {
            return Optional.empty();
        }
        String caption = ComparisonTable.caption(pair, report.get().filter());
        StratifiedComparison.Stratum stratum = selectedYear();
        return Optional.of(new ComparisonTable(pair, stratum == null ? caption
                : "Repositories created in " + stratum.label() + ". " + caption, shownColumns));
    }

    /** The tests across creation years, when they are shown (all repositories of a stratified comparison). */
    private Optional<StratifiedTable> stratifiedTable() {
        PairComparison pair = currentPair();
        return pair == null || pair.stratified() == null || selectedYear() != null ? Optional.empty()
                : Optional.of(new StratifiedTable(pair));
    }

    private PairComparison currentPair() {
        ComparisonReport current = report.get();
        if (current == null || current.comparisons().isEmpty()) {
            return null;
        }
        int index = Math.max(0, Math.min(selectedPair.get(), current.comparisons().size() - 1));
        return current.comparisons().get(index);
    }

    /** The selected creation year's stratum, or null for all repositories. */
    private StratifiedComparison.Stratum selectedYear() {
        PairComparison pair = currentPair();
        int index = selectedStratum.get() - 1;
        return pair == null || pair.stratified() == null || index < 0 || index >= pair.stratified().strata().size()
                ? null : pair.stratified().strata().get(index);
    }

    /** The comparison the table shows: the selected pair, or its selected year. */
    private PairComparison shownPair() {
        StratifiedComparison.Stratum stratum = selectedYear();
        return stratum == null ? currentPair() : stratum.comparison();
    }

    private void dataChanged(Set<DataArea> areas) {
        boolean tagsChanged = areas.contains(DataArea.TAGS) || areas.contains(DataArea.CODEBOOK);
        if (tagsChanged || areas.contains(DataArea.REPOSITORIES)) {
            tagChoice.reload();
        }
        if (areas.contains(DataArea.REPOSITORIES) || areas.contains(DataArea.METRICS)
                || tagsChanged && grouping.get().isTag()) {
            inputsChanged();
        }
    }

    private void inputsChanged() {
        stale.set(true);
        if (active) {
            recompute();
        }
    }

    private void recompute() {
        Project project = context.project();
        if (project == null) {
            scheduler.cancel();
            clear(State.IDLE);
            return;
        }
        RepositoryFilter filter;
        try {
            filter = filter();
        } catch (InvalidInputException invalid) {
            scheduler.cancel();
            clear(State.READY);
            problem.set(invalid.getMessage());
            return;
        }
        problem.set("");
        Grouping chosen = grouping.get();
        Stratification stratification = withinYears.get() ? Stratification.CREATED_YEAR : Stratification.NONE;
        FactorTag chosenTag = tagChoice.tagProperty().get();
        if (chosen.isTag() && chosenTag == null) {
            scheduler.cancel();
            clear(State.READY);
            problem.set(TagChoice.NO_TAG_IN_USE);
            return;
        }
        scheduler.schedule(BackgroundTask.<CompareRepositories.Compared>of("Comparing repositories", progress -> {
            if (!CompareRepositories.hasRepositories(project)) {
                return null;
            }
            GroupSplit split = chosen.isTag() ? TagSplits.of(project, chosenTag) : chosen.split();
            return CompareRepositories.compareWithTables(project, split, filter, bootstrap, stratification, progress);
        }).onSuccess(compared -> {
            stale.set(false);
            if (compared == null) {
                clear(State.NO_REPOSITORIES);
            } else {
                ComparisonReport result = compared.report();
                report.set(result);
                data.set(compared.tables());
                List<String> names = new ArrayList<>();
                result.comparisons().forEach(pair -> names.add(pair.a().label() + " vs " + pair.b().label()));
                if (!pairNames.equals(names)) {
                    pairNames.setAll(names);
                    selectedPair.set(0);
                }
                show();
                state.set(State.READY);
            }
        }).onFailure(error -> {
            problem.set("The comparison failed: " + error.getMessage());
            status.set("");
        }));
    }


    private void clear(State next) {
        report.set(null);
        data.set(null);
        rows.clear();
        headlines.clear();
        pairNames.clear();
        strata.clear();
        familyNote.set("");
        status.set("");
        state.set(next);
    }

    /** Fills the table and headlines from the selected comparison (and year). */
    private void show() {
        PairComparison whole = currentPair();
        PairComparison pair = shownPair();
        if (pair == null) {
            return;
        }
        List<String> years = new ArrayList<>();
        if (whole.stratified() != null) {
            years.add("All years");
            whole.stratified().strata().forEach(stratum -> years.add(stratum.label()));
        }
        if (!strata.equals(years)) {
            strata.setAll(years);
        }
        StratifiedComparison acrossYears = selectedYear() == null ? whole.stratified() : null;
        groupA.set(pair.a().label());
        groupB.set(pair.b().label());
        groupAColour.set(org.divergence.core.charts.GroupPalette.colour(pair.a(), 0));
        groupBColour.set(org.divergence.core.charts.GroupPalette.colour(pair.b(), 1));
        List<MetricRow> next = new ArrayList<>();
        Dimension current = null;
        for (MetricComparison comparison : pair.metrics()) {
            if (!comparison.metric().dimension().equals(current)) {
                current = comparison.metric().dimension();
                next.add(MetricRow.heading(current));
            }
            next.add(MetricRow.of(comparison, bootstrap.resamples(),
                    acrossYears == null ? null : acrossYears.test(comparison.metric())));
        }
        rows.setAll(next);
        headlines.setAll(Headlines.of(pair, report.get().filter()));
        ComparisonReport shown = report.get();
        StratifiedComparison.Stratum year = selectedYear();
        status.set(PaperFormat.count(shown.rowsRead()) + " repositories read; " + shown.filter().describe()
                + (year == null ? "" : "; created in " + year.label()) + ". Group a = " + pair.a().label()
                + ", group b = " + pair.b().label() + "."
                + (whole.stratified() == null ? "" : " Unknown creation date (left out of the years): "
                + PaperFormat.count(whole.stratified().unknownA()) + " / "
                + PaperFormat.count(whole.stratified().unknownB()) + "."));
        familyNote.set(ComparisonTable.familyNoteShort(pair));
    }
}
