package org.divergence.gui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.divergence.core.coding.Code;
import org.divergence.core.common.Progress;
import org.divergence.core.evidence.FindingRef;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.report.JointDisplay;
import org.divergence.gui.compare.MetricRow;
import org.divergence.gui.shell.Workbench;
import org.divergence.samples.SampleProject;
import org.divergence.store.evidence.EvidenceStore;
import org.divergence.store.settings.AppDirectories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Report section, the quotes beside Compare and linking a code, in the running app on the sample project. */
@ExtendWith(ApplicationExtension.class)
class ReportSectionTest {

    @TempDir
    static Path home;

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Path sample = SampleProject.ensure(home.resolve("projects-" + System.nanoTime()), Progress.NONE);
        workbench = Workbench.start(stage, AppDirectories.resolve(home.toString(), Map.of(), "Linux", home),
                List.of(sample.toString()));
    }

    @AfterEach
    void closeWorkbench() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            workbench.close();
            stage.close();
        }).get(10, TimeUnit.SECONDS);
    }

    private void open(FxRobot robot, String section) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        robot.clickOn("#nav-" + section);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void writesAnInterpretationInTheJointDisplayAndPreviewsTheReport(FxRobot robot) throws Exception {
        open(robot, "report");
        TableView<JointDisplay.Row> table = robot.lookup("#joint-display-table").query();
        // 5 dimensions, 12 metrics and the sample's factor tag.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 18);
        int commits = WaitForAsyncUtils.asyncFx(() -> {
            int index = table.getItems().indexOf(table.getItems().stream()
                    .filter(row -> row.ref().equals(FindingRef.of(BuiltInMetric.COMMITS))).findFirst().orElseThrow());
            table.getSelectionModel().select(index);
            return index;
        }).get(5, TimeUnit.SECONDS);

        robot.clickOn("#interpretation-editor").write("Commits say little about openness.");
        robot.clickOn("#interpretation-save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().get(commits).interpretation()
                .equals("Commits say little about openness."));

        robot.clickOn(table);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().get(commits).interpretation()
                .isEmpty());

        TabPane tabs = robot.lookup("#report-tabs").query();
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(1)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#preview-provenance").tryQuery()
                .isPresent());
        assertTrue(robot.lookup("#preview-chart-collaboration-intensity").tryQuery().isPresent(),
                "the preview draws the charts");
        assertTrue(robot.lookup("#preview-chart-box-commits").tryQuery().isPresent(),
                "and shows the box plots as images");
        for (String section : List.of("sample", "comparison", "charts", "codebook", "agreement", "joint-display",
                "factors")) {
            assertTrue(robot.lookup("#preview-" + section).tryQuery().isPresent(), section);
        }
    }

    @Test
    void compareShowsTheQuotesLinkedToTheSelectedMetric(FxRobot robot) throws Exception {
        open(robot, "compare");
        TreeTableView<MetricRow> table = robot.lookup("#compare-table").query();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getRoot() != null
                && table.getRoot().getChildren().size() == 5);
        SplitPane split = robot.lookup("#compare-chart-split").query();
        assertEquals(1, split.getItems().size(), "only the chart before a row is selected");
        WaitForAsyncUtils.asyncFx(() -> {
            for (TreeItem<MetricRow> dimension : table.getRoot().getChildren()) {
                for (TreeItem<MetricRow> metric : dimension.getChildren()) {
                    if (metric.getValue().label().equals("PR acceptance rate")) {
                        table.getSelectionModel().select(metric);
                    }
                }
            }
        }).get(5, TimeUnit.SECONDS);
        // The panel may first show another row's quotes (the table selects as it fills): wait for this row's.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#linked-quotes-title").queryLabeled()
                .getText().contains("PR acceptance rate")
                && robot.lookup("#linked-quotes .evidence-card").queryAll().size() == 3);
        robot.clickOn("#linked-quotes-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, split.getItems().size(), "closed");
    }

    @Test
    void linksAWholeCodeFromTheCodebook(FxRobot robot) throws Exception {
        open(robot, "codebook");
        TreeView<Code> tree = robot.lookup("#codebook-tree").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tree.getRoot() != null);
        Code governance = WaitForAsyncUtils.asyncFx(() -> {
            TreeItem<Code> root = tree.getRoot().getChildren().isEmpty() ? tree.getRoot()
                    : tree.getRoot().getChildren().getFirst();
            TreeItem<Code> item = root.getChildren().stream().filter(child -> child.getValue().name()
                    .equals("Governance")).findFirst().orElseThrow();
            tree.getSelectionModel().select(item);
            return item.getValue();
        }).get(5, TimeUnit.SECONDS);
        EvidenceStore store = new EvidenceStore(workbench.context().project());
        assertTrue(store.forCode(governance.id()).isEmpty());

        robot.clickOn("#link-code");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#evidence-dialog").tryQuery()
                .isPresent());
        ComboBox<FindingRef> finding = robot.lookup("#evidence-finding").query();
        WaitForAsyncUtils.asyncFx(() -> finding.setValue(FindingRef.of(BuiltInMetric.PR_ACCEPTANCE_RATE)))
                .get(5, TimeUnit.SECONDS);
        robot.clickOn("#evidence-note").write("review gates merges");
        robot.clickOn("#evidence-add");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> store.forCode(governance.id()).size() == 1);
        assertEquals("review gates merges", store.forCode(governance.id()).getFirst().note());
        ListView<?> list = robot.lookup("#evidence-links").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        assertFalse(finding.getValue() != null, "the form is cleared for the next link");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }
}
