package org.divergence.gui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.divergence.gui.common.Section;
import org.divergence.samples.SampleProject;
import org.divergence.store.settings.AppDirectories;
import org.divergence.store.settings.SettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path home;

    private Workbench workbench;
    private Stage stage;
    private AppDirectories directories;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        directories = AppDirectories.resolve(home.toString(), java.util.Map.of(), "Linux", home);
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
    void opensTheEmbeddedSampleProjectOnFirstStart(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Divergence Workbench — Sample project", stage.getTitle());
        assertTrue(Files.isRegularFile(SampleProject.pathIn(directories.data())));
        assertEquals(SampleProject.pathIn(directories.data()).toString(),
                new SettingsStore(directories.config()).load().lastProject);
        assertTrue(robot.lookup("#section-navigation").tryQuery().isPresent());
    }

    @Test
    void navigatesEverySectionByClickAndByKeyboard(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        for (Section section : Section.values()) {
            robot.clickOn("#nav-" + section.name().toLowerCase(java.util.Locale.ROOT));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(section, workbench.viewModel().selectedSectionProperty().get());
            assertEquals(1, robot.lookup("#section-content").queryAs(javafx.scene.layout.StackPane.class)
                    .getChildren().size(), "the section shows one view");
        }
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Section.COMPARE, workbench.viewModel().selectedSectionProperty().get());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Section.REPOSITORIES, workbench.viewModel().selectedSectionProperty().get());
    }
}
