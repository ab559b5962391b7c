package org.divergence.gui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.charts.ChartSelection;
import org.divergence.core.charts.ChartType;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.gui.common.Section;
import org.divergence.gui.compare.MetricRow;
import org.divergence.gui.shell.Workbench;
import org.divergence.render.charts.BuiltChart;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.RepositoryBrowser;
import org.divergence.store.settings.AppDirectories;
import org.divergence.testsupport.RepositorySamples;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Each chart type on the Charts screen: drawn, a tooltip with exact values on hover, a click through to the table. */
@ExtendWith(ApplicationExtension.class)
class ChartsViewTest {

    @TempDir
    static Path home;

    private Workbench workbench;
    private Stage stage;
    private Path file;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        try (Project project = RepositorySamples.projectFromResource(home.resolve("charts-" + System.nanoTime()
                + ".divergence"), "/golden/small.csv")) {
            file = project.file();
        }
        workbench = Workbench.start(stage, AppDirectories.resolve(home.toString(), Map.of(), "Linux", home),
                List.of(file.toString()));
    }

    @AfterEach
    void closeWorkbench() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            workbench.close();
            stage.close();
        }).get(10, TimeUnit.SECONDS);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    /** The shown chart's entity of the wanted kind (largest first, so the pointer lands well inside it). */
    private static Optional<ChartEntity> entity(ChartViewer viewer, Predicate<ChartEntity> wanted) {
        ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
        if (info == null || info.getEntityCollection() == null) {
            return Optional.empty();
        }
        EntityCollection entities = info.getEntityCollection();
        ChartEntity best = null;
        for (int i = 0; i < entities.getEntityCount(); i++) {
            ChartEntity entity = entities.getEntity(i);
            boolean described = entity.getToolTipText() != null
                    || entity instanceof org.jfree.chart.entity.LegendItemEntity;
            if (wanted.test(entity) && described && (best == null
                    || area(entity) > area(best))) {
                best = entity;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double area(ChartEntity entity) {
        Rectangle2D bounds = entity.getArea().getBounds2D();
        return bounds.getWidth() * bounds.getHeight();
    }

    private static String tooltipOf(Node node) {
        Object tooltip = node.getProperties().get("javafx.scene.control.Tooltip");
        return tooltip instanceof Tooltip t ? t.getText() : null;
    }

    private ChartViewer openCharts(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        robot.clickOn("#nav-charts");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#charts-view #chart-viewer").tryQuery()
                .isPresent());
        return robot.lookup("#charts-view #chart-viewer").queryAs(ChartViewer.class);
    }

    @Test
    void aLongHoverTextIsCutNotTheExportButton(FxRobot robot) throws Exception {
        ChartViewer viewer = openCharts(robot);
        ChartPane pane = (ChartPane) viewer.getUserData();
        robot.interact(() -> pane.readout().setText("Hugging Face, model: median 3, quartiles 1–12, n = 1,234;"
                .repeat(8)));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#charts-view #chart-export", "#charts-view #chart-reset")) {
            javafx.scene.control.Control button = robot.lookup(id).queryAs(javafx.scene.control.Control.class);
            assertTrue(button.getWidth() >= button.prefWidth(-1) - 0.5, id + " squeezed to " + button.getWidth());
        }
    }

    @Test
    void eachChartShowsExactValuesOnHoverAndOpensTheRepositoriesBehindAClick(FxRobot robot) throws Exception {
        ChartViewer viewer = openCharts(robot);
        Predicate<ChartEntity> category = entity -> entity instanceof CategoryItemEntity;
        Predicate<ChartEntity> xy = entity -> entity instanceof XYItemEntity;
        record Case(ChartType type, String title, Predicate<ChartEntity> entity) {
        }
        List<Case> cases = List.of(new Case(ChartType.BOX, "Commits: GitHub vs Hugging Face", category),
                new Case(ChartType.ECDF, "Distribution of commits", xy),
                new Case(ChartType.HISTOGRAM, "Histogram of commits", xy),
                new Case(ChartType.SHARE, "Multi-contributor: GitHub vs Hugging Face", category),
                new Case(ChartType.TIMELINE, "Repositories over time and multi-contributor", xy));
        for (Case c : cases) {
            robot.clickOn("#chart-type-" + c.type().key());
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> viewer.getChart() != null
                    && viewer.getChart().getTitle().getText().startsWith(c.title())
                    && entity(viewer, c.entity()).isPresent()));
            ChartEntity target = fx(() -> entity(viewer, c.entity()).orElseThrow());
            Rectangle2D bounds = target.getArea().getBounds2D();
            Point2D point = fx(() -> viewer.getCanvas().localToScreen(bounds.getCenterX(), bounds.getCenterY()));
            ChartEntity under = fx(() -> viewer.getCanvas().getRenderingInfo().getEntityCollection()
                    .getEntity(bounds.getCenterX(), bounds.getCenterY()));

            // Hover: JFreeChart's tooltip with the exact figures of the element under the pointer.
            robot.moveTo(point);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> under.getToolTipText()
                    .equals(tooltipOf(viewer.getCanvas()))));
            assertTrue(under.getToolTipText().matches("(?s).*\\d.*"), "exact values: " + under.getToolTipText());

            // Click: the Repositories table, filtered to what the element stands for.
            BuiltChart built = fx(() -> ((ChartPane) viewer.getUserData()).shown());
            ChartSelection selection = built.selectionAt(under).orElseThrow();
            RepositoryFilter expected = selection.apply(built.data().filter(), built.data().split()).orElseThrow();
            long count = new RepositoryBrowser(workbench.context().project()).count(expected);
            robot.clickOn(MouseButton.PRIMARY);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workbench.viewModel().selectedSectionProperty()
                    .get() == Section.REPOSITORIES);
            Label status = robot.lookup("#repositories-status").queryAs(Label.class);
            String prefix = String.format("%,d of ", count);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> status.getText().startsWith(prefix)
                    && status.getText().contains(String.join("; ", expected.conditions()))));
            if (expected.metricRange() != null) {
                Label linked = robot.lookup("#filter-linked").queryAs(Label.class);
                assertEquals(expected.metricRange().describe(), fx(linked::getText));
            }
            robot.clickOn("#nav-charts");
        }

        // Legend toggles: a click on a group's legend entry hides its series; another click shows it again.
        robot.clickOn("#chart-type-ecdf");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> viewer.getChart() != null
                && viewer.getChart().getTitle().getText().startsWith("Distribution of")
                && entity(viewer, e -> e instanceof org.jfree.chart.entity.LegendItemEntity).isPresent()));
        for (boolean visibleAfter : new boolean[] {false, true}) {
            ChartEntity legend = fx(() -> entity(viewer, e -> e instanceof org.jfree.chart.entity.LegendItemEntity
                    && ((org.jfree.chart.entity.LegendItemEntity) e).getSeriesKey().toString().startsWith("GitHub"))
                    .orElseThrow());
            Rectangle2D area = legend.getArea().getBounds2D();
            robot.clickOn(fx(() -> viewer.getCanvas().localToScreen(area.getCenterX(), area.getCenterY())));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> ((org.jfree.chart.plot.XYPlot) viewer
                    .getChart().getPlot()).getRenderer().isSeriesVisible(0) == visibleAfter));
        }

        // Effect sizes: every metric's delta; a click on a row shows that metric's distribution.
        robot.clickOn("#chart-type-effects");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> viewer.getChart() != null
                && viewer.getChart().getTitle().getText().startsWith("Effect sizes")
                && entity(viewer, xy).isPresent()));
        ChartEntity row = fx(() -> entity(viewer, xy).orElseThrow());
        Rectangle2D bounds = row.getArea().getBounds2D();
        robot.moveTo(fx(() -> viewer.getCanvas().localToScreen(bounds.getCenterX(), bounds.getCenterY())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> {
            String text = tooltipOf(viewer.getCanvas());
            return text != null && text.contains("Cliff's δ") && text.contains("95% CI");
        }));
        robot.clickOn(MouseButton.PRIMARY);
        ToggleButton box = robot.lookup("#chart-type-box").queryAs(ToggleButton.class);
        ToggleButton share = robot.lookup("#chart-type-share").queryAs(ToggleButton.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> box.isSelected() || share.isSelected()));
    }

    /** What the pane shows: its chart's type and metric (the compact pane has no title to read). */
    private static boolean paneShows(ChartViewer viewer, ChartType type, org.divergence.core.metrics.Metric metric)
            throws Exception {
        return fx(() -> {
            BuiltChart shown = ((ChartPane) viewer.getUserData()).shown();
            return shown != null && viewer.isVisible() && shown.data().type() == type
                    && shown.data().metric() == metric && viewer.getChart() == shown.chart();
        });
    }

    @Test
    void theCompareTableChartsTheSelectedMetric(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        robot.clickOn("#nav-compare");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-charts #chart-viewer")
                .tryQuery().isPresent());
        ChartViewer viewer = robot.lookup("#compare-charts #chart-viewer").queryAs(ChartViewer.class);
        // Before any selection: the first metric's box plot, from the data the comparison read.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> paneShows(viewer, ChartType.BOX,
                org.divergence.core.metrics.BuiltInMetric.CONTRIBUTORS));
        @SuppressWarnings("unchecked")
        javafx.scene.control.TreeTableView<MetricRow> table = robot.lookup("#compare-table")
                .queryAs(javafx.scene.control.TreeTableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> table.getExpandedItemCount() > 10));
        // A number with ECDF chosen: its ECDF; a share row: bars with Wilson intervals (the distribution chooser
        // is disabled for shares).
        select(robot, table, "Commits");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> paneShows(viewer, ChartType.BOX,
                org.divergence.core.metrics.BuiltInMetric.COMMITS));
        ToggleButton ecdf = robot.lookup("#compare-chart-ecdf").queryAs(ToggleButton.class);
        robot.interact(ecdf::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> paneShows(viewer, ChartType.ECDF,
                org.divergence.core.metrics.BuiltInMetric.COMMITS));
        select(robot, table, "Has pull requests");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> paneShows(viewer, ChartType.SHARE,
                org.divergence.core.metrics.BuiltInMetric.HAS_PULL_REQUESTS));
        assertTrue(fx(ecdf::isDisabled), "no distribution chooser for a share");
    }

    /** Selects a metric's row as a click would (the row may be scrolled out of the small headless window). */
    private static void select(FxRobot robot, javafx.scene.control.TreeTableView<MetricRow> table, String label) {
        robot.interact(() -> {
            for (javafx.scene.control.TreeItem<MetricRow> dimension : table.getRoot().getChildren()) {
                for (javafx.scene.control.TreeItem<MetricRow> metric : dimension.getChildren()) {
                    if (metric.getValue().label().equals(label)) {
                        table.getSelectionModel().select(metric);
                    }
                }
            }
        });
    }
}
