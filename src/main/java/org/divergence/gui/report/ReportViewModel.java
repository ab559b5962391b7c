package org.divergence.gui.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.divergence.app.report.BuildReport;
import org.divergence.app.report.ReportExtensions;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.evidence.FindingRef;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.PaperFormat;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.report.JointDisplay;
import org.divergence.core.report.ReportChart;
import org.divergence.core.report.ReportFormat;
import org.divergence.core.report.ReportModel;
import org.divergence.core.report.ReportOptions;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.DialogService.FileType;
import org.divergence.gui.common.DialogService;
import org.divergence.gui.common.Grouping;
import org.divergence.gui.common.LatestTaskScheduler;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.RepositoryFilterInputs;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.render.report.JointDisplayTable;
import org.divergence.render.report.ReportFiles;
import org.divergence.render.report.Reports;
import org.divergence.store.evidence.InterpretationStore;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.undo.ProjectCommand;

/**
 * The Report section's state: the report options (format, grouping, repository types, creation dates, timestamp),
 * the report model the preview and the joint display show (recomputed latest-wins while the section is shown, reusing
 * the comparison when only interviews or evidence changed), the joint display row being interpreted, and the
 * exports, which run in the background.
 */
public final class ReportViewModel {

    public enum State { NO_PROJECT, COMPUTING, READY }

    private final ProjectContext context;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ReportExtensions extensions;
    private final BootstrapMedianDifference.Settings bootstrap;
    private final LatestTaskScheduler scheduler;

