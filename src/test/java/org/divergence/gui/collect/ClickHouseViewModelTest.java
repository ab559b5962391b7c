package org.divergence.gui.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.divergence.core.collect.ClickHouseRequest;
import org.divergence.exchange.clickhouse.ClickHouseClient;
import org.divergence.gui.common.SameThreadTaskExecutor;
import org.divergence.store.collect.ClickHouseCollections;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.testsupport.FakeClickHouse;
import org.divergence.testsupport.FakeClock;
import org.divergence.testsupport.GhArchiveEvents;
import org.divergence.testsupport.LocalClickHouse;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Collect dialog's ClickHouse side without a toolkit: a real project, the real ClickHouse 18.16 server for a whole
 * collection with the password typed in the dialog, and a local stand-in for a failure and the resume after it.
 */
class ClickHouseViewModelTest {

    @TempDir
    Path folder;

    private final MockWebServer fake = new MockWebServer();
    private final FakeClickHouse fakeClickHouse = new FakeClickHouse("25.8.1.5101");
    private Project project;


    @BeforeEach
    void start() throws IOException {
        fake.setDispatcher(fakeClickHouse);
        fake.start();
        project = Project.create(folder.resolve("p.divergence"));
    }

    @AfterEach
    void stop() {
        project.close();
        fake.close();
    }

    private CollectViewModel dialog(Map<String, String> variables) {
        CollectEnvironment environment = new CollectEnvironment(folder.resolve("cache"), folder.resolve("config"),
                variables, new FakeClock(), new Random(3));
        CollectViewModel viewModel = new CollectViewModel(new SameThreadTaskExecutor(), project, environment);
        viewModel.sourceProperty().set(CollectViewModel.Source.CLICKHOUSE);
        return viewModel;
    }

    @Test
    void startsWithTheCommandLinesDefaults() {
        ClickHouseViewModel clickHouse = dialog(Map.of()).clickHouse();
        assertEquals("default", clickHouse.userProperty().get());
        assertEquals("github_events", clickHouse.tableProperty().get());
        assertEquals(LocalDate.of(2015, 1, 1), clickHouse.fromProperty().get());
        assertEquals(LocalDate.of(2025, 10, 6), clickHouse.toProperty().get());
        assertEquals(16, clickHouse.shardsProperty().get());
        clickHouse.start();
        assertEquals("Enter the server's URL, e.g. https://play.clickhouse.com (user play)",
                clickHouse.problemProperty().get());
        clickHouse.urlProperty().set("http://clickhouse.example.org:8123");
        clickHouse.start();
        assertTrue(clickHouse.problemProperty().get().contains("plain http:// would send the password"),
                clickHouse.problemProperty().get());
        assertEquals(CollectViewModel.Stage.EDITING, clickHouse.stageProperty().get());
    }

