package org.divergence.gui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.gui.common.Grouping;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.SameThreadTaskExecutor;
import org.divergence.store.project.Project;
import org.divergence.testsupport.RepositorySamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The Compare screen's state without a toolkit: same-thread executor, no debounce, a real project file. */
class CompareViewModelTest {

    @TempDir
    Path folder;

    private final ProjectContext context = new ProjectContext();
    private CompareViewModel viewModel;

    @BeforeEach
    void createViewModel() {
        viewModel = new CompareViewModel(context, new SameThreadTaskExecutor(), Duration.ZERO,
                new BootstrapMedianDifference.Settings(500, 1, 0.95));
    }

    @AfterEach
    void close() {
        viewModel.dispose();
        context.close();
    }

    private void openSmallSample() {
        context.setProject(RepositorySamples.projectFromResource(folder.resolve("small.divergence"),
                "/golden/small.csv"));
    }

    private MetricRow row(String label) {
        return viewModel.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void computesOnlyOnceShownThenShowsTheTableAndHeadlines() {
        openSmallSample();
        assertEquals(CompareViewModel.State.IDLE, viewModel.stateProperty().get());
        assertTrue(viewModel.rows().isEmpty());
        viewModel.setActive(true);
        assertEquals(CompareViewModel.State.READY, viewModel.stateProperty().get());
        assertEquals(5 + 12, viewModel.rows().size());
        assertTrue(viewModel.rows().getFirst().isHeading());
        MetricRow contributors = row("Contributors");
        // golden/expected.json, "small by platform": n 166 vs 136, Cliff's δ 0.3178, p 1.08e-9
        assertEquals("166", contributors.nA());
        assertEquals("136", contributors.nB());
        assertEquals("δ = 0.32", contributors.effect());
        assertEquals("small", contributors.magnitude());
        assertEquals("< 0.001", contributors.pValue());
        assertTrue(contributors.details().contains("95% CI ["), contributors.details());
        assertEquals("h = ", row("Multi-contributor").effect().substring(0, 4));
        assertEquals(5, viewModel.headlines().size());
        assertTrue(viewModel.headlines().getFirst().sentence().startsWith("Hugging Face repositories have "),
                viewModel.headlines().getFirst().sentence());
        assertEquals("GitHub", viewModel.groupAProperty().get());
        assertTrue(viewModel.statusProperty().get().startsWith("310 repositories read; all repositories."));
        assertTrue(viewModel.tableAsMarkdown().contains("| Collaboration intensity | Contributors | 166 | 136 |"),
                viewModel.tableAsMarkdown());
        assertTrue(viewModel.tableAsLatex().contains("\\begin{tabular}"));
        assertTrue(viewModel.tableAsCsv().startsWith("dimension,metric,kind,n_github,n_huggingface"));
    }

    @Test
    void showsTheAdjustedPValuesTheTestAndTheFamily() {
        openSmallSample();
        viewModel.setActive(true);
        MetricRow derivatives = row("Derivatives");
        // golden/tests/tests.json overlay "small by platform": p 0.2817, Holm 0.7892, BH 0.3073 (asymptotic).
        assertEquals("0.282", derivatives.pValue());
        assertEquals("0.789", derivatives.pHolm());
        assertEquals("0.307", derivatives.pBh());
        assertEquals("normal approx.", derivatives.test());
        assertEquals("χ²", row("Has derivatives").test());
        assertTrue(viewModel.familyNoteProperty().get().contains("the 12 tests of this comparison"),
                viewModel.familyNoteProperty().get());
        assertEquals("", derivatives.pWithinYears(), "no strata unless asked");
        assertTrue(viewModel.strata().isEmpty());
    }

    @Test
    void withinCreationYearsOffersEachYearAndTheTestAcrossYears() {
        openSmallSample();
        viewModel.setActive(true);
        viewModel.withinYearsProperty().set(true);
        // small.csv: GitHub repositories from 2008, Hugging Face from 2021, up to 2025.
        assertEquals("All years", viewModel.strata().getFirst());
        assertEquals(List.of("2008", "2025"), List.of(viewModel.strata().get(1), viewModel.strata().getLast()));
        String acrossYears = row("Commits").pWithinYears();
        assertEquals("< 0.001", acrossYears, "van Elteren across the years");
        assertTrue(viewModel.statusProperty().get().contains("Unknown creation date (left out of the years): 5 / 11"),
                viewModel.statusProperty().get());
        assertTrue(viewModel.tableAsMarkdown().contains("| Metric | Test across creation years |"),
                "the copied table has the tests across years");
        viewModel.selectedStratumProperty().set(viewModel.strata().indexOf("2023"));
        assertEquals("", row("Commits").pWithinYears(), "one year: its own comparison");
        assertTrue(viewModel.statusProperty().get().contains("created in 2023"), viewModel.statusProperty().get());
        assertTrue(viewModel.tableAsMarkdown().startsWith("| Dimension |")
                && viewModel.tableAsMarkdown().contains("Repositories created in 2023."));
        viewModel.withinYearsProperty().set(false);
        assertTrue(viewModel.strata().isEmpty());
    }

    @Test
    void groupingByTypeOffersEachComparison() {
        openSmallSample();
        viewModel.setActive(true);
        viewModel.groupingProperty().set(Grouping.REPO_TYPE);
        assertEquals(List.of("GitHub code vs Hugging Face models", "GitHub code vs Hugging Face datasets",
                "GitHub code vs Hugging Face Spaces"), viewModel.pairNames());
        viewModel.selectedPairProperty().set(2);
        assertEquals("Hugging Face Spaces", viewModel.groupBProperty().get());
        // golden "small by repo_type": code vs space contributors n = 166 vs 16
        assertEquals("16", row("Contributors").nB());
        assertEquals("0", row("Derivatives").nB(), "Spaces have no derivatives in the sample");
        assertEquals("—", row("Derivatives").pValue());
    }

    @Test
    void filtersRecomputeAndContradictionsAreExplained() {
        openSmallSample();
        viewModel.setActive(true);
        viewModel.filterInputs().includedProperty(RepoType.MODEL).set(false);
        viewModel.filterInputs().includedProperty(RepoType.DATASET).set(false);
        viewModel.filterInputs().includedProperty(RepoType.SPACE).set(false);
        assertEquals("0", row("Contributors").nB());
        assertEquals("—", row("Contributors").centreB());
        assertTrue(viewModel.statusProperty().get().contains("repo_type = code"));
        viewModel.filterInputs().includedProperty(RepoType.CODE).set(false);
        assertEquals("Choose at least one repository type to compare.", viewModel.problemProperty().get());
        assertTrue(viewModel.rows().isEmpty());
        viewModel.filterInputs().reset();
        assertEquals("", viewModel.problemProperty().get());
        assertEquals("166", row("Contributors").nA());
        viewModel.filterInputs().createdFromProperty().set(LocalDate.of(2024, 1, 1));
        viewModel.filterInputs().createdToProperty().set(LocalDate.of(2023, 1, 1));
        assertEquals("The “created from” date is after the “created to” date.", viewModel.problemProperty().get());
        // golden "small, created 2021-06-01..2024-12-31, models and code"
        viewModel.filterInputs().createdFromProperty().set(LocalDate.of(2021, 6, 1));
        viewModel.filterInputs().createdToProperty().set(LocalDate.of(2024, 12, 31));
        viewModel.filterInputs().includedProperty(RepoType.DATASET).set(false);
        viewModel.filterInputs().includedProperty(RepoType.SPACE).set(false);
        assertEquals("29", row("Contributors").nA());
        assertEquals("59", row("Contributors").nB());
    }

    @Test
    void emptyProjectInvitesAnImportAndRefreshesWhenRepositoriesArrive() throws Exception {
        Project project = Project.create(folder.resolve("empty.divergence"));
        context.setProject(project);
        viewModel.setActive(true);
        assertEquals(CompareViewModel.State.NO_REPOSITORIES, viewModel.stateProperty().get());
        assertNull(viewModel.reportProperty().get());
        assertEquals("", viewModel.tableAsMarkdown());
        RepositorySamples.insert(project, List.of(RepositorySamples.row("github", "code", null, 2L),
                RepositorySamples.row("huggingface", "model", null, 1L)));
        // the data listener runs on the FX thread when a toolkit runs in this JVM, else at once
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> viewModel.stateProperty().get() == CompareViewModel.State.READY);
        assertEquals("1", row("Contributors").nA());
        assertEquals("2", row("Contributors").centreA());
    }

    @Test
    void hiddenScreenOnlyMarksChangesStale() {
        openSmallSample();
        viewModel.setActive(true);
        viewModel.setActive(false);
        viewModel.groupingProperty().set(Grouping.REPO_TYPE);
        assertEquals(List.of("GitHub vs Hugging Face"), viewModel.pairNames(), "not recomputed while hidden");
        viewModel.setActive(true);
        assertEquals(3, viewModel.pairNames().size());
    }
}