    private final ObjectProperty<ReportFormat> format = new SimpleObjectProperty<>(ReportFormat.HTML);
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.PLATFORM);
    private final RepositoryFilterInputs filterInputs;
    private final BooleanProperty timestamp = new SimpleBooleanProperty(false);
    private final BooleanProperty withinYears = new SimpleBooleanProperty(false);

    private final ReadOnlyObjectWrapper<ReportModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NO_PROJECT);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanProperty exporting = new SimpleBooleanProperty(false);

    private final ObjectProperty<FindingRef> selectedFinding = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<JointDisplay.Row> selectedRow = new ReadOnlyObjectWrapper<>();
    private final StringProperty interpretationDraft = new SimpleStringProperty("");
    private final BooleanBinding draftChanged;

    private final java.util.function.Consumer<Set<DataArea>> dataListener = this::dataChanged;
    private ComparisonReport cachedComparison;
    private String pendingSave;
    private String cachedKey;
    private boolean active;
    private boolean stale = true;

    public ReportViewModel(ProjectContext context, TaskExecutor tasks, DialogService dialogs) {
        this(context, tasks, dialogs, ReportExtensions.builtIn(), Duration.ofMillis(300),
                BootstrapMedianDifference.Settings.DEFAULT);
    }

    /** Tests pass a zero debounce with the same-thread executor, and fewer bootstrap resamples. */
    public ReportViewModel(ProjectContext context, TaskExecutor tasks, DialogService dialogs,
                           ReportExtensions extensions, Duration debounce, BootstrapMedianDifference.Settings bootstrap) {
        this.context = context;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.extensions = extensions;
        this.bootstrap = bootstrap;
        this.scheduler = new LatestTaskScheduler(tasks, debounce);
        this.filterInputs = new RepositoryFilterInputs("Choose at least one repository type.", this::inputsChanged);
        grouping.addListener((obs, old, now) -> inputsChanged());
        withinYears.addListener((obs, old, now) -> inputsChanged());
        selectedFinding.addListener((obs, old, now) -> selectRow());
        draftChanged = Bindings.createBooleanBinding(() -> selectedRow.get() != null
                && !Objects.equals(normalized(interpretationDraft.get()), selectedRow.get().interpretation()),
                interpretationDraft, selectedRow);
        context.addDataListener(dataListener);
        context.projectProperty().addListener((obs, old, now) -> {
            scheduler.cancel();
            cachedComparison = null;
            model.set(null);
            selectedFinding.set(null);
            state.set(now == null ? State.NO_PROJECT : State.COMPUTING);
            inputsChanged();
        });
        if (context.hasProject()) {
            state.set(State.COMPUTING);
        }
    }

    // Inputs ----------------------------------------------------------------------------------------------------------

    public ObjectProperty<ReportFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    /** Whether an exported report states when it was made (then two exports differ). */
    public BooleanProperty timestampProperty() {
        return timestamp;
    }

    /** Also compare within each creation year (tables and a forest plot per dimension). */
    public BooleanProperty withinYearsProperty() {
        return withinYears;
    }

    /** The repository types and creation dates to include. */
    public RepositoryFilterInputs filterInputs() {
        return filterInputs;
    }

    /** The filter the inputs describe; contradictory inputs throw with a message for the user. */
    public RepositoryFilter filter() {
        return filterInputs.filter();
    }

    /** The options the inputs describe (the time of generation is set when exporting). */
    public ReportOptions options() {
        return new ReportOptions(grouping.get().split().groupBy(), filter(), bootstrap, null,
                withinYears.get() ? Stratification.CREATED_YEAR : Stratification.NONE);
    }

    // Outputs ---------------------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<ReportModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return scheduler.busyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return BooleanProperty.readOnlyBooleanProperty(exporting);
    }

    // Joint display rows ----------------------------------------------------------------------------------------------

    /** The joint display row being read or interpreted. */
    public ObjectProperty<FindingRef> selectedFindingProperty() {
        return selectedFinding;
    }

    public ReadOnlyObjectProperty<JointDisplay.Row> selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    /** The interpretation being edited for the selected row. */
    public StringProperty interpretationDraftProperty() {
        return interpretationDraft;
    }

    /** True while the draft differs from the stored interpretation. */
    public BooleanBinding draftChangedBinding() {
        return draftChanged;
    }

    /** Saves the draft as the selected row's interpretation (one undo step); nothing happens when unchanged. */
    public void saveInterpretation() {
        JointDisplay.Row row = selectedRow.get();
        Project project = context.project();
        if (row == null || project == null || !draftChanged.get()) {
            return;
        }
        String text = normalized(interpretationDraft.get());
        String saving = row.ref() + "\u0000" + text;
        if (saving.equals(pendingSave)) {
            return;
        }
        ProjectCommand<Boolean> command;
        try {
            command = new InterpretationStore(project).save(row.ref(), text);
        } catch (InvalidInputException e) {
            dialogs.showError("Cannot save the interpretation", e.getMessage());
            return;
        }
        pendingSave = saving;
        var history = context.undoHistory();
        InterpretationStore store = new InterpretationStore(project);
        tasks.execute(BackgroundTask.of("Saving the interpretation", progress -> {
            // Leaving the field and pressing Save both save: only a real change becomes an undo step.
            if (Objects.equals(store.text(row.ref()), text)) {
                return false;
            }
            history.execute(command);
            return command.result();
        }).quiet().onSuccess(changed -> {
            if (changed) {
                status.set("Interpretation of \u201C" + row.label() + "\u201D saved.");
            }
        }).onFailure(error -> dialogs.showError("Could not save the interpretation", error.getMessage()))
                .onFinished(() -> pendingSave = null));
    }

    /** Puts the stored interpretation back into the draft. */
    public void revertInterpretation() {
        JointDisplay.Row row = selectedRow.get();
        interpretationDraft.set(row == null ? "" : row.interpretation());
    }

    private void selectRow() {
        ReportModel current = model.get();
        FindingRef ref = selectedFinding.get();
        JointDisplay.Row row = current == null || ref == null ? null : current.jointDisplay().row(ref);
        JointDisplay.Row previous = selectedRow.get();
        boolean sameRow = previous != null && row != null && previous.ref().equals(row.ref());
        boolean keepDraft = sameRow && draftChanged.get();
        selectedRow.set(row);
        if (!keepDraft) {
            interpretationDraft.set(row == null ? "" : row.interpretation());
        }
    }

    private static String normalized(String text) {
        return text == null ? "" : text.strip();
    }

    // Computing -------------------------------------------------------------------------------------------------------

    /** The section was shown or hidden: shown, it brings a stale preview up to date. */
    public void setActive(boolean shown) {
        active = shown;
        if (shown && stale) {
            recompute();
        }
    }

    public void refresh() {
        stale = true;
        recompute();
    }

    private void dataChanged(Set<DataArea> areas) {
        if (areas.contains(DataArea.REPOSITORIES) || areas.contains(DataArea.BATCHES)
                || areas.contains(DataArea.METRICS)) {
            cachedComparison = null;
        }
        if (!areas.equals(Set.of(DataArea.META))) {
            inputsChanged();
        }
    }

    private void inputsChanged() {
        stale = true;
        if (active) {
            recompute();
        }
    }

    private void recompute() {
        Project project = context.project();
        if (project == null) {
            scheduler.cancel();
            state.set(State.NO_PROJECT);
            return;
        }
        ReportOptions options;
        try {
            options = options();
        } catch (InvalidInputException invalid) {
            scheduler.cancel();
            problem.set(invalid.getMessage());
            return;
        }
        problem.set("");
        String key = key(options);
        ComparisonReport reuse = key.equals(cachedKey) ? cachedComparison : null;
        if (model.get() == null) {
            state.set(State.COMPUTING);
        }
        scheduler.schedule(BackgroundTask.of("Preparing the report", progress -> withPreviewImages(
                BuildReport.preview(project, options, extensions, reuse, progress))).onSuccess(result -> {
                    if (context.project() != project) {
                        return;
                    }
                    stale = false;
                    cachedKey = key;
                    cachedComparison = result.comparison();
                    model.set(result);
                    state.set(State.READY);
                    selectRow();
                    status.set(describe(result));
                }).onFailure(error -> {
                    problem.set("The report could not be prepared: " + error.getMessage());
                    status.set("");
                }));
    }

    /** What a cached comparison was made with. */
    private static String key(ReportOptions options) {
        return options.groupBy() + "|" + options.filter() + "|" + options.bootstrap() + "|"
                + options.stratification();
    }

    /** Renders the charts the preview shows as images here, in the background, not on the FX thread. */
    private static ReportModel withPreviewImages(ReportModel report) {
        for (ReportChart chart : report.charts()) {
            if (chart.drawing() == null && chart.image() != null) {
                chart.image().png();
            }
        }
        return report;
    }

    private static String describe(ReportModel result) {
        return PaperFormat.count(result.sample().totalInReport()) + " of " + PaperFormat.count(
                result.sample().totalInProject()) + " repositories; " + result.provenance().filterDescription()
                + "; grouped by " + result.provenance().grouping() + ".";
    }

    // Exporting -------------------------------------------------------------------------------------------------------

    /** The name offered in the save dialog, e.g. "Sample project report.html". */
    public String suggestedFileName() {
        Project project = context.project();
        String name = project == null ? "report" : project.name() + " report";
        return name + "." + format.get().extension();
    }

    /** Asks where to save (the platform dialog asks before replacing a file), then writes in the background. */
    public void export() {
        if (!context.hasProject()) {
            return;
        }
        ReportFormat chosen = format.get();
        dialogs.chooseFileToSave("Export the report as " + chosen.label(), suggestedFileName(),
                List.of(FileType.of(chosen.label(), "*." + chosen.extension()))).ifPresent(this::exportTo);
    }

    /** Writes the report in the chosen format to {@code file}: the same bytes {@code report} writes. */
    public void exportTo(Path file) {
        Project project = context.project();
        if (project == null) {
            return;
        }
        ReportOptions options;
        try {
            options = options().withGeneratedAt(timestamp.get() ? Instant.now() : null);
        } catch (InvalidInputException invalid) {
            dialogs.showError("Cannot export the report", invalid.getMessage());
            return;
        }
        ReportFormat chosen = format.get();
        ComparisonReport reuse = key(options).equals(cachedKey) ? cachedComparison : null;
        exporting.set(true);
        tasks.execute(BackgroundTask.of("Exporting the report", progress -> {
            ReportModel full = BuildReport.build(project, options, extensions, reuse, progress);
            return ReportFiles.write(file, Reports.render(full, chosen));
        }).onSuccess(bytes -> status.set("Exported " + chosen.label() + " to " + file + " ("
                + PaperFormat.count(bytes) + " bytes)."))
                .onFailure(error -> dialogs.showError("Could not export the report", error.getMessage()))
                .onFinished(() -> exporting.set(false)));
    }

    /** The joint display as CSV, Markdown or LaTeX, chosen by the file's extension. */
    public void exportJointDisplay() {
        ReportModel current = model.get();
        if (current == null) {
            return;
        }
        Optional<Path> file = dialogs.chooseFileToSave("Export the joint display",
                (context.hasProject() ? context.project().name() + " " : "") + "joint display.csv",
                List.of(FileType.of("CSV spreadsheet", "*.csv"), FileType.of("Markdown", "*.md"),
                        FileType.of("LaTeX table (booktabs)", "*.tex")));
        file.ifPresent(path -> exportJointDisplayTo(path, current));
    }

    void exportJointDisplayTo(Path file, ReportModel current) {
        JointDisplayTable table = new JointDisplayTable(current.jointDisplay());
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        tasks.execute(BackgroundTask.of("Exporting the joint display", progress -> ReportFiles.write(file,
                name.endsWith(".md") ? table.toMarkdown() : name.endsWith(".tex")
                        ? table.toLatex("Joint display: " + current.provenance().filterDescription() + ".")
                        : table.toCsv()))
                .onSuccess(bytes -> status.set("Exported the joint display to " + file + "."))
                .onFailure(error -> dialogs.showError("Could not export the joint display", error.getMessage())));
    }

    /** The joint display as Markdown, for the clipboard. */
    public String jointDisplayAsMarkdown() {
        ReportModel current = model.get();
        return current == null ? "" : new JointDisplayTable(current.jointDisplay()).toMarkdown();
    }

    public void dispose() {
        scheduler.close();
        context.removeDataListener(dataListener);
    }
}
