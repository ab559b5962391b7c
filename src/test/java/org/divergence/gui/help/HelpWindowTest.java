package org.divergence.gui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.Shortcut;
import org.divergence.gui.common.Shortcuts;
import org.divergence.gui.shell.Workbench;
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

/** Help in the app: F1 opens the user guide at the screen's chapter, search finds, shortcuts, the first-start note. */
@ExtendWith(ApplicationExtension.class)
class HelpWindowTest {

    @TempDir
    Path home;

    private Workbench workbench;
    private Stage stage;
    private AppDirectories directories;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        directories = AppDirectories.resolve(home.toString(), Map.of(), "Linux", home);
        workbench = Workbench.start(stage, directories, List.of());
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            workbench.helpWindow().ifPresent(help -> help.stage().close());
            workbench.close();
            stage.close();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void f1OpensTheUserGuideAtTheChapterOfTheScreenShownAndSearchFindsAndSteps(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        robot.interact(() -> workbench.viewModel().selectedSectionProperty().set(Section.AGREEMENT));
        robot.interact(() -> stage.requestFocus());
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workbench.helpWindow().isPresent()
                && workbench.helpWindow().get().stage().isShowing());
        HelpWindow help = workbench.helpWindow().orElseThrow();
        assertEquals(HelpWindow.TITLE, help.stage().getTitle());
        assertTrue(help.stage().getOwner() == stage, "a window of the app, not a browser");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("agreement", onFx(help::shownAnchor));

        robot.interact(() -> help.stage().requestFocus());
        robot.clickOn("#guide-search").write("kappa");
        Label count = robot.lookup("#guide-match-count").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> count.getText().startsWith("1 of "));
        int matches = Integer.parseInt(count.getText().substring("1 of ".length()));
        assertTrue(matches >= 3, count.getText());
        assertTrue(onFx(help::currentMatchVisible), "the first match is scrolled into view");
        assertEquals(matches, robot.lookup(".guide-match").queryAll().size());
        assertEquals(1, robot.lookup(".guide-match-current").queryAll().size());
        robot.type(KeyCode.ENTER);
        assertEquals("2 of " + matches, count.getText());
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        assertEquals(matches + " of " + matches, count.getText(), "steps round the end");
        assertTrue(onFx(help::currentMatchVisible));

        robot.eraseText(5).write("no such words anywhere");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> count.getText().equals("No matches"));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    @Test
    void theHelpMenuHasTheGuideAndTheShortcutsAndEveryMenuShortcutIsListed(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu help = bar.getMenus().stream().filter(menu -> menu.getText().equals("_Help")).findFirst().orElseThrow();
        assertEquals(java.util.Arrays.asList("_User Guide", "_Keyboard Shortcuts", null, "_About Divergence Workbench"),
                help.getItems().stream().map(MenuItem::getText).toList());
        assertEquals(Shortcuts.USER_GUIDE.combination(), help.getItems().getFirst().getAccelerator());

        List<KeyCombination> accelerators = new ArrayList<>(stage.getScene().getAccelerators().keySet());
        for (Menu menu : bar.getMenus()) {
            menu.getItems().stream().map(MenuItem::getAccelerator).filter(java.util.Objects::nonNull)
                    .forEach(accelerators::add);
        }
        for (KeyCombination accelerator : accelerators) {
            assertTrue(Shortcuts.combinations().contains(accelerator), accelerator.getName() + " is not listed");
        }

        robot.interact(() -> help.getItems().get(1).fire());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#shortcuts-table").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<Shortcut> table = robot.lookup("#shortcuts-table").queryAs(TableView.class);
        assertEquals(Shortcuts.all(), table.getItems());
        robot.interact(() -> table.getScene().getWindow().hide());
    }

    @Test
    void theFirstStartNoteSaysTheSampleIsSyntheticAndStaysClosedOnceClosed(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        WaitForAsyncUtils.waitForFxEvents();
        var banner = robot.lookup("#welcome-banner").query();
        assertTrue(banner.isVisible());
        assertTrue(robot.lookup(".welcome-headline").queryAs(Label.class).getText().contains("synthetic"));
        robot.clickOn("#welcome-compare");
        assertEquals(Section.COMPARE, workbench.viewModel().selectedSectionProperty().get());
        assertTrue(banner.isVisible(), "a first step leaves the note in place");

        robot.clickOn("#welcome-close");
        assertFalse(banner.isVisible());
        assertTrue(new SettingsStore(directories.config()).load().welcomeDismissed);

        robot.interact(() -> {
            workbench.context().setProject(null);
            workbench.viewModel().openSampleProject();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !workbench.viewModel().openingProperty().get());
        assertFalse(banner.isVisible(), "closed for good");
    }
}
