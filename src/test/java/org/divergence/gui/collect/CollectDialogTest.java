package org.divergence.gui.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.repositories.RepositoryRef;
import org.divergence.core.repositories.StoredRepository;
import org.divergence.core.sampling.DrawOptions;
import org.divergence.core.sampling.DrawRecord;
import org.divergence.core.sampling.StratumKey;
import org.divergence.exchange.sampling.DrawFiles;
import org.divergence.gui.shell.Workbench;
import org.divergence.store.project.Project;
import org.divergence.store.settings.AppDirectories;
import org.divergence.store.settings.Settings;
import org.divergence.store.settings.SettingsStore;
import org.divergence.testsupport.FakeClickHouse;
import org.divergence.testsupport.FakeGitHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Collect dialog in the real window against a local fake of GitHub: opened from the File menu's shortcut,
 * filled in, started, paused (nothing is sent while paused), resumed; repositories appear in the Repositories view
 * as they are stored, before the crawl ends. And "GH Archive on ClickHouse" against a local stand-in for the server:
 * a line per shard, stored shards in the Repositories view while the next runs, Cancel stops the shard in flight
 * (nothing of it is stored), Resume collects the rest.
 */
@ExtendWith(ApplicationExtension.class)
class CollectDialogTest {

    @TempDir
    static Path home;

    private final FakeGitHub github = FakeGitHub.standard();
    private final MockWebServer server = new MockWebServer();
    private final FakeClickHouse clickHouse = new FakeClickHouse("25.8.1.5101").holdShard(1);
    private final MockWebServer clickHouseServer = new MockWebServer();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private Workbench workbench;
    private Stage stage;

    /** The request after alpha was stored and empty's first list asked is held until the test has clicked Pause. */
    private static final int HELD_REQUEST = 16;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (requests.incrementAndGet() == HELD_REQUEST) {
                    held.countDown();
                    release.await(20, TimeUnit.SECONDS);
                }
                return github.dispatch(request);
            }
        });
        server.start();
        github.setBase(server.url("/"));
        clickHouseServer.setDispatcher(clickHouse);
        clickHouseServer.start();
        AppDirectories directories = AppDirectories.resolve(home.toString(), Map.of(), "Linux", home);
        Path project = home.resolve("collect-" + System.nanoTime() + ".divergence");
        Project.create(project).close();
        Settings settings = new Settings();
        settings.rememberProject(project.toString());
        new SettingsStore(directories.config()).save(settings);
        workbench = Workbench.start(stage, directories, List.of());
    }

    @AfterEach
    void close() throws Exception {
        release.countDown();
        clickHouse.release();
        WaitForAsyncUtils.asyncFx(() -> {
            workbench.close();
            stage.close();
        }).get(10, TimeUnit.SECONDS);
        server.close();
        clickHouseServer.close();
    }

    @Test
    void collectsWithLiveProgressPauseAndResumeWhileTheTableFills(FxRobot robot) throws Exception {
        openDialog(robot);

        robot.interact(() -> robot.lookup("#collect-api-url").queryAs(TextField.class)
                .setText(server.url("/").toString()));
        robot.clickOn("#collect-repositories").write("octo/alpha\nocto/empty\nocto/beta");
        robot.clickOn("#collect-start");

        assertTrue(held.await(20, TimeUnit.SECONDS), "the crawl reached the held request");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tableSize(robot) == 1);
        TableView<StoredRepository> table = robot.lookup("#repositories-table").queryTableView();
        assertEquals("octo/alpha", table.getItems().getFirst().row().fullName(),
                "a stored repository shows while the crawl still runs");
        robot.clickOn("#collect-pause");
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> text(robot, "#collect-wait").startsWith("Paused"));
        assertEquals("1 of 3 repositories", text(robot, "#collect-status"));
        assertEquals(HELD_REQUEST, requests.get(), "nothing is sent while paused");
        assertEquals("Resume", robot.lookup("#collect-pause").queryButton().getText());

        robot.clickOn("#collect-pause");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> text(robot, "#collect-outcome").startsWith("Crawl 1: 3 of 3 repositories stored"));
        assertEquals("3 of 3 repositories", text(robot, "#collect-status"));
        assertTrue(text(robot, "#collect-rate-limit").startsWith("Rate limit: 4,"), text(robot, "#collect-rate-limit"));
        assertEquals("Close", robot.lookup("#collect-cancel").queryButton().getText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tableSize(robot) == 3);
        robot.clickOn("#collect-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#collect-dialog").tryQuery().isEmpty());
    }

    @Test
    void collectsShardByShardCancelsTheShardInFlightAndResumes(FxRobot robot) throws Exception {
        openDialog(robot);

        robot.clickOn("#collect-clickhouse");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#collect-ch-url").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        robot.interact(() -> {
            robot.lookup("#collect-ch-url").queryAs(TextField.class).setText(clickHouseServer.url("/").toString());
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

    /** With the project open and its Repositories view shown, the File menu's shortcut opens the dialog. */
    private void openDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#repositories-empty").tryQuery().map(javafx.scene.Node::isVisible)
                        .orElse(false));
        robot.interact(() -> stage.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.L).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#collect-dialog").tryQuery().isPresent());
    }

    @Test
    void collectsADrawnIdListReplacingANonRespondentAndShowsThePace(FxRobot robot) throws Exception {
        release.countDown();
        Path ids = home.resolve("ids-" + System.nanoTime() + ".txt");
        DrawFiles.write(ids, new DrawRecord("population.divergence", 20, List.of(),
                new DrawOptions(2, 5, List.of(), RepositoryFilter.ALL, 1), Instant.EPOCH,
                List.of(new DrawRecord.Stratum(new StratumKey(List.of()), 20,
                        List.of(RepositoryRef.parse("github:octo/gone"), RepositoryRef.parse("github:octo/alpha")),
                        List.of(RepositoryRef.parse("github:octo/beta"))))));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        robot.interact(() -> stage.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.L).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#collect-dialog").tryQuery().isPresent());

        robot.clickOn("#collect-mode-ids");
        robot.interact(() -> {
            robot.lookup("#collect-api-url").queryAs(TextField.class).setText(server.url("/").toString());
            robot.lookup("#collect-ids-file").queryAs(TextField.class).setText(ids.toString());
        });
        assertTrue(robot.lookup("#collect-ids-browse").queryButton().isVisible(), "a file can be chosen");
        robot.clickOn("#collect-start");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> text(robot, "#collect-outcome").contains("non-respondent"));
        String outcome = text(robot, "#collect-outcome");
        assertTrue(outcome.contains("non-respondent github:octo/gone [all]: not found (it does not exist, or is"
                + " private)") && outcome.contains("; replaced by github:octo/beta"), outcome);
        assertTrue(text(robot, "#collect-pace").matches("\\d+\\.\\d calls/s · ETA \\d+:\\d\\d · [\\d,]+ of 60"
                + " calls left in the 1-h window"), text(robot, "#collect-pace"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tableSize(robot) == 2);
    }

    // Looked up on the FX thread: the scene graph changes while the crawl runs, and a lookup from the test thread
    // can meet a child list mid-change.
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
