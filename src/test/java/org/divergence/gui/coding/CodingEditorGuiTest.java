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
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> area.getSelection().getLength() == 0);
        assertEquals(start, area.getCaretPosition(), "the selection gives way to the new tint, the caret at its start");
        // The status follows the reloaded codings, which may arrive a moment after the tint.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status(robot).startsWith("Coded with "));
        assertTrue(status(robot).startsWith("Coded with \u201CCompute requirements\u201D."), status(robot));
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
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status(robot).startsWith("Undone: "));
        assertEquals("Undone: \u201CCompute requirements\u201D is no longer applied there.", status(robot),
                "the status line stays true after an undo");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> area.getStyleOfChar(start + 1).contains(tint));
        List<Coding> redone = new CodingStore(project).codings(p01.id());
        assertTrue(redone.contains(added), "redo restores the same coding: same id, GUID and time");
        assertEquals("P01-oss-maintainer", new TranscriptStore(project).list().getFirst().name());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(robot).startsWith("Coded with "));
        assertTrue(area.getStyleOfChar(secondStart + 2).contains(tint), "redone, the last coding says so again");

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

    /** Two codes in one speaker turn are two stripes, each labelled; the selection has a colour no code has. */
    @Test
    void twoCodesInOneTurnAreTwoLabelledStripesAndTheSelectionLooksLikeNoCode(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        var project = workbench.context().project();
        robot.clickOn("#nav-interviews");
        ListView<TranscriptInfo> list = robot.lookup("#transcript-list").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 6);
        robot.interact(() -> list.getSelectionModel().select(0));
        InlineCssTextArea area = robot.lookup("#coding-editor").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> area.getText().startsWith("FICTIONAL"));
        String text = area.getText();
        String first = "Somebody hits a bug, they open an issue";
        String second = "Nobody needs permission or money to try a fix.";
        robot.clickOn(area);
        applyWithQuickCode(robot, area, text.indexOf(first), first.length(), "platform");
        applyWithQuickCode(robot, area, text.indexOf(second), second.length(), "compute");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> marginWith(robot, "Platform affordances") != null
                && marginWith(robot, "Platform affordances").stripes().size() == 2);
        StripeMargin margin = marginWith(robot, "Platform affordances");
        assertEquals(List.of("Carla \u00B7 Compute requirements", "Carla \u00B7 Platform affordances"),
                margin.labels().stream().map(javafx.scene.control.Label::getText).toList(),
                "one stripe per code in the turn, in the codebook's order, with the coder while several show");
        assertTrue(margin.labels().stream().allMatch(javafx.scene.Node::isVisible), "a turn of several lines has "
                + "room for both labels");
        for (Code code : new CodebookStore(project).load().inTreeOrder()) {
            assertTrue(margin.stripes().stream().noneMatch(stripe -> stripe.codeId() == code.id())
                    || margin.stripes().stream().anyMatch(stripe -> stripe.color().equals(code.color())));
        }

        robot.interact(() -> area.selectRange(text.indexOf(first), text.indexOf(first) + 10));
        javafx.scene.shape.Path selection = (javafx.scene.shape.Path) area.lookup(".selection");
        javafx.scene.paint.Color fill = (javafx.scene.paint.Color) selection.getFill();
        for (Code code : new CodebookStore(project).load().inTreeOrder()) {
            javafx.scene.paint.Color color = javafx.scene.paint.Color.web(code.color());
            double hueApart = Math.abs(fill.getHue() - color.getHue());
            assertTrue(color.getSaturation() < 0.2 || Math.min(hueApart, 360 - hueApart) > 20,
                    "the selection's hue is far from " + code.name() + "'s");
        }
        assertTrue(selection.getStrokeWidth() > 0, "and it is outlined, unlike any tint");
    }

    @Test
    void codedSegmentsShowTheCodesOwnNameInItsColourAndItsPathOnHover(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        robot.clickOn("#nav-interviews");
        robot.clickOn("Coded segments");
        javafx.scene.control.TableView<?> table = robot.lookup("#segments-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        // Read on the FX thread: a cell being updated has its text before its tooltip.
        List<String> shown = WaitForAsyncUtils.asyncFx(() -> robot.lookup(".code-name-cell")
                .queryAllAs(CodeNameCell.class).stream().filter(cell -> cell.getText() != null)
                .map(cell -> cell.getText() + "|" + (cell.getGraphic() instanceof javafx.scene.shape.Rectangle) + "|"
                        + (cell.getTooltip() == null ? null : cell.getTooltip().getText())).toList())
                .get(10, TimeUnit.SECONDS);
        assertFalse(shown.isEmpty());
        for (String cell : shown) {
            String name = cell.substring(0, cell.indexOf('|'));
            assertFalse(name.contains("/"), "the code's own name, not its path: " + name);
            assertEquals(name + "|true|Socio-technical factors/" + name, cell, "with its colour and its path");
        }
    }

    @Test
    void analysisColoursAttributeValuesApartFromCodesAndExportsItsChartAndMatrix(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        robot.clickOn("#nav-interviews");
        robot.clickOn("Analysis");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".chart-bar").queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        for (javafx.scene.Node bar : robot.lookup(".chart-bar").queryAll()) {
            // The theme shades -fx-bar-fill into a gradient: its middle is the colour itself.
            javafx.scene.paint.Paint fill = ((javafx.scene.layout.Region) bar).getBackground().getFills().getFirst()
                    .getFill();
            javafx.scene.paint.Color middle = fill instanceof javafx.scene.paint.LinearGradient gradient
                    ? gradient.getStops().get(gradient.getStops().size() / 2).getColor()
                    : (javafx.scene.paint.Color) fill;
            assertTrue(nearest(middle, org.divergence.core.coding.CodeColors.ATTRIBUTE_VALUES) < 0.03,
                    "an attribute value's colour: " + middle);
            assertTrue(nearest(middle, org.divergence.core.coding.CodeColors.PALETTE) > 0.1,
                    "not a code colour: " + middle);
        }
        assertFalse(robot.lookup("#analysis-export-chart").query().isDisabled());
        assertFalse(robot.lookup("#analysis-export-matrix").query().isDisabled());
    }

    /** How far the colour is from the closest of {@code palette} (the largest difference of a channel, 0–1). */
    private static double nearest(javafx.scene.paint.Color colour, List<String> palette) {
        return palette.stream().map(javafx.scene.paint.Color::web).mapToDouble(other -> Math.max(
                Math.abs(colour.getRed() - other.getRed()), Math.max(Math.abs(colour.getGreen() - other.getGreen()),
                        Math.abs(colour.getBlue() - other.getBlue())))).min().orElse(1);
    }

    private static void applyWithQuickCode(FxRobot robot, InlineCssTextArea area, int start, int length,
                                           String search) throws Exception {
        robot.interact(() -> area.selectRange(start, start + length));
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#quick-code-search").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        javafx.scene.Node palette = robot.lookup("#quick-code-palette").query();
        javafx.geometry.Bounds shown = WaitForAsyncUtils.asyncFx(() -> palette.localToScreen(palette.getLayoutBounds()))
                .get(5, TimeUnit.SECONDS);
        javafx.geometry.Bounds selected = WaitForAsyncUtils.asyncFx(() -> area.getSelectionBounds().orElseThrow())
                .get(5, TimeUnit.SECONDS);
        assertFalse(shown.intersects(selected), "quick code opens beside the selection, not over it: " + shown
                + " / " + selected);
        ListView<Code> offered = robot.lookup("#quick-code-results").queryListView();
        assertFalse(offered.getItems().getFirst().name().equals("Socio-technical factors"),
                "the parent of every code is not what one applies first");
        robot.write(search).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> area.getSelection().getLength() == 0);
    }

    private static StripeMargin marginWith(FxRobot robot, String codeName) {
        return robot.lookup(".coding-margin").queryAllAs(StripeMargin.class).stream()
                .filter(margin -> margin.stripes().stream().anyMatch(stripe -> stripe.label().endsWith(codeName)))
                .findFirst().orElse(null);
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#coding-status").queryAs(javafx.scene.control.Label.class).getText();
    }
}
