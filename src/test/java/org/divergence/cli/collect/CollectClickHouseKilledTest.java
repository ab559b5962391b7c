package org.divergence.cli.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.divergence.cli.common.ExitCodes;
import org.divergence.testsupport.ChildJvm;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.FakeClickHouse;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killed between shards, for real: {@code collect clickhouse} runs in a child JVM and is killed with SIGKILL when the
 * server receives the query of a later shard. The reopened project is intact and holds exactly the shards stored
 * before; {@code collect resume} runs only the others and ends with every shard's rows, each once.
 */
class CollectClickHouseKilledTest {

    private static final int SHARDS = 4;

    @TempDir
    Path folder;

    private final AtomicReference<Process> child = new AtomicReference<>();

    @Test
    void aRunKilledBetweenShardsKeepsTheStoredOnesAndResumeStoresTheRestOnce() throws Exception {
        for (int killAt : new int[] {1, 3}) {
            FakeClickHouse clickHouse = new FakeClickHouse("25.8.1.5101");
            MockWebServer local = new MockWebServer();
            local.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    String sql = request.getBody() == null ? "" : request.getBody().utf8();
                    Process process = child.get();
                    if (process != null && sql.contains("% " + SHARDS + " = " + killAt + "\n")) {
                        process.destroyForcibly();
                        process.waitFor(20, TimeUnit.SECONDS);
                    }
                    return clickHouse.dispatch(request);
                }
            });
            local.start();
            try {
                Path project = folder.resolve("killed-" + killAt + ".divergence");
                Process process = ChildJvm.startMain(folder.resolve("child-" + killAt + ".log"),
                        "org.divergence.cli.Cli", "collect", "clickhouse", "--project", project.toString(), "--url",
                        local.url("/").toString(), "--shards", Integer.toString(SHARDS));
                child.set(process);
                assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child ends");
                child.set(null);
                assertEquals(137, process.exitValue(), "killed with SIGKILL at shard " + (killAt + 1));

                assertEquals(List.of("ok"), TableDump.rows(project, "PRAGMA integrity_check"));
                List<String> before = new ArrayList<>();
                for (int shard = 0; shard < killAt; shard++) {
                    before.addAll(FakeClickHouse.expectedRows(shard));
                }
                assertEquals(before.stream().sorted().toList(), TableDump.repositories(project));
                assertEquals(List.of(Integer.toString(killAt)), TableDump.rows(project,
                        "SELECT count(*) FROM clickhouse_shard"));

                CliRun resumed = CliRun.of("collect", "resume", "--project", project.toString());
                assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.toString());
                List<String> all = new ArrayList<>();
                for (int shard = 0; shard < SHARDS; shard++) {
                    all.addAll(FakeClickHouse.expectedRows(shard));
                }
                assertEquals(all.stream().sorted().toList(), TableDump.repositories(project));
                assertEquals(List.of(Integer.toString(SHARDS)), TableDump.rows(project,
                        "SELECT count(*) FROM import_batch"), "one batch per shard, none twice");
                assertEquals(SHARDS + 1, clickHouse.shardQueries(), "only the killed shard ran twice");
            } finally {
                local.close();
            }
        }
    }
}
