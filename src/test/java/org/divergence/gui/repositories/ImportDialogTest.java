package org.divergence.gui.repositories;

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
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.divergence.exchange.repositories.ColumnMapping;
import org.divergence.gui.shell.Workbench;
import org.divergence.store.project.Project;
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

/** The import dialog at 1280×800: big enough, growing, Import disabled on a file that cannot go in, columns mapped. */
@ExtendWith(ApplicationExtension.class)
class ImportDialogTest {

    private static final String HEADER = "platform,repo_type,full_name,created_at,contributors,commits,pull_requests,"
            + "merged_pull_requests,issues,discussions,stars,forks,downloads,likes,derivatives";

    @TempDir
    Path home;

    private Workbench workbench;
    private Stage stage;
    private AppDirectories directories;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        directories = AppDirectories.resolve(home.toString(), Map.of(), "Linux", home);
        Path project = home.resolve("empty.divergence");
        Project.create(project).close();
        Settings settings = new Settings();
        settings.rememberProject(project.toString());
        settings.windowWidth = 1280;
        settings.windowHeight = 800;
        new SettingsStore(directories.config()).save(settings);
        workbench = Workbench.start(stage, directories, List.of());
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window window : List.copyOf(Window.getWindows())) {
                if (window != stage) {
                    window.hide();
                }
            }
            workbench.close();
            stage.close();
        }).get(10, TimeUnit.SECONDS);
    }

    private void open(FxRobot robot, Path file) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        robot.interact(() -> workbench.services().importHandler().importFiles(List.of(file)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#import-files").tryQuery().isPresent()
                && !robot.lookup("#import-files").queryListView().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Button importButton(FxRobot robot) {
        return robot.lookup("#import-start").queryButton();
    }

    @Test
    void anInvalidRowDisablesImportUntilInvalidRowsAreSkippedAndTheDialogIsBigAndGrows(FxRobot robot) throws Exception {
        Path csv = home.resolve("bad-value.csv");
        Files.writeString(csv, HEADER + "\ngithub,code,o/a,,1,many,,,,,,,,,\ngithub,code,o/b,,1,2,,,,,,,,,\n");
        open(robot, csv);
        assertTrue(importButton(robot).isDisabled(), "the preview shows the file as invalid: no Import");
        Label problem = robot.lookup("#import-problem").queryAs(Label.class);
        assertTrue(problem.getText().contains("bad-value.csv:2"), problem.getText());
        assertTrue(problem.getText().contains("Skip invalid rows"), problem.getText());

        Window dialog = problem.getScene().getWindow();
        assertTrue(dialog.getWidth() >= 1000 && dialog.getHeight() >= 600, dialog.getWidth() + "×" + dialog.getHeight());
        assertTrue(problem.getHeight() >= problem.prefHeight(problem.getWidth()) - 1, "the message is not cut off");
        TableView<?> preview = robot.lookup("#import-preview").queryTableView();
        double before = preview.getHeight();
        robot.interact(() -> dialog.setHeight(dialog.getHeight() + 120));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(preview.getHeight() > before + 100, "the preview grows with the window");

        robot.interact(() -> robot.lookup("#import-skip-invalid").queryAs(CheckBox.class).setSelected(true));
        assertFalse(importButton(robot).isDisabled());
        assertTrue(problem.getText().contains("skipped"), problem.getText());
    }

    @Test
    void columnsNamedDifferentlyAreMappedImportedAndRememberedForTheSameHeader(FxRobot robot) throws Exception {
        String renamed = "Platform,Kind,Repository,created_at,contributors,commits,pull_requests,"
                + "merged_pull_requests,issues,discussions,Stargazers,forks,downloads,likes,Offspring";
        Path csv = home.resolve("renamed.csv");
        Files.writeString(csv, renamed + "\ngithub,code,o/a,,1,2,,,,,5,,,,\n");
        open(robot, csv);
        Node mapping = robot.lookup("#import-mapping").query();
        assertTrue(mapping.isVisible());
        assertTrue(importButton(robot).isDisabled(), "derivatives is still missing");
        @SuppressWarnings("unchecked")
        ComboBox<String> derivatives = robot.lookup("#map-derivatives").queryAs(ComboBox.class);
        assertEquals(null, derivatives.getValue(), "no guess for Offspring");
        assertEquals("Repository", robot.lookup("#map-full_name").queryAs(ComboBox.class).getValue(), "guessed");
        robot.interact(() -> derivatives.setValue("Offspring"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !importButton(robot).isDisabled());
        assertEquals(1, robot.lookup("#import-preview").queryTableView().getItems().size());

        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#import-outcome").queryAs(Label.class)
                .getText().isEmpty());
        assertTrue(robot.lookup("#import-outcome").queryAs(Label.class).getText().startsWith("Imported 1 "));
        assertEquals("Offspring", new SettingsStore(directories.config()).load()
                .columnMappingFor(List.of(renamed.split(","))).get("derivatives"));
        robot.clickOn("#import-cancel");

        Path again = home.resolve("renamed-again.csv");
        Files.writeString(again, renamed + "\ngithub,code,o/b,,1,2,,,,,5,,,,3\n");
        open(robot, again);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !importButton(robot).isDisabled());
        assertEquals("Offspring", robot.lookup("#map-derivatives").queryAs(ComboBox.class).getValue(),
                "remembered for the same header");
        robot.interact(() -> robot.lookup("#map-derivatives").queryAs(ComboBox.class).setValue(ColumnMapping.ABSENT));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !importButton(robot).isDisabled());
    }
}
