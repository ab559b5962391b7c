package org.divergence.gui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Coding;
import org.divergence.core.coding.TranscriptInfo;
import org.divergence.gui.shell.Workbench;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.TranscriptStore;
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

/**
 * The coding editor in the real window on the sample project: select, code by keyboard (saying who codes, the first
 * time), see it, undo, redo; rename the coder and undo that.
 */
@ExtendWith(ApplicationExtension.class)
class CodingEditorGuiTest {

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
    void selectApplyByKeyboardSeeHighlightUndoRedo(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        var project = workbench.context().project();
        robot.clickOn("#nav-interviews");
        ListView<TranscriptInfo> list = robot.lookup("#transcript-list").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 6);
        robot.interact(() -> list.getSelectionModel().select(0));
        InlineCssTextArea area = robot.lookup("#coding-editor").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> area.getText().startsWith("FICTIONAL"));
        TranscriptInfo p01 = list.getItems().getFirst();
        String text = area.getText();
        String phrase = "Almost always through an issue.";
        int start = text.indexOf(phrase);
        int end = start + phrase.length();
        Code compute = new CodebookStore(project).load().byPath("Socio-technical factors/Compute requirements")
                .orElseThrow();
        String tint = CodeStyles.rgba(compute.color(), 0.30);
        assertFalse(area.getStyleOfChar(start + 1).contains(tint));
        int before = new CodingStore(project).codings(p01.id()).size();

        robot.clickOn(area);
        robot.interact(() -> area.selectRange(start, end));
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#quick-code-search").tryQuery()
                .isPresent());
        robot.write("compute");
        robot.type(KeyCode.ENTER);
        // The first coding in this project: the app asks who is coding, offering the project's coders.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#ask-name").tryQuery().isPresent());
        ComboBox<String> name = robot.lookup("#ask-name-field").queryComboBox();
        assertEquals(List.of("Ana", "Ben"), List.copyOf(name.getItems()));
        robot.interact(() -> name.getEditor().setText("Carla"));
        robot.clickOn(robot.lookup("#ask-name .button").queryAll().stream()
                .filter(node -> node instanceof Button button && button.getText().equals("OK")).findFirst()
                .orElseThrow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> area.getStyleOfChar(start + 1).contains(tint));
        List<Coding> after = new CodingStore(project).codings(p01.id());
        assertEquals(before + 1, after.size());
        Coding added = after.stream().filter(c -> c.codeId() == compute.id() && c.start() == start).findFirst()
                .orElseThrow(() -> new AssertionError("no coding at the selection (no emoji before it in P01)"));
        assertEquals(end, added.end());
        assertEquals("Carla", new CodingStore(project).coders().stream()
                .filter(c -> c.id() == added.coderId()).findFirst().orElseThrow().name());

        // The number key 1 applies the most recent code to a new selection.
        String second = "They can run the test suite on a laptop in four minutes.";
        int secondStart = text.indexOf(second);
        robot.interact(() -> area.selectRange(secondStart, secondStart + second.length()));
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> area.getStyleOfChar(secondStart + 2).contains(tint));
        assertEquals(before + 2, new CodingStore(project).codings(p01.id()).size());

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !area.getStyleOfChar(secondStart + 2).contains(tint));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !area.getStyleOfChar(start + 1).contains(tint));
        assertEquals(before, new CodingStore(project).codings(p01.id()).size());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> area.getStyleOfChar(start + 1).contains(tint));
        List<Coding> redone = new CodingStore(project).codings(p01.id());
        assertTrue(redone.contains(added), "redo restores the same coding: same id, GUID and time");
        assertEquals("P01-oss-maintainer", new TranscriptStore(project).list().getFirst().name());

        // Renaming the coder from the tool bar: the codings keep their coder; Ctrl+Z takes the name back.
        ComboBox<String> coder = robot.lookup("#current-coder").queryComboBox();
        robot.clickOn("#rename-coder");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#ask-name").tryQuery().isPresent());
        ComboBox<String> newName = robot.lookup("#ask-name-field").queryComboBox();
        assertEquals("Carla", newName.getEditor().getText());
        robot.interact(() -> newName.getEditor().setText("Carla Ruiz"));
        robot.clickOn(robot.lookup("#ask-name .button").queryAll().stream()
                .filter(node -> node instanceof Button button && button.getText().equals("OK")).findFirst()
                .orElseThrow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Carla Ruiz".equals(coder.getValue()));
        assertEquals("Carla Ruiz", new CodingStore(project).coders().stream()
                .filter(c -> c.id() == added.coderId()).findFirst().orElseThrow().name());
        robot.clickOn(area);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Carla".equals(coder.getValue()));
    }
}
