package org.divergence.app.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.divergence.core.collect.ClickHouseCollection;
import org.divergence.core.collect.ClickHouseRequest;
import org.divergence.core.collect.CrawlControl;
import org.divergence.core.collect.ShardProgress;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.BatchQuery;
import org.divergence.exchange.clickhouse.ClickHouseClient;
import org.divergence.exchange.clickhouse.ClickHouseServerException;
import org.divergence.exchange.clickhouse.GhArchiveQuery;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.collect.ClickHouseCollections;
import org.divergence.store.project.Project;
import org.divergence.store.tags.TagRules;
import org.divergence.testsupport.GhArchiveEvents;
import org.divergence.testsupport.LocalClickHouse;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RunClickHouseCollection} against a real ClickHouse 18.16 server loaded with a small GH Archive-shaped table:
 * the imported rows equal the ones {@link GhArchiveEvents} computes from the events by the definitions, with one shard
 * and with several; each shard is one batch that records where it came from; a stopped collection resumes with the
 * shards it lacks and a re-run stores nothing twice.
 */
class ClickHouseCollectionTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 10, 6);
    /** Breaks "merged ≤ pull requests" (the archive missed its opening): set aside, not stored. */
    private static final String SET_ASIDE = "gap/merged-only";

    @TempDir
    Path folder;


    private static ClickHouseRequest request(LocalClickHouse server, int shards) {
        return new ClickHouseRequest(server.url(), null, null, LocalClickHouse.TABLE, FROM, TO, shards, null);
    }

    /** The independent expectation, as the project must hold it. */
    private static List<String> expectedRows() {
        Map<String, String> expected = new TreeMap<>(GhArchiveEvents.expected(FROM, TO));
        assertTrue(expected.containsKey(SET_ASIDE));
        expected.remove(SET_ASIDE);
        return List.copyOf(expected.values());
    }

    private static RunClickHouseCollection runner(Project project, CrawlControl control, List<ShardProgress> seen) {
        return new RunClickHouseCollection(project, ClickHouseClient.Settings.DEFAULT, control, seen::add);
    }

    @Test
    void theOracleAgreesWithTheRowsWorkedOutByHand() {
        Map<String, String> expected = GhArchiveEvents.expected(FROM, TO);
        assertEquals(List.of("alice/alpha", "bob/old-name", "bots/only", "carol/empty", "dave/again",
                "eve/first-second", SET_ASIDE, "tz/early"), List.copyOf(expected.keySet()),
                "created before the window (old/legacy, eve/just-before), after it (zed/late), or renamed away"
                        + " (bob/new-name): no row");
        assertEquals("github|code|alice/alpha|2025-02-01T10:00:00Z|6|6|5|3|2|null|5|2|null|null|null|null",
                expected.get("alice/alpha"));
        assertEquals("github|code|dave/again|2025-03-01T00:00:01Z|1|3|0|0|1|null|0|0|null|null|null|null",
                expected.get("dave/again"));
        assertEquals("github|code|bob/old-name|2025-05-01T08:00:00Z|1|4|0|0|0|null|1|0|null|null|null|null",
                expected.get("bob/old-name"));
    }

    @Test
    @ExtendWith(LocalClickHouse.Required.class)
    void oneShardAndFourShardsGiveTheExpectedRowsAndEachShardIsABatchThatSaysWhereItCameFrom(LocalClickHouse server) {
        for (int shards : new int[] {1, 4}) {
            Path file = folder.resolve("k" + shards + ".divergence");
            List<ShardProgress> seen = new ArrayList<>();
            try (Project project = Project.create(file)) {
                RunClickHouseCollection.Outcome outcome = runner(project, new CrawlControl(), seen)
                        .start(request(server, shards), null, Progress.NONE);
                assertTrue(outcome.collection().finished());
                assertEquals(shards, outcome.storedNow().size());
                assertEquals(expectedRows().size(), outcome.rowsNow());
                assertEquals(1, outcome.storedNow().stream().mapToLong(ShardProgress::skipped).sum(),
                        "the row breaking a rule is set aside");

                List<ClickHouseCollections.StoredShard> stored = ClickHouseCollections.shards(project, 1);
                assertEquals(shards, stored.size());
                Map<Long, BatchQuery> queries = project.read(ClickHouseCollections::queriesByBatch);
                for (ClickHouseCollections.StoredShard shard : stored) {
                    BatchQuery query = queries.get(shard.batchId());
                    assertEquals(server.url(), query.server());
                    assertEquals("18.16.1", query.serverVersion());
                    assertEquals("default." + LocalClickHouse.TABLE, query.table());
                    assertEquals(FROM, query.from());
                    assertEquals(TO, query.to());
                    assertEquals(shards, query.shards());
                    assertEquals(GhArchiveQuery.render(request(server, shards), shard.shard()), query.sql());
                    assertTrue(query.sql().contains("cityHash64(repo_name) % " + shards + " = " + shard.shard()));
                }
                long setAside = stored.stream().mapToLong(ClickHouseCollections.StoredShard::skipped).sum();
                assertEquals(1, setAside);
                assertTrue(stored.stream().anyMatch(shard -> shard.skippedExample() != null
                        && shard.skippedExample().startsWith(SET_ASIDE + ": column \"merged_pull_requests\"")));
            }
            assertEquals(expectedRows(), TableDump.repositories(file), shards + " shards");
            assertEquals(List.of(Long.toString(shards)), TableDump.rows(file,
                    "SELECT count(*) FROM import_batch WHERE format = 'clickhouse'"));
            assertEquals(List.of(Integer.toString(expectedRows().size())), TableDump.rows(file,
                    "SELECT sum(added) FROM import_batch"));
            assertTrue(seen.stream().anyMatch(p -> p.phase() == ShardProgress.Phase.QUERYING));
            assertEquals(shards, seen.stream().filter(p -> p.phase() == ShardProgress.Phase.STORED).count());
        }
    }

    @Test
    @ExtendWith(LocalClickHouse.Required.class)
    void aStoppedCollectionResumesWithTheShardsItLacksAndARerunStoresNothingTwice(LocalClickHouse server) {
        Path file = folder.resolve("resume.divergence");
        ClickHouseRequest request = request(server, 4);
        try (Project project = Project.create(file)) {
            CrawlControl control = new CrawlControl();
            List<ShardProgress> seen = new ArrayList<>();
            RunClickHouseCollection first = new RunClickHouseCollection(project, ClickHouseClient.Settings.DEFAULT,
                    control, progress -> {
                        seen.add(progress);
                        if (progress.phase() == ShardProgress.Phase.STORED && progress.stored() == 2) {
                            control.cancel();
                        }
                    });
            assertThrows(CancelledException.class, () -> first.start(request, null, Progress.NONE));
            ClickHouseCollection stopped = ClickHouseCollections.find(project, 1);
            assertEquals(2, stopped.done());
            assertTrue(stopped.lastError().startsWith("cancelled after 2 of 4"), stopped.lastError());

            List<ShardProgress> resumed = new ArrayList<>();
            RunClickHouseCollection.Outcome outcome = runner(project, new CrawlControl(), resumed)
                    .start(request, null, Progress.NONE);
            assertEquals(2, outcome.storedNow().size(), "only the two shards not stored yet");
            assertEquals(List.of(2, 3), outcome.storedNow().stream().map(ShardProgress::shard).toList());
            assertEquals(2, resumed.stream().filter(p -> p.phase() == ShardProgress.Phase.STORED
                    && p.batchId() != null && p.batchId() <= 2).count(), "the stored shards are reported as such");

            RunClickHouseCollection.Outcome again = runner(project, new CrawlControl(), new ArrayList<>())
                    .start(request, null, Progress.NONE);
            assertEquals(0, again.storedNow().size(), "a finished collection runs no query again");
            assertEquals(1, ClickHouseCollections.list(project).size());
        }
        assertEquals(expectedRows(), TableDump.repositories(file));
        assertEquals(List.of("4"), TableDump.rows(file, "SELECT count(*) FROM import_batch"));
    }

    @Test
    @ExtendWith(LocalClickHouse.Required.class)
    void removingAShardsBatchMakesItPendingAgainAndTagRulesTagWhatAShardStores(LocalClickHouse server)
            throws Exception {
        Path file = folder.resolve("tags.divergence");
        ClickHouseRequest request = request(server, 2);
        try (Project project = Project.create(file)) {
            long code = new CodebookStore(project).createCode(null, "Popular", null).run();
            TagRules.add(project, code, "stars >= 5").execute();
            runner(project, new CrawlControl(), new ArrayList<>()).start(request, null, Progress.NONE);
            assertEquals(List.of("alice/alpha"), TableDump.rows(file, "SELECT r.full_name FROM repository_tag t"
                    + " JOIN repository r ON r.id = t.repository_id"));

            long batch = ClickHouseCollections.shards(project, 1).getFirst().batchId();
            org.divergence.store.repositories.ImportBatches.remove(project, batch);
            assertFalse(ClickHouseCollections.find(project, 1).finished());
            RunClickHouseCollection.Outcome outcome = runner(project, new CrawlControl(), new ArrayList<>())
                    .start(request, null, Progress.NONE);
            assertEquals(List.of(0), outcome.storedNow().stream().map(ShardProgress::shard).toList());
        }
        assertEquals(expectedRows(), TableDump.repositories(file));
        assertEquals(List.of("alice/alpha"), TableDump.rows(file, "SELECT r.full_name FROM repository_tag t"
                + " JOIN repository r ON r.id = t.repository_id"));
    }

    @Test
    @ExtendWith(LocalClickHouse.Required.class)
    void aMissingTableLeavesTheProjectAsItWasWithTheServersOwnMessage(LocalClickHouse server) {
        Path file = folder.resolve("missing.divergence");
        try (Project project = Project.create(file)) {
            ClickHouseRequest request = new ClickHouseRequest(server.url(), null, null, "no_such_table", FROM, TO, 2,
                    null);
            ClickHouseServerException e = assertThrows(ClickHouseServerException.class,
                    () -> runner(project, new CrawlControl(), new ArrayList<>()).start(request, null, Progress.NONE));
            assertEquals(60, e.code());
            assertTrue(e.getMessage().contains("Table default.no_such_table doesn't exist"), e.getMessage());
            assertEquals(List.of(), ClickHouseCollections.list(project), "a collection that stored nothing is"
                    + " forgotten again");
        }
        assertEquals(List.of("0"), TableDump.rows(file, "SELECT count(*) FROM import_batch"));
    }

    @Test
    @ExtendWith(LocalClickHouse.Required.class)
    void aQuotaExceededMidwayKeepsTheShardsStoredAndAdvisesMoreShards(LocalClickHouse server) {
        Path file = folder.resolve("quota.divergence");
        ClickHouseRequest request = new ClickHouseRequest(server.url(), "limited", null, LocalClickHouse.TABLE, FROM,
                TO, 4, null);
        try (Project project = Project.create(file)) {
            // The quota allows a few queries an hour: SELECT version() and the first shards.
            ClickHouseServerException e = assertThrows(ClickHouseServerException.class,
                    () -> runner(project, new CrawlControl(), new ArrayList<>()).start(request, null, Progress.NONE));
            assertEquals(201, e.code());
            assertTrue(e.getMessage().contains("Quota for user 'limited'"), e.getMessage());
            assertTrue(e.getMessage().contains("use more shards"), e.getMessage());
            ClickHouseCollection stopped = ClickHouseCollections.find(project, 1);
            assertTrue(stopped.done() > 0 && stopped.done() < 4, "the shards stored before the quota ran out stay: "
                    + stopped.progress());
            assertTrue(stopped.lastError().contains("Quota"), stopped.lastError());
        }
    }
}
