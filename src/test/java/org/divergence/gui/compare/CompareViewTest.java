package org.divergence.gui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.divergence.gui.common.Grouping;
import org.divergence.gui.common.Section;
import org.divergence.gui.shell.Workbench;
import org.divergence.store.project.Project;
import org.divergence.store.settings.AppDirectories;
import org.divergence.testsupport.RepositorySamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CompareViewTest {

    @TempDir
    static Path home;

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // Start on an empty project (the embedded sample has repositories), to see the empty state first.
        Path empty = home.resolve("empty-" + System.nanoTime() + ".divergence");
        Project.create(empty).close();
        workbench = Workbench.start(stage, AppDirectories.resolve(home.toString(), java.util.Map.of(), "Linux", home),
                List.of(empty.toString()));
    }

    @AfterEach
    void closeWorkbench() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            workbench.close();
            stage.close();
        }).get(10, TimeUnit.SECONDS);
    }

    private static Set<String> cellTexts(FxRobot robot) {
        return robot.lookup("#compare-table .tree-table-cell").queryAllAs(TreeTableCell.class).stream()
                .map(cell -> cell.getText() == null ? "" : cell.getText()).collect(Collectors.toSet());
    }

    /** Every row of the tree (visible or scrolled away): dimension headings and metrics. */
    private static List<String> tableLabels(FxRobot robot) throws Exception {
        TreeTableView<MetricRow> table = robot.lookup("#compare-table").query();
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> labels = new java.util.ArrayList<>();
            for (TreeItem<MetricRow> dimension : table.getRoot().getChildren()) {
                labels.add(dimension.getValue().label());
                dimension.getChildren().forEach(metric -> labels.add(metric.getValue().label()));
            }
            return labels;
        }).get(5, TimeUnit.SECONDS);
    }

    /** The table's contributors row, as shown (null while the table is empty). */
    private static MetricRow contributors(FxRobot robot) throws Exception {
        TreeTableView<MetricRow> table = robot.lookup("#compare-table").query();
        return WaitForAsyncUtils.asyncFx(() -> table.getRoot().getChildren().stream()
                .flatMap(dimension -> dimension.getChildren().stream()).map(TreeItem::getValue)
                .filter(row -> row.label().equals("Contributors")).findFirst().orElse(null))
                .get(5, TimeUnit.SECONDS);
    }

    private static boolean contributorsShow(FxRobot robot, String nA, String nB) throws Exception {
        MetricRow row = contributors(robot);
        return row != null && row.nA().equals(nA) && row.nB().equals(nB);
    }

    private static boolean showing(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup(id).query().getScene() != null;
    }

    @Test
    void comparesTheOpenProjectAndFollowsItsChanges(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        robot.clickOn("#nav-compare");
        // the project has no repositories yet: the empty state offers an import
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showing(robot, "#compare-empty"));

        Path file;
        try (Project project = RepositorySamples.projectFromResource(home.resolve("small.divergence"),
                "/golden/small.csv")) {
            file = project.file();
        }
        WaitForAsyncUtils.asyncFx(() -> workbench.viewModel().openProject(file)).get(5, TimeUnit.SECONDS);
        // golden "small by platform": contributors n 166 vs 136, δ = 0.318 (small), p < 0.001
        List<String> contributorsRow = List.of("Contributors", "166", "136", "δ = 0.32", "small", "< 0.001");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> cellTexts(robot).containsAll(contributorsRow));
        assertEquals(Section.COMPARE, workbench.viewModel().selectedSectionProperty().get());
        List<String> labels = tableLabels(robot);
        assertEquals(5 + 12, labels.size(), labels.toString());
        assertEquals("Collaboration intensity", labels.getFirst());
        assertTrue(labels.contains("Has derivatives"), labels.toString());
        assertEquals(5, robot.lookup("#compare-headlines").queryAs(javafx.scene.layout.VBox.class).getChildren()
                .size(), "one headline per dimension");

        // copy for a paper with the keyboard
        robot.clickOn("#compare-table");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.C).release(KeyCode.SHIFT, KeyCode.CONTROL);
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS);
        assertTrue(copied != null && copied.contains("| Collaboration intensity | Contributors | 166 | 136 |"),
                copied);

        // the family note, the adjusted p-values and the test used; the effect column says which way is positive
        assertTrue(robot.lookup("#compare-family").queryLabeled().getText().contains("12 tests"));
        MetricRow shown = contributors(robot);
        assertEquals(List.of("< 0.001", "< 0.001", "normal approx."), List.of(shown.pHolm(), shown.pBh(),
                shown.test()));
        assertTrue(robot.lookup("Effect (+: GitHub higher)").tryQuery().isPresent(), "the effect column's header");

        // within creation years: a year selector appears; one year's table on demand
        robot.clickOn("#compare-within-years");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showing(robot, "#compare-year"));
        ChoiceBox<?> year = robot.lookup("#compare-year").queryAs(ChoiceBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "All years".equals(year.getValue()));
        robot.interact(() -> year.getSelectionModel().select(year.getItems().indexOf("2023")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-status").queryLabeled()
                .getText().contains("created in 2023"));
        robot.clickOn("#compare-within-years");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !showing(robot, "#compare-year")
                && contributorsShow(robot, "166", "136"));

        // by repository type: a second selector appears; Spaces compared with code
        ChoiceBox<?> grouping = robot.lookup("#compare-grouping").queryAs(ChoiceBox.class);
        robot.clickOn(grouping);
        robot.clickOn(Grouping.REPO_TYPE.toString());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showing(robot, "#compare-pair"));
        ChoiceBox<?> pair = robot.lookup("#compare-pair").queryAs(ChoiceBox.class);
        robot.interact(() -> pair.getSelectionModel().select(2));
        // golden "small by repo_type": code vs space contributors n = 166 vs 16
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> contributorsShow(robot, "166", "16"));

        // new repositories in the open project refresh the comparison
        robot.interact(() -> grouping.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> contributorsShow(robot, "166", "136"));
        Project open = workbench.context().project();
        RepositorySamples.insert(open, List.<Object[]>of(RepositorySamples.row("github", "code", null, 5L)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> contributorsShow(robot, "167", "136"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellTexts(robot).contains("167"));
    }

    @Test
    void theMetricsEditorShowsTheNPerGroupAsYouTypeAndItsMetricJoinsTheTable(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        Path file;
        try (Project project = RepositorySamples.projectFromResource(home.resolve("metrics.divergence"),
                "/golden/small.csv")) {
            file = project.file();
        }
        WaitForAsyncUtils.asyncFx(() -> workbench.viewModel().openProject(file)).get(5, TimeUnit.SECONDS);
        robot.clickOn("#nav-compare");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> contributorsShow(robot, "166", "136"));

        robot.clickOn("#compare-metrics");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#metric-expression"));
        robot.clickOn("#metric-name").write("acceptance");
        robot.clickOn("#metric-expression").write("merged_pull_requests / pull_requests +");
        Label outcome = robot.lookup("#metric-outcome").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> outcome.getText().startsWith("at character 39: "));
        robot.type(KeyCode.BACK_SPACE, 2);
        // The built-in acceptance rate's n (golden/expected.json, small by platform): 48 and 10.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> outcome.getText().equals(
                "GitHub: n = 48 of 170, median 0.67    Hugging Face: n = 10 of 140, median 0.33"));
        robot.clickOn("#metric-save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#metrics-table")
                .queryAs(TableView.class).getItems().size() == 1);
        robot.interact(() -> robot.lookup("#metrics-dialog").query().getScene().getWindow().hide());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tableLabels(robot).contains("acceptance"));
        List<String> labels = tableLabels(robot);
        assertEquals(List.of("Custom", "acceptance"), labels.subList(labels.size() - 2, labels.size()));
        assertTrue(robot.lookup("#compare-family").queryLabeled().getText().contains("13 tests"));
        assertTrue(workbench.context().undoHistory().nextUndo().orElseThrow().startsWith("add custom metric"));
    }
}
