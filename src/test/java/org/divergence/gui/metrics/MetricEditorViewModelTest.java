package org.divergence.gui.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.divergence.core.charts.BoxPlotData;
import org.divergence.core.charts.ChartType;
import org.divergence.core.metrics.GroupSplits;
import org.divergence.core.metrics.Metric;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.gui.charts.ChartsViewModel;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.SameThreadTaskExecutor;
import org.divergence.gui.compare.CompareViewModel;
import org.divergence.gui.compare.MetricRow;
import org.divergence.testsupport.RepositorySamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The custom metric editor without a toolkit (same-thread executor, a real project): problems with their position
 * as the expression is typed, the n per group of the comparison shown, and saving, changing and removing through
 * the undo history, which Compare and Charts follow.
 */
class MetricEditorViewModelTest {

    @TempDir
    Path folder;

    private final ProjectContext context = new ProjectContext();
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();

    @BeforeEach
    void openProject() {
        context.setProject(RepositorySamples.projectFromResource(folder.resolve("small.divergence"),
                "/golden/small.csv"));
    }

    @AfterEach
    void close() {
        context.close();
    }

    /** Data notices reach view models on the FX thread when another test started the toolkit: wait for them. */
    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    private MetricEditorViewModel editor() {
        return new MetricEditorViewModel(context, tasks, project -> GroupSplits.PLATFORM, () -> RepositoryFilter.ALL,
                Duration.ZERO);
    }

    @Test
    void showsProblemsWithTheirPositionAndTheNPerGroupAsTheExpressionIsTyped() {
        MetricEditorViewModel editor = editor();
        editor.expressionProperty().set("merged_pull_requests / (pull_requests");
        assertEquals("at character 38: expected ')' to close the '(' at character 24",
                editor.problemProperty().get());
        assertEquals(37, editor.problemPositionProperty().get());
        assertTrue(editor.preview().isEmpty());
        assertFalse(editor.canSaveProperty().get());

        // The same values as the built-in PR acceptance rate: n 48 and 10 (golden/expected.json, small by platform).
        editor.expressionProperty().set("merged_pull_requests / pull_requests");
        assertEquals("", editor.problemProperty().get());
        assertEquals(List.of("GitHub: n = 48 of 170, median 0.67", "Hugging Face: n = 10 of 140, median 0.33"),
                editor.preview().stream().map(MetricEditorViewModel::describe).toList());
        assertFalse(editor.canSaveProperty().get(), "no name yet");

        editor.shareProperty().set(true);
        assertTrue(editor.problemProperty().get().contains("a share needs a condition"));
        editor.expressionProperty().set("merged_pull_requests / pull_requests >= 0.5");
        // 36 of small.csv's 48 GitHub repositories with a known rate have at least 0.5.
        assertEquals("GitHub: n = 48 of 170, 75.0% have it",
                MetricEditorViewModel.describe(editor.preview().getFirst()));

        editor.nameProperty().set("has_pull_requests");
        assertTrue(editor.problemProperty().get().contains("is a built-in metric's"), editor.problemProperty().get());
        editor.nameProperty().set("mostly_merged");
        assertTrue(editor.canSaveProperty().get());
        editor.dispose();
    }

    @Test
    void savedMetricsJoinCompareAndChartsAndUndoTakesThemBack() throws Exception {
        CompareViewModel compare = new CompareViewModel(context, tasks, Duration.ZERO,
                new BootstrapMedianDifference.Settings(100, 1, 0.95));
        compare.setActive(true);
        ChartsViewModel charts = new ChartsViewModel(context, tasks, Duration.ZERO);
        charts.setActive(true);
        assertEquals(5 + 12, compare.rows().size());

        MetricEditorViewModel editor = editor();
        editor.nameProperty().set("stars_per_commit");
        editor.dimensionProperty().set("popularity");
        editor.expressionProperty().set("stars / commits");
        editor.save();
        await(() -> editor.metrics().size() == 1);
        assertEquals("", editor.expressionProperty().get(), "the editor is cleared for the next metric");
        await(() -> compare.rows().size() == 5 + 13);
        MetricRow custom = compare.rows().get(compare.rows().size() - 1);
        assertEquals("stars_per_commit", custom.label());
        assertEquals("stars / commits", custom.definition());
        assertEquals("Popularity", compare.rows().get(compare.rows().size() - 3).label(), "it joins popularity");
        assertEquals(13, compare.reportProperty().get().comparisons().getFirst().familySize() + 1,
                "no test for a metric Hugging Face never has (stars are unknown there)");

        await(() -> charts.metricsProperty().get().ofKey("stars_per_commit") != null);
        Metric metric = charts.metricsProperty().get().ofKey("stars_per_commit");
        assertTrue(ChartType.BOX.metrics(charts.metricsProperty().get()).contains(metric));
        charts.metricProperty().set(metric);
        assertEquals("stars_per_commit", ((BoxPlotData) charts.chartProperty().get().data()).metric().key());

        editor.edit(editor.metrics().getFirst());
        assertEquals("stars / commits", editor.expressionProperty().get());
        editor.expressionProperty().set("stars / (commits + 1)");
        editor.save();
        await(() -> editor.metrics().getFirst().metric().expression().equals("stars / (commits + 1)"));
        await(() -> "stars / (commits + 1)".equals(compare.rows().getLast().definition()));
        await(() -> ((BoxPlotData) charts.chartProperty().get().data()).metric().expression()
                .equals("stars / (commits + 1)"));

        assertTrue(context.undoHistory().undo());
        assertTrue(context.undoHistory().undo());
        await(() -> editor.metrics().isEmpty() && compare.rows().size() == 5 + 12);
        await(() -> charts.metricsProperty().get().custom().isEmpty()
                && !charts.chartProperty().get().data().metric().isCustom());
        assertTrue(context.undoHistory().redo());
        await(() -> editor.metrics().size() == 1);
        editor.remove(editor.metrics().getFirst());
        await(() -> editor.metrics().isEmpty() && compare.rows().size() == 5 + 12);
        editor.dispose();
        compare.dispose();
        charts.dispose();
    }
}