    @Test
    @ExtendWith(LocalClickHouse.Required.class)
    void collectsEveryShardFromTheRealServerWithThePasswordTypedInTheDialog(LocalClickHouse server) {
        CollectViewModel viewModel = dialog(Map.of());
        ClickHouseViewModel clickHouse = viewModel.clickHouse();
        clickHouse.urlProperty().set(server.url());
        clickHouse.userProperty().set("alice");
        clickHouse.passwordProperty().set(System.getenv(LocalClickHouse.PASSWORD_VARIABLE));
        clickHouse.fromProperty().set(LocalDate.of(2025, 1, 1));
        clickHouse.shardsProperty().set(2);
        viewModel.start();

        assertEquals(CollectViewModel.Stage.DONE, clickHouse.stageProperty().get(), clickHouse.outcomeProperty().get());
        assertEquals(2, clickHouse.shardLines().size());
        for (int shard = 1; shard <= 2; shard++) {
            String line = clickHouse.shardLines().get(shard - 1);
            assertTrue(line.matches("Shard " + shard + " of 2: \\d+ rows? stored(, 1 set aside)? \\(batch " + shard
                    + ", \\d+\\.\\d s\\)"), line);
        }
        assertEquals("2 of 2 shards stored · 7 repositories", clickHouse.statusTextProperty().get());
        assertEquals(1.0, clickHouse.progressProperty().get());
        assertTrue(clickHouse.outcomeProperty().get().startsWith("ClickHouse collection 1: 2 of 2 shards stored (7"
                + " rows); this run stored 2 shards"), clickHouse.outcomeProperty().get());
        assertNull(clickHouse.resumableProperty().get());
        Map<String, String> expected = new TreeMap<>(GhArchiveEvents.expected(LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 10, 6)));
        expected.remove("gap/merged-only");
        assertEquals(List.copyOf(expected.values()), TableDump.repositories(project.file()));
        assertFalse(String.join("\n", TableDump.rows(project.file(), "SELECT * FROM clickhouse_collection"))
                .contains(System.getenv(LocalClickHouse.PASSWORD_VARIABLE)), "the password is not stored");
    }

    @Test
    void aFailedShardStopsWithTheServersMessageAndResumeCollectsTheRest() {
        fakeClickHouse.failShard(2, new MockResponse.Builder().code(500).body("Code: 241. DB::Exception: Memory"
                + " limit (for query) exceeded: would use 9.31 GiB. (MEMORY_LIMIT_EXCEEDED)\n").build());
        CollectViewModel viewModel = dialog(Map.of());
        ClickHouseViewModel clickHouse = viewModel.clickHouse();
        clickHouse.urlProperty().set(fake.url("/").toString());
        clickHouse.shardsProperty().set(3);
        viewModel.start();

        assertEquals(CollectViewModel.Stage.STOPPED, clickHouse.stageProperty().get());
        assertTrue(clickHouse.outcomeProperty().get().contains("MEMORY_LIMIT_EXCEEDED"),
                clickHouse.outcomeProperty().get());
        assertTrue(clickHouse.outcomeProperty().get().endsWith("use more shards (--shards, or Shards in the"
                + " Collect dialog), so that each query aggregates and returns fewer repositories. Shards already"
                + " stored are kept.\n\n2 of 3 shards are stored; resume the collection to collect the rest."),
                clickHouse.outcomeProperty().get());
        assertEquals("Shard 3 of 3: the server is aggregating", clickHouse.shardLines().get(2));
        assertNotNull(clickHouse.resumableProperty().get());
        assertTrue(viewModel.editableBinding().get());

        viewModel.resumeCrawl();
        assertEquals(CollectViewModel.Stage.DONE, clickHouse.stageProperty().get(), clickHouse.outcomeProperty().get());
        assertTrue(clickHouse.shardLines().get(0).startsWith("Shard 1 of 3: 3 rows stored (batch 1"),
                "shards stored before are listed as such: " + clickHouse.shardLines());
        assertEquals("3 of 3 shards stored · 9 repositories", clickHouse.statusTextProperty().get());
        assertEquals(4, fakeClickHouse.shardQueries());
        assertNull(clickHouse.resumableProperty().get());
    }

    @Test
    void resumingACollectionStartedOnTheCommandLineReadsItsPasswordVariable() throws Exception {
        // As `collect clickhouse --password-env CH_PASS --user alice` records it before its first shard.
        project.write(EnumSet.of(DataArea.CRAWLS), connection -> ClickHouseCollections.create(connection,
                new ClickHouseRequest(fake.url("/").toString(), "alice", null, null, null, null, 2, "CH_PASS"),
                "2026-01-01T00:00:00Z"));
        ClickHouseViewModel clickHouse = new ClickHouseViewModel(new SameThreadTaskExecutor(), project,
                new CollectEnvironment(folder, folder, Map.of("CH_PASS", "from-the-environment"), new FakeClock(),
                        new Random(1)), ClickHouseClient.Settings.DEFAULT);
        assertEquals(1, clickHouse.resumableProperty().get().id());
        clickHouse.resume();
        assertEquals(CollectViewModel.Stage.DONE, clickHouse.stageProperty().get(), clickHouse.outcomeProperty().get());
        for (int i = 0; i < 3; i++) {
            RecordedRequest request = fake.takeRequest();
            assertEquals("alice", request.getHeaders().get("X-ClickHouse-User"));
            assertEquals("from-the-environment", request.getHeaders().get("X-ClickHouse-Key"));
        }
    }
}
