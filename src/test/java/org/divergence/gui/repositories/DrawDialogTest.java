package org.divergence.gui.repositories;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.divergence.core.sampling.DrawRecord;
import org.divergence.gui.shell.Workbench;
import org.divergence.store.settings.AppDirectories;
import org.divergence.store.settings.Settings;
import org.divergence.store.settings.SettingsStore;
import org.divergence.testsupport.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Draw a sample…" in the real window: the strata and their sizes show before anything is written, and the list
 * written is byte for byte the one the {@code draw} command writes with the same options.
 */
@ExtendWith(ApplicationExtension.class)
class DrawDialogTest {

    @TempDir
    static Path home;

    private Workbench workbench;
    private Stage stage;
    private Path project;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        AppDirectories directories = AppDirectories.resolve(home.toString(), Map.of(), "Linux", home);
        project = home.resolve("population-" + System.nanoTime() + ".divergence");
        CliRun imported = CliRun.of("import", "--project", project.toString(),
                "src/test/resources/golden/draw/population.csv");
        assertEquals(0, imported.exitCode(), imported.toString());
        Settings settings = new Settings();
        settings.rememberProject(project.toString());
        new SettingsStore(directories.config()).save(settings);
        workbench = Workbench.start(stage, directories, List.of());
    }

    @AfterEach
    void closeWorkbench() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            workbench.close();
            stage.close();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void showsTheStrataBeforeWritingAndWritesWhatTheCommandWrites(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#draw-sample").tryQuery().isPresent());
        robot.clickOn("#draw-sample");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#draw-dialog").tryQuery().isPresent());
        Path out = home.resolve("gui-ids.txt");
        robot.interact(() -> {
            robot.lookup("#draw-n").queryAs(TextField.class).setText("50");
            robot.lookup("#draw-seed").queryAs(TextField.class).setText("77");
            robot.lookup("#draw-reserve").queryAs(TextField.class).setText("1");
            robot.lookup("#draw-out").queryAs(TextField.class).setText(out.toString());
        });
        assertTrue(robot.lookup("#draw-write").queryButton().isDisabled(), "nothing to write before a draw");
        robot.clickOn("#draw-run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> strataShown(robot) == 4);
        List<DrawRecord.Stratum> strata = WaitForAsyncUtils.asyncFx(() -> List.copyOf(
                robot.lookup("#draw-strata").<DrawRecord.Stratum>queryTableView().getItems())).get(10,
                TimeUnit.SECONDS);
        assertEquals(50, strata.stream().mapToInt(stratum -> stratum.sample().size()).sum());
        assertEquals("github / code", strata.getFirst().key().label());
        assertTrue(text(robot).startsWith("50 of 997 repositories drawn in 4 strata, plus 4 in reserve."),
                text(robot));
        assertFalse(Files.exists(out), "nothing is written before Write");

        robot.clickOn("#draw-write");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot).startsWith("Wrote 54 ids"));
        Path byCommand = home.resolve("cli-ids.txt");
        CliRun drawn = CliRun.of("draw", "--project", project.toString(), "--n", "50", "--seed", "77", "--reserve",
                "1", "--strata", "platform,repo_type", "--out", byCommand.toString());
        assertEquals(0, drawn.exitCode(), drawn.toString());
        assertArrayEquals(Files.readAllBytes(byCommand), Files.readAllBytes(out));
        assertTrue(Files.exists(home.resolve("gui-ids.txt.draw.json")));
    }

    private static int strataShown(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            TableView<?> table = robot.lookup("#draw-strata").queryTableView();
            return table.getItems().size();
        }).get(10, TimeUnit.SECONDS);
    }

    private static String text(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#draw-summary").queryAs(Label.class).getText())
                .get(10, TimeUnit.SECONDS);
    }
}
