package org.divergence.gui.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.divergence.app.agreement.ComputeAgreement;
import org.divergence.app.refi.MergeProject;
import org.divergence.app.refi.RefiFiles;
import org.divergence.core.agreement.AgreementResult;
import org.divergence.core.agreement.AgreementUnit;
import org.divergence.core.agreement.KappaBand;
import org.divergence.core.coding.Coder;
import org.divergence.core.coding.Coding;
import org.divergence.core.common.Progress;
import org.divergence.core.refi.RefiProject;
import org.divergence.gui.coding.InterviewsSection;
import org.divergence.gui.coding.InterviewsView;
import org.divergence.gui.common.Section;
import org.divergence.gui.shell.Workbench;
import org.divergence.samples.SampleInterviews;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;
import org.divergence.store.settings.AppDirectories;
import org.divergence.testsupport.GeneratedZip;
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
 * The Agreement screen in the real window on the sample project: the table with its kappa bands, a disagreement
 * opened in the Interviews editor, blind coding hiding the others' codings and the agreement, and REFI-QDA import
 * (with its report, undone by Ctrl+Z) and export through the window's import and export handlers.
 */
@ExtendWith(ApplicationExtension.class)
class AgreementGuiTest {

    @TempDir
    static Path home;

    @TempDir
    Path folder;

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
    void tableBandsDisagreementsInTheTextAndBlindCoding(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        var project = workbench.context().project();
        AgreementResult expected = ComputeAgreement.compute(project, List.of("Ana", "Ben"), AgreementUnit.CHARACTER,
                false, Progress.NONE);
        robot.clickOn("#nav-agreement");
        TableView<AgreementViewModel.Row> table = robot.lookup("#agreement-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == expected.codes().size() + 1);
        assertEquals(expected.overall(), table.getItems().getLast().figures());
        KappaBand firstBand = KappaBand.of(expected.codes().getFirst().figures().kappa());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#agreement-table ." + AgreementView.bandClass(firstBand)).tryQuery().isPresent(),
                "the kappa cells carry their band's colour");
        assertTrue(robot.lookup("#agreement-legend").tryQuery().isPresent());
        // Codes by their own name, the path in the tooltip (the pooled row may be scrolled away here).
        java.util.Set<String> codeCells = robot.lookup("#agreement-table .code-name-cell").queryAllAs(
                javafx.scene.control.TableCell.class).stream().map(javafx.scene.control.Labeled::getText)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        assertTrue(codeCells.contains("Black-box nature of models"), codeCells.toString());
        assertTrue(codeCells.size() > 1 && codeCells.stream().noneMatch(text -> text.contains("/")),
                codeCells.toString());

        TableView<AgreementViewModel.DisagreementRow> rows = robot.lookup("#agreement-disagreements")
                .queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !rows.getItems().isEmpty());
        AgreementViewModel.DisagreementRow target = rows.getItems().getFirst();
        Node cell = robot.lookup("#agreement-disagreements .table-cell").queryAll().stream()
                .filter(node -> node instanceof TableCell<?, ?> c && c.getIndex() == 0 && c.getItem() != null)
                .findFirst().orElseThrow();
        robot.doubleClickOn(cell);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> workbench.viewModel().selectedSectionProperty().get() == Section.INTERVIEWS);
        InlineCssTextArea area = robot.lookup("#coding-editor").query();
        String text = new TranscriptStore(project).text(target.transcriptId());
        int start = text.offsetByCodePoints(0, target.start());
        int end = text.offsetByCodePoints(0, target.end());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> area.getSelection().getStart() == start
                && area.getSelection().getEnd() == end);
        assertEquals(text.substring(start, end), area.getSelectedText());

        InterviewsView interviews = ((InterviewsSection) workbench.window().sectionView(Section.INTERVIEWS)).view();
        var coding = interviews.codingViewModel();
        assertFalse(coding.visibleCodings().isEmpty());
        robot.clickOn("#blind-coding");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(coding.visibleCodings().isEmpty(), "nobody has said who is coding yet");
        assertTrue(robot.lookup("#coder-filter").query().isDisabled(), "the coder filter gives way to blind coding");
        robot.interact(() -> coding.workspace().currentCoderProperty().set("Ana"));
        assertTrue(!coding.visibleCodings().isEmpty() && coding.visibleCodings().stream()
                .allMatch(c -> coding.coderName(c.coderId()).equals("Ana")), "only Ana's own codings show");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT6).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#agreement-blind").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        assertTrue(table.getItems().isEmpty(), "no agreement while coding blind");
        robot.clickOn(robot.lookup("#agreement-blind .button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == expected.codes().size() + 1);
        assertFalse(coding.workspace().blindCodingProperty().get());
    }

    @Test
    void threeCodersFromTheChecklistInA1280By800Window(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        // A copy of the sample with a third coder, Cai, who codes most of what Ana coded in the first interview.
        Path file = folder.resolve("three.divergence");
        try (Project three = Project.create(file)) {
            SampleInterviews.populate(three, Progress.NONE);
            CodingStore codings = new CodingStore(three);
            long ana = codings.coders().stream().filter(c -> c.name().equals("Ana")).findFirst().orElseThrow().id();
            Coder cai = codings.ensureCoder("Cai");
            long transcript = new TranscriptStore(three).list().getFirst().id();
            for (Coding coding : codings.codings(transcript).stream().filter(c -> c.coderId() == ana).toList()) {
                codings.applyCode(transcript, coding.codeId(), cai.id(), coding.start(), Math.max(coding.start() + 1,
                        coding.end() - 3), "code").run();
            }
        }
        robot.interact(() -> workbench.viewModel().openProject(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.context().hasProject()
                && workbench.context().project().file().equals(file));
        var project = workbench.context().project();
        AgreementResult expected = ComputeAgreement.compute(project, List.of("Ana", "Ben", "Cai"),
                AgreementUnit.CHARACTER, false, Progress.NONE);
        robot.clickOn("#nav-agreement");
        AgreementView view = ((AgreementSection) workbench.window().sectionView(Section.AGREEMENT)).view();
        TableView<AgreementViewModel.Row> table = robot.lookup("#agreement-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty()
                && expected.overall().equals(table.getItems().getLast().figures()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1280, stage.getScene().getWidth(), 0.5);
        assertEquals(800, stage.getScene().getHeight(), 0.5);
        assertTrue(column(table, "Fleiss κ").isVisible() && !column(table, "Both").isVisible()
                && !column(table, "Kappa").isVisible(), "three coders: Fleiss' kappa, no 2 × 2 counts");
        MenuButton coders = robot.lookup("#agreement-coders").query();
        for (Node node : List.of(coders, robot.lookup("#agreement-merge").queryAs(Node.class),
                robot.lookup("#agreement-unit").queryAs(Node.class))) {
            assertTrue(node.localToScene(node.getBoundsInLocal()).getMaxX() <= stage.getScene().getWidth(),
                    node.getId() + " fits the window");
        }
        assertEquals("Ana, Ben, Cai", coders.getText());

        robot.clickOn("#agreement-pairs-tab");
        TableView<AgreementViewModel.PairRow> pairs = robot.lookup("#agreement-pairs").queryTableView();
        assertEquals(3, pairs.getItems().size());

        robot.clickOn(coders);
        robot.clickOn(robot.lookup(".check-box").queryAll().stream().filter(node -> node instanceof CheckBox box
                && box.getText().equals("Cai")).findFirst().orElseThrow());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().twoCodersProperty().get()
                && !table.getItems().isEmpty() && table.getItems().getLast().figures().coders() == 2);
        assertEquals("Ana, Ben", coders.getText());
        assertTrue(column(table, "Both").isVisible() && !column(table, "Fleiss κ").isVisible());
    }

    /** A table column by its header label (headers are labels carrying a tooltip). */
    private static TableColumn<?, ?> column(TableView<?> table, String title) {
        return table.getColumns().stream().filter(column -> column.getGraphic() instanceof Label label
                && label.getText().equals(title)).findFirst().orElseThrow(() -> new AssertionError(title));
    }

    @Test
    void importsAQdpxWithItsReportUndoesItAndExports(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        var project = workbench.context().project();
        int before = new TranscriptStore(project).list().size();
        Path qdpx = RefiFiles.synthetic(folder);
        robot.interact(() -> workbench.services().importHandler().importFiles(List.of(qdpx)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#merge-report").tryQuery().isPresent());
        DialogPane report = robot.lookup("#merge-report").query();
        assertTrue(report.getHeaderText().contains("synthetic.qdpx"), report.getHeaderText());
        assertTrue(report.getContentText().contains("1 transcript(s)"), report.getContentText());
        assertEquals(before + 1, new TranscriptStore(project).list().size());
        assertEquals(Section.INTERVIEWS, workbench.viewModel().selectedSectionProperty().get());
        robot.interact(() -> ((Stage) report.getScene().getWindow()).close());

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> new TranscriptStore(project).list().size() == before);

        Path out = folder.resolve("export.qdpx");
        robot.interact(() -> workbench.services().exportHandler().exportTo(out));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.isRegularFile(out));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        RefiProject exported = MergeProject.readQdpx(out);
        assertEquals(before, exported.sources().size());
        assertTrue(exported.codingCount() > 50, "the sample's codings: " + exported.codingCount());
        DialogPane done = robot.lookup(".dialog-pane").query();
        assertTrue(done.getContentText().startsWith("Wrote export.qdpx"), done.getContentText());
        robot.interact(() -> ((Stage) done.getScene().getWindow()).close());
    }

    /** The archive of issue 17 (a source of 2.5 GiB): the command line's sentence, and the window goes on. */
    @Test
    void aQdpxBeyondItsLimitsIsRefusedWithItsSentenceAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        var project = workbench.context().project();
        int before = new TranscriptStore(project).list().size();
        Path bomb = folder.resolve("bomb.qdpx");
        GeneratedZip.qdpxWithStreamedSource(bomb, 5L << 29);
        robot.interact(() -> workbench.services().importHandler().importFiles(List.of(bomb)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane refused = robot.lookup(".dialog-pane").query();
        assertEquals("Not imported: bomb.qdpx", refused.getHeaderText());
        assertEquals("bomb.qdpx \u203A sources/51111111-0000-4000-8000-000000000001.txt: refused, the text is longer "
                + "than 16.8 million characters (the limit for one transcript); nothing was imported",
                refused.getContentText());
        robot.interact(() -> ((Stage) refused.getScene().getWindow()).close());
        assertEquals(before, new TranscriptStore(project).list().size());

        Path good = RefiFiles.synthetic(folder);
        robot.interact(() -> workbench.services().importHandler().importFiles(List.of(good)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#merge-report").tryQuery().isPresent());
        assertEquals(before + 1, new TranscriptStore(project).list().size());
        DialogPane report = robot.lookup("#merge-report").query();
        robot.interact(() -> ((Stage) report.getScene().getWindow()).close());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> new TranscriptStore(project).list().size() == before);
    }

    @Test
    void mergesAnotherProjectAfterAskingAndShowsItsCoderUnderAgreement(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        Path other = folder.resolve("zoe.divergence");
        try (var zoe = org.divergence.store.project.Project.create(other)) {
            MergeProject.importFile(zoe, RefiFiles.synthetic(folder));
        }
        WaitForAsyncUtils.asyncFx(() -> workbench.services().importHandler().importFiles(List.of(other)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .button").queryAll()
                .stream().anyMatch(node -> node instanceof Button b && b.getText().equals("Merge")));
        Button merge = robot.lookup(".dialog-pane .button").queryAll().stream()
                .filter(node -> node instanceof Button b && b.getText().equals("Merge")).map(Button.class::cast)
                .findFirst().orElseThrow();
        robot.clickOn(merge);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#merge-report").tryQuery().isPresent());
        DialogPane report = robot.lookup("#merge-report").query();
        robot.interact(() -> ((Stage) report.getScene().getWindow()).close());
        assertEquals(Section.AGREEMENT, workbench.viewModel().selectedSectionProperty().get());
        AgreementView view = ((AgreementSection) workbench.window().sectionView(Section.AGREEMENT)).view();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().coders().contains("Zoe"));
    }
}
