package org.divergence.gui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.divergence.gui.shell.Workbench;
import org.divergence.store.settings.AppDirectories;
import org.fxmisc.richtext.InlineCssTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Interviews → Search by meaning and Suggestions in the real window on the sample project, with the real model. */
@ExtendWith(ApplicationExtension.class)
class AiCodingGuiTest {

    @TempDir
    static Path home;

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        workbench = Workbench.start(stage, AppDirectories.resolve(home.toString(), Map.of(), "Linux", home),
                List.of());
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            workbench.close();
            stage.close();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void findsPassagesByMeaningSaysItRunsLocallyAndOpensAHit(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        robot.clickOn("#nav-interviews");
        TabPane tabs = robot.lookup("#interviews-tabs").query();
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(tab -> tab.getText().equals("Search")).findFirst().orElseThrow())).get(5, TimeUnit.SECONDS);
        ChoiceBox<SearchViewModel.Mode> mode = robot.lookup("#search-mode").query();
        Label local = robot.lookup("#search-runs-locally").query();
        assertFalse(local.isVisible());
        WaitForAsyncUtils.asyncFx(() -> mode.setValue(SearchViewModel.Mode.MEANING)).get(5, TimeUnit.SECONDS);
        assertTrue(local.isVisible() && local.getText().contains("runs on this computer"), local.getText());

        robot.clickOn("#search-query").write("renting graphics cards is expensive").type(KeyCode.ENTER);
        TableView<SearchViewModel.Hit> table = robot.lookup("#search-hits").query();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == SearchViewModel.MEANING_LIMIT);
        SearchViewModel.Hit best = table.getItems().getFirst();
        assertEquals("P03-fine-tuner", best.transcript(), best.toString());
        assertEquals("P03", best.caseName());
        assertTrue(best.match().startsWith("I rent GPUs by the hour."), best.match());
        for (int i = 1; i < table.getItems().size(); i++) {
            assertTrue(table.getItems().get(i - 1).score() >= table.getItems().get(i).score());
        }

        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(0)).get(5, TimeUnit.SECONDS);
        // The rows are drawn a pulse after the items arrive.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#search-hits .table-row-cell").tryQuery().isPresent());
        robot.doubleClickOn(robot.lookup("#search-hits .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        InlineCssTextArea area = robot.lookup("#coding-editor").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> area.getSelectedText().startsWith("I rent GPUs"));
    }

    @Test
    void suggestionsAreAcceptedAndRejectedFromTheKeyboardAsTheCurrentCoder(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        robot.clickOn("#nav-interviews");
        TabPane tabs = robot.lookup("#interviews-tabs").query();
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(tab -> tab.getText().equals("Suggestions")).findFirst().orElseThrow())).get(5, TimeUnit.SECONDS);
        var project = workbench.context().project();
        TableView<org.divergence.app.semantic.CodeSuggestions.Suggestion> table = robot.lookup("#suggestions").query();
        robot.clickOn("#suggest-passages");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#quick-code-search").tryQuery()
                .isPresent());
        robot.write("platform affordances");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() >= 2);
        int before = table.getItems().size();
        var first = table.getItems().getFirst();
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(0)).get(5, TimeUnit.SECONDS);
        robot.clickOn(robot.lookup("#suggestions .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == before - 1);
        assertFalse(table.getItems().contains(first));
        var second = table.getItems().getFirst();
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(0)).get(5, TimeUnit.SECONDS);
        robot.type(KeyCode.A);
        // The first coding in this session: the app asks who is coding.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#ask-name").tryQuery().isPresent());
        javafx.scene.control.ComboBox<String> name = robot.lookup("#ask-name-field").queryComboBox();
        robot.interact(() -> name.getEditor().setText("Ana"));
        robot.clickOn(robot.lookup("#ask-name .button").queryAll().stream()
                .filter(node -> node instanceof javafx.scene.control.Button button && button.getText().equals("OK"))
                .findFirst().orElseThrow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == before - 2);
        var origins = new org.divergence.store.coding.CodingOrigins(project)
                .ofTranscript(second.passage().transcriptId());
        assertEquals(1, origins.size());
        var coding = new org.divergence.store.coding.CodingStore(project).codings(second.passage().transcriptId())
                .stream().filter(c -> origins.containsKey(c.id())).findFirst().orElseThrow();
        assertEquals(second.passage().start(), coding.start());
        assertEquals("Ana", new org.divergence.store.coding.CodingStore(project).coders().stream()
                .filter(c -> c.id() == coding.coderId()).findFirst().orElseThrow().name());
    }
}
