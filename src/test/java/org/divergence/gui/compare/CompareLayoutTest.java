package org.divergence.gui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.divergence.samples.SampleProject;
import org.divergence.core.metrics.ComparisonColumn;
import org.divergence.core.common.Progress;
import org.divergence.gui.shell.Workbench;
import org.divergence.store.settings.AppDirectories;
import org.divergence.store.settings.Settings;
import org.divergence.store.settings.SettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Compare in a 1280×800 window, as a new user first sees it (the welcome banner shown): with a metric selected (the
 * linked quotes open beside the chart) the metric, n, medians, effect and p stay in view, the table shows most rows
 * above a chart of useful height, optional statistics are chosen as columns, remembered, and copied as shown.
 */
@ExtendWith(ApplicationExtension.class)
class CompareLayoutTest {

    @TempDir
    Path home;

    private Workbench workbench;
    private Stage stage;
    private AppDirectories directories;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        directories = AppDirectories.resolve(home.toString(), Map.of(), "Linux", home);
        Path sample = SampleProject.ensure(home.resolve("projects"), Progress.NONE);
        Settings settings = new Settings();
        settings.windowWidth = 1280;
        settings.windowHeight = 800;
        new SettingsStore(directories.config()).save(settings);
        workbench = Workbench.start(stage, directories, List.of(sample.toString()));
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            workbench.close();
            stage.close();
        }).get(10, TimeUnit.SECONDS);
    }

    private TreeTableView<MetricRow> openCompareAndSelect(FxRobot robot, String metricLabel) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        assertEquals(1280, stage.getScene().getWidth(), 0.5);
        assertEquals(800, stage.getScene().getHeight(), 0.5);
        robot.clickOn("#nav-compare");
        TreeTableView<MetricRow> table = robot.lookup("#compare-table").query();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getRoot() != null
                && table.getRoot().getChildren().size() == 5);
        WaitForAsyncUtils.asyncFx(() -> {
            for (TreeItem<MetricRow> dimension : table.getRoot().getChildren()) {
                for (TreeItem<MetricRow> metric : dimension.getChildren()) {
                    if (metric.getValue().label().equals(metricLabel)) {
                        table.getSelectionModel().select(metric);
                    }
                }
            }
        }).get(5, TimeUnit.SECONDS);
        SplitPane below = robot.lookup("#compare-chart-split").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> below.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    /** The header of a column, and whether all of it lies inside the table's viewport. */
    private static boolean headerFullyInView(FxRobot robot, TreeTableView<MetricRow> table, ComparisonColumn column) {
        Node header = robot.lookup("#compare-table .column-header").queryAll().stream()
                .filter(node -> ("compare-column-" + column.key()).equals(node.getId())).findFirst().orElse(null);
        if (header == null || !header.isVisible()) {
            return false;
        }
        Bounds inTable = table.sceneToLocal(header.localToScene(header.getBoundsInLocal()));
        return inTable.getWidth() > 20 && inTable.getMinX() >= -0.5 && inTable.getMaxX() <= table.getWidth() + 0.5;
    }

    @Test
    void theEssentialColumnsStayInViewWithTheLinkedQuotesOpen(FxRobot robot) throws Exception {
        TreeTableView<MetricRow> table = openCompareAndSelect(robot, "Contributors");
        assertTrue(robot.lookup("#linked-quotes").tryQuery().isPresent(), "the linked quotes are open");
        for (ComparisonColumn column : ComparisonColumn.ESSENTIAL) {
            assertTrue(headerFullyInView(robot, table, column), column + " is in view at 1280×800");
        }
        // Shown by default, and in view too: the magnitude and Holm's p.
        assertTrue(headerFullyInView(robot, table, ComparisonColumn.MAGNITUDE));
        assertTrue(headerFullyInView(robot, table, ComparisonColumn.P_HOLM));

        long rowsInView = robot.lookup("#compare-table .tree-table-row-cell").queryAllAs(TreeTableRow.class)
                .stream().filter(row -> row.getItem() != null && row.isVisible()).filter(row -> {
                    Bounds bounds = table.sceneToLocal(row.localToScene(row.getBoundsInLocal()));
                    return bounds.getMinY() >= 0 && bounds.getMaxY() <= table.getHeight();
                }).count();
        assertTrue(rowsInView >= 8, "rows in view above the chart: " + rowsInView);
        Node chart = robot.lookup("#compare-chart-split").query();
        assertTrue(chart.getLayoutBounds().getHeight() >= 180, "chart height " + chart.getLayoutBounds().getHeight());
    }

    @Test
    void optionalStatisticsAreChosenAsColumnsRememberedAndCopiedAsShown(FxRobot robot) throws Exception {
        TreeTableView<MetricRow> table = openCompareAndSelect(robot, "Commits");
        assertFalse(headerFullyInView(robot, table, ComparisonColumn.QUARTILES_A), "quartiles are hidden at first");

        robot.clickOn("#compare-columns");
        robot.clickOn("Quartiles (Q1 – Q3)");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#compare-column-quartiles_a").tryQuery().isPresent());
        assertTrue(table.getColumns().stream().flatMap(column -> column.getColumns().stream())
                .anyMatch(column -> "compare-column-quartiles_b".equals(column.getId()) && column.isVisible()));
        assertTrue(new SettingsStore(directories.config()).load().compareColumns.contains("quartiles_a"),
                "the choice is saved");

        robot.clickOn("#compare-copy");
        robot.clickOn("As Markdown");
        String markdown = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS);
        String header = markdown.lines().findFirst().orElseThrow();
        assertTrue(header.contains("Q1 – Q3 GitHub") && header.contains("Q1 – Q3 Hugging Face"), header);
        assertTrue(header.contains("p Holm"), header);
        assertFalse(header.contains("p BH"), "a hidden column is not copied: " + header);

        robot.clickOn("#compare-columns");
        robot.clickOn("Default columns");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(table.getColumns().stream().flatMap(column -> column.getColumns().stream())
                .anyMatch(column -> "compare-column-quartiles_b".equals(column.getId()) && column.isVisible()));
    }
}
