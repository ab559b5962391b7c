package org.divergence.gui.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import mockwebserver3.MockWebServer;
import org.divergence.gui.shell.Workbench;
import org.divergence.store.project.Project;
import org.divergence.store.settings.AppDirectories;
import org.divergence.store.settings.Settings;
import org.divergence.store.settings.SettingsStore;
import org.divergence.testsupport.FakeClickHouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "GH Archive on ClickHouse" in the real Collect dialog, against a local stand-in for the server: each shard's line
 * shows its progress, stored shards appear in the Repositories view while the next one runs, Cancel stops the shard in
 * flight (nothing of it is stored), and Resume collects the rest.
 */
@ExtendWith(ApplicationExtension.class)
class ClickHouseDialogTest {

    @TempDir
    static Path home;

    private final FakeClickHouse clickHouse = new FakeClickHouse("25.8.1.5101").holdShard(1);
    private final MockWebServer server = new MockWebServer();
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        server.setDispatcher(clickHouse);
        server.start();
        AppDirectories directories = AppDirectories.resolve(home.toString(), Map.of(), "Linux", home);
        Path project = home.resolve("clickhouse-" + System.nanoTime() + ".divergence");
        Project.create(project).close();
        Settings settings = new Settings();
        settings.rememberProject(project.toString());
        new SettingsStore(directories.config()).save(settings);
        workbench = Workbench.start(stage, directories, List.of());
    }

    @AfterEach
    void close() throws Exception {
        clickHouse.release();
        WaitForAsyncUtils.asyncFx(() -> {
            workbench.close();
            stage.close();
        }).get(10, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void collectsShardByShardCancelsTheShardInFlightAndResumes(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#repositories-empty").query().isVisible());
        robot.interact(() -> stage.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.L).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#collect-dialog").tryQuery().isPresent());

        robot.clickOn("#collect-clickhouse");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#collect-ch-url").query().isVisible());
        robot.interact(() -> {
            robot.lookup("#collect-ch-url").queryAs(TextField.class).setText(server.url("/").toString());
            @SuppressWarnings("unchecked")
            Spinner<Integer> shards = robot.lookup("#collect-ch-shards").queryAs(Spinner.class);
            shards.getValueFactory().setValue(3);
        });
        robot.clickOn("#collect-start");

        assertTrue(clickHouse.awaitHeld(), "the second shard's query reached the server");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tableSize(robot) == FakeClickHouse.ROWS_PER_SHARD);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shardLine(robot, 1)
                .equals("Shard 2 of 3: the server is aggregating"));
        assertTrue(shardLine(robot, 0).startsWith("Shard 1 of 3: 3 rows stored (batch 1, "), shardLine(robot, 0));
        assertEquals("Shard 3 of 3: waiting", shardLine(robot, 2));
        assertEquals("1 of 3 shards stored · 3 repositories", text(robot, "#collect-ch-status"));
        assertTrue(robot.lookup("#collect-pause").queryButton().isDisabled(), "a query cannot be paused");

        robot.clickOn("#collect-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#collect-ch-outcome")
                .startsWith("Cancelled. 1 of 3 shards are stored"));
        clickHouse.release();
        Button resume = robot.lookup("#collect-resume-crawl").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, resume::isVisible);
        assertEquals("Resume collection 1 (1 of 3 shards)", resume.getText());
        assertEquals(FakeClickHouse.ROWS_PER_SHARD, tableSize(robot), "nothing of the cancelled shard was stored");

        robot.clickOn("#collect-resume-crawl");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#collect-ch-outcome")
                .startsWith("ClickHouse collection 1: 3 of 3 shards stored (9 rows); this run stored 2 shards"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tableSize(robot) == 3 * FakeClickHouse.ROWS_PER_SHARD);
        assertEquals("Close", robot.lookup("#collect-cancel").queryButton().getText());
        robot.clickOn("#collect-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#collect-dialog").tryQuery().isEmpty());
    }

    private static int tableSize(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            TableView<?> table = robot.lookup("#repositories-table").queryTableView();
            return table.getItems() == null ? 0 : table.getItems().size();
        }).get(10, TimeUnit.SECONDS);
    }

    private static String shardLine(FxRobot robot, int index) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            ListView<String> list = robot.lookup("#collect-ch-shard-list").queryListView();
            return list.getItems().size() > index ? list.getItems().get(index) : "";
        }).get(10, TimeUnit.SECONDS);
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).queryAs(Label.class).getText())
                .get(10, TimeUnit.SECONDS);
    }
}
