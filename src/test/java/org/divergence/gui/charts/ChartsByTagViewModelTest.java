package org.divergence.gui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.divergence.core.charts.BoxPlotData;
import org.divergence.core.charts.ChartSelection;
import org.divergence.core.charts.ChartType;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.Group;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.repositories.MetricRange;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.repositories.SortKey;
import org.divergence.gui.common.FxThread;
import org.divergence.gui.common.Grouping;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.SameThreadTaskExecutor;
import org.divergence.gui.repositories.RepositoriesViewModel;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.RepositoryBrowser;
import org.divergence.store.tags.TagRules;
import org.divergence.testsupport.RepositorySamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Charts screen grouped by a factor tag: untagged vs tagged, the same split as {@code compare --by tag:NAME}
 * (golden/tags/expected.json: 216 untagged, 86 tagged repositories with a contributor count), and a click on either
 * group becoming a Repositories filter that lists exactly that group.
 */
class ChartsByTagViewModelTest {

    @TempDir
    Path folder;

    private final ProjectContext context = new ProjectContext();
    private ChartsViewModel viewModel;

    @AfterEach
    void close() {
        viewModel.dispose();
        context.close();
    }

    @Test
    void drawsUntaggedAgainstTaggedAndAClickListsThatGroup() throws Exception {
        Project project = RepositorySamples.projectFromResource(folder.resolve("small.divergence"),
                "/golden/small.csv");
        long code = new CodebookStore(project).createCode(null, "Compute requirements", null).run();
        context.setProject(project);
        viewModel = new ChartsViewModel(context, new SameThreadTaskExecutor(), Duration.ZERO);
        viewModel.setActive(true);
        viewModel.metricProperty().set(BuiltInMetric.CONTRIBUTORS);
        viewModel.groupingProperty().set(Grouping.TAG);
        assertNull(viewModel.chartProperty().get());
        assertTrue(viewModel.problemProperty().get().startsWith("No repository carries a tag yet"),
                viewModel.problemProperty().get());

        context.undoHistory().execute(TagRules.add(project, code, "commits > 20 OR (platform = huggingface AND"
                + " likes >= 2)"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.chartProperty().get() != null
                && viewModel.chartProperty().get().data().groups().size() == 2);
        assertEquals("", viewModel.problemProperty().get());
        BoxPlotData box = (BoxPlotData) viewModel.chartProperty().get().data();
        assertEquals(List.of("Untagged", "Compute requirements"), box.groups().stream().map(Group::label).toList());
        assertEquals(216, box.boxes().get(0).n());
        assertEquals(86, box.boxes().get(1).n());
        // With a running toolkit (another test started it) the tagging's data notice is queued on the FX thread and
        // reads again, rightly: wait until everything queued before now has run and the view model is idle.
        CountDownLatch queuedBeforeNow = new CountDownLatch(1);
        FxThread.run(queuedBeforeNow::countDown);
        assertTrue(queuedBeforeNow.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !viewModel.busyProperty().get());
        int reads = viewModel.reads();
        viewModel.typeProperty().set(ChartType.ECDF);
        assertEquals(reads, viewModel.reads(), "another chart type of the same tag grouping reads nothing");

        RepositoryBrowser browser = new RepositoryBrowser(project);
        RepositoryFilter tagged = viewModel.filterFor(ChartSelection.group(1, "tagged")).orElseThrow();
        RepositoryFilter untagged = viewModel.filterFor(ChartSelection.group(0, "untagged")).orElseThrow();
        assertEquals(List.of("tagged Compute requirements"), tagged.conditions());
        assertEquals(List.of("not tagged Compute requirements"), untagged.conditions());
        long taggedCount = browser.count(tagged);
        assertEquals(browser.total(), taggedCount + browser.count(untagged), "the two groups partition the project");
        assertEquals(new org.divergence.store.tags.RepositoryTags(project).taggedIds(code).length, taggedCount);

        // A box of the untagged group: the Repositories screen lists those rows, the exclusion kept as linked.
        RepositoryFilter range = viewModel.filterFor(ChartSelection.range(0, MetricRange.closed("commits", 2, 8),
                "box")).orElseThrow();
        RepositoriesViewModel repositories = new RepositoriesViewModel(new SameThreadTaskExecutor());
        repositories.showFiltered(range);
        assertEquals(range, repositories.filter());
        assertEquals(List.of("commits 2 to 8", "not tagged Compute requirements"),
                repositories.linkedProperty().get().conditions());
        long[] listed = browser.order(repositories.filter(), SortKey.values()[0], true, Progress.NONE);
        long[] taggedIds = new org.divergence.store.tags.RepositoryTags(project).taggedIds(code);
        assertTrue(listed.length > 0);
        for (long id : listed) {
            assertTrue(java.util.Arrays.stream(taggedIds).noneMatch(each -> each == id), "untagged only: " + id);
        }
        assertEquals(Set.of(), range.tags());
    }
}
