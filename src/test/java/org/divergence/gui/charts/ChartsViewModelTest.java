package org.divergence.gui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.divergence.core.charts.BoxPlotData;
import org.divergence.core.charts.ChartSelection;
import org.divergence.core.charts.ChartType;
import org.divergence.core.charts.EffectsData;
import org.divergence.core.charts.ShareData;
import org.divergence.core.charts.YearEffectsData;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.repositories.MetricRange;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.gui.common.Grouping;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.SameThreadTaskExecutor;
import org.divergence.gui.repositories.RepositoriesViewModel;
import org.divergence.testsupport.RepositorySamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Charts screen's state without a toolkit: same-thread executor, no debounce, a real project file. */
class ChartsViewModelTest {

    @TempDir
    Path folder;

    private final ProjectContext context = new ProjectContext();
    private ChartsViewModel viewModel;

    @BeforeEach
    void create() {
        viewModel = new ChartsViewModel(context, new SameThreadTaskExecutor(), Duration.ZERO);
        context.setProject(RepositorySamples.projectFromResource(folder.resolve("small.divergence"),
                "/golden/small.csv"));
    }

    @AfterEach
    void close() {
        viewModel.dispose();
        context.close();
    }

    @Test
    void switchingTheChartOrMetricReusesTheDataWhileFiltersReadAgain() {
        assertNull(viewModel.chartProperty().get(), "nothing is computed while the screen is hidden");
        viewModel.setActive(true);
        assertEquals(1, viewModel.reads());
        assertTrue(viewModel.chartProperty().get().data() instanceof BoxPlotData);
        for (ChartType type : ChartType.values()) {
            viewModel.typeProperty().set(type);
            assertEquals(type, viewModel.chartProperty().get().data().type());
        }
        viewModel.metricProperty().set(BuiltInMetric.ENDORSEMENTS);
        assertEquals(BuiltInMetric.ENDORSEMENTS, viewModel.chartProperty().get().data().metric());
        viewModel.typeProperty().set(ChartType.EFFECTS);
        viewModel.withinYearsProperty().set(true);
        assertTrue(viewModel.chartProperty().get().data() instanceof YearEffectsData byYear
                && byYear.metric() == BuiltInMetric.ENDORSEMENTS && byYear.years().contains(2023),
                "the effects within creation years: one metric by year");
        viewModel.withinYearsProperty().set(false);
        assertTrue(viewModel.chartProperty().get().data() instanceof EffectsData);
        assertEquals(1, viewModel.reads(), "one pass over the table for all of that");

        viewModel.typeProperty().set(ChartType.SHARE);
        assertEquals(BuiltInMetric.shares().getFirst().dimension(), BuiltInMetric.MULTI_CONTRIBUTOR.dimension());
        assertTrue(viewModel.chartProperty().get().data() instanceof ShareData share
                && share.metric().kind() == org.divergence.core.metrics.MetricKind.SHARE);

        viewModel.groupingProperty().set(Grouping.REPO_TYPE);
        assertEquals(2, viewModel.reads());
        assertEquals(4, viewModel.chartProperty().get().data().groups().size());
        viewModel.filterInputs().includedProperty(RepoType.SPACE).set(false);
        viewModel.filterInputs().createdFromProperty().set(LocalDate.of(2020, 1, 1));
        assertEquals(4, viewModel.reads());
        assertEquals(new RepositoryFilter(Set.of(), Set.of(RepoType.CODE, RepoType.MODEL, RepoType.DATASET),
                LocalDate.of(2020, 1, 1), null), viewModel.chartProperty().get().data().filter());
    }

    @Test
    void contradictoryFiltersAreExplainedAndAClickBecomesARepositoriesFilter() {
        viewModel.setActive(true);
        for (RepoType type : RepoType.values()) {
            viewModel.filterInputs().includedProperty(type).set(false);
        }
        assertTrue(viewModel.problemProperty().get().contains("at least one repository type"));
        viewModel.filterInputs().reset();
        assertEquals("", viewModel.problemProperty().get());

        viewModel.filterInputs().includedProperty(RepoType.SPACE).set(false);
        RepositoryFilter filter = viewModel.filterFor(ChartSelection.range(0,
                MetricRange.closed("commits", 2, 8), "box")).orElseThrow();
        assertEquals(Set.of(Platform.GITHUB), filter.platforms());
        // The Repositories screen keeps what its filter bar cannot show (several types, the range) as linked.
        RepositoriesViewModel repositories = new RepositoriesViewModel(new SameThreadTaskExecutor());
        repositories.showFiltered(filter);
        assertEquals(filter, repositories.filter());
        assertEquals(List.of("repo_type = code, model, dataset", "commits 2 to 8"),
                repositories.linkedProperty().get().conditions());
        repositories.linkedProperty().set(null);
        assertEquals(RepositoryFilter.ALL.withPlatforms(Set.of(Platform.GITHUB)), repositories.filter());

        viewModel.showMetric(BuiltInMetric.HAS_DERIVATIVES);
        assertEquals(ChartType.SHARE, viewModel.typeProperty().get());
        viewModel.showMetric(BuiltInMetric.COMMITS);
        assertEquals(ChartType.BOX, viewModel.typeProperty().get());
        assertEquals(BuiltInMetric.COMMITS, viewModel.chartProperty().get().data().metric());
    }
}
