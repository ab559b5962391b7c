package org.divergence.gui.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.divergence.app.report.BuildReport;
import org.divergence.app.report.ReportExtensions;
import org.divergence.cli.common.ExitCodes;
import org.divergence.core.common.Progress;
import org.divergence.core.evidence.FindingRef;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.report.ReportFormat;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.gui.common.Grouping;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.SameThreadTaskExecutor;
import org.divergence.samples.SampleProject;
import org.divergence.store.project.Project;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.RecordingDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The Report section's state without a toolkit: same-thread executor, no debounce, the sample project. */
class ReportViewModelTest {

    private static final BootstrapMedianDifference.Settings BOOTSTRAP =
            new BootstrapMedianDifference.Settings(300, 11, 0.95);

    @TempDir
    Path folder;

    private final ProjectContext context = new ProjectContext();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Path sample;
    private ReportViewModel viewModel;

    @BeforeEach
    void open() {
        sample = SampleProject.ensure(folder.resolve("data"), Progress.NONE);
        context.setProject(Project.open(sample));
        viewModel = new ReportViewModel(context, new SameThreadTaskExecutor(), dialogs, ReportExtensions.builtIn(),
                Duration.ZERO, BOOTSTRAP);
    }

    @AfterEach
    void close() {
        viewModel.dispose();
        context.close();
        assertEquals(List.of(), dialogs.errors);
    }

    /** Changes reach the view model through the FX thread when another test started the toolkit: wait for them. */
    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    @Test
    void preparesTheReportOnceShownWithoutTheChecksum() {
        assertNull(viewModel.modelProperty().get(), "nothing is computed while the section is hidden");
        viewModel.setActive(true);
        assertEquals(ReportViewModel.State.READY, viewModel.stateProperty().get());
        var model = viewModel.modelProperty().get();
        assertNotNull(model);
        assertEquals(18, model.jointDisplay().rows().size(), "5 dimensions, 12 metrics, 1 factor tag");
        assertEquals(BuildReport.CHECKSUM_ON_EXPORT, model.provenance().contentSha256());
        assertEquals("4,000 of 4,000 repositories; all repositories; grouped by platform.",
                viewModel.statusProperty().get());

        viewModel.filterInputs().includedProperty(RepoType.SPACE).set(false);
        assertEquals("repo_type = code, model, dataset", viewModel.modelProperty().get().provenance()
                .filterDescription());
        for (RepoType type : RepoType.values()) {
            viewModel.filterInputs().includedProperty(type).set(false);
        }
        assertEquals("Choose at least one repository type.", viewModel.problemProperty().get());
        viewModel.filterInputs().reset();
        assertEquals("", viewModel.problemProperty().get());

        viewModel.withinYearsProperty().set(true);
        assertTrue(viewModel.modelProperty().get().comparison().isStratified(), "compared within creation years");
        assertEquals("4,000 of 4,000 repositories; all repositories; grouped by platform, within creation years.",
                viewModel.statusProperty().get());
        assertTrue(viewModel.modelProperty().get().charts().stream()
                .anyMatch(chart -> chart.id().equals("chart-user-innovation-by-year")), "a forest plot by year");
    }

    @Test
    void interpretationsAreSavedAsOneUndoStepAndFollowUndo() throws Exception {
        viewModel.setActive(true);
        FindingRef commits = FindingRef.of(BuiltInMetric.COMMITS);
        viewModel.selectedFindingProperty().set(commits);
        assertEquals("Commits", viewModel.selectedRowProperty().get().label());
        assertEquals("", viewModel.interpretationDraftProperty().get());
        assertFalse(viewModel.draftChangedBinding().get());

        viewModel.interpretationDraftProperty().set("  Fewer commits: models change by retraining.  ");
        assertTrue(viewModel.draftChangedBinding().get());
        viewModel.saveInterpretation();
        viewModel.saveInterpretation();
        await(() -> viewModel.modelProperty().get().jointDisplay().row(commits).interpretation()
                .equals("Fewer commits: models change by retraining."));
        await(() -> !viewModel.draftChangedBinding().get());
        assertEquals("edit the interpretation of \u201CCommits\u201D", context.undoHistory().nextUndo()
                .orElseThrow(), "saved once, however often Save is pressed");
        context.undoHistory().undo();
        assertFalse(context.undoHistory().canUndo(), "one undo step");

        await(() -> viewModel.modelProperty().get().jointDisplay().row(commits).interpretation().isEmpty());
        await(() -> viewModel.interpretationDraftProperty().get().isEmpty());
        viewModel.interpretationDraftProperty().set("draft");
        viewModel.revertInterpretation();
        assertEquals("", viewModel.interpretationDraftProperty().get());
    }

    @Test
    void exportWritesTheSameBytesAsTheCommandLine() throws Exception {
        viewModel.setActive(true);
        viewModel.groupingProperty().set(Grouping.REPO_TYPE);
        viewModel.filterInputs().includedProperty(RepoType.SPACE).set(false);
        for (ReportFormat format : ReportFormat.values()) {
            viewModel.formatProperty().set(format);
            Path fromGui = folder.resolve("gui." + format.extension());
            dialogs.savePaths.add(fromGui);
            viewModel.export();
            assertTrue(dialogs.saveTitles.getLast().contains("Sample project report." + format.extension()),
                    dialogs.saveTitles.getLast());
            Path fromCli = folder.resolve("cli." + format.extension());
            CliRun run = CliRun.of("report", "--project", sample.toString(), "--out", fromCli.toString(), "--by",
                    "repo_type", "--where", "repo_type=code,model,dataset", "--resamples", "300", "--seed", "11");
            assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
            assertArrayEquals(Files.readAllBytes(fromCli), Files.readAllBytes(fromGui), format.label());
        }
        assertTrue(viewModel.statusProperty().get().startsWith("Exported LaTeX tables to "),
                viewModel.statusProperty().get());

        viewModel.timestampProperty().set(true);
        viewModel.formatProperty().set(ReportFormat.HTML);
        Path stamped = folder.resolve("stamped.html");
        dialogs.savePaths.add(stamped);
        viewModel.export();
        assertTrue(Files.readString(stamped).contains("<dt>Generated</dt>"));
    }

    @Test
    void exportsTheJointDisplayByFileType() throws Exception {
        viewModel.setActive(true);
        for (String name : List.of("joint.csv", "joint.md", "joint.tex")) {
            dialogs.savePaths.add(folder.resolve(name));
            viewModel.exportJointDisplay();
        }
        assertTrue(Files.readString(folder.resolve("joint.csv")).startsWith("kind,key,finding,"));
        assertTrue(Files.readString(folder.resolve("joint.md")).startsWith("| Finding |"));
        assertTrue(Files.readString(folder.resolve("joint.tex")).contains("\\toprule"));
        assertTrue(viewModel.jointDisplayAsMarkdown().contains("Any change to the weights goes through our safety "
                + "review"));
    }
}
