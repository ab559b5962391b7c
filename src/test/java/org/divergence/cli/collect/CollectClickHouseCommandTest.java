package org.divergence.cli.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.divergence.cli.common.ExitCodes;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.FakeClickHouse;
import org.divergence.testsupport.GhArchiveEvents;
import org.divergence.testsupport.LocalClickHouse;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code collect clickhouse}, {@code collect status} and {@code collect resume} on the command line, in-process:
 * against a real ClickHouse 18.16 server for the rows, the password and the server's own errors, and against a local
 * stand-in for failures a real server cannot produce on cue.
 */
class CollectClickHouseCommandTest {

    private static final String PASSWORD = System.getenv(LocalClickHouse.PASSWORD_VARIABLE);

    @TempDir
    Path folder;

    private final MockWebServer fake = new MockWebServer();
    private final FakeClickHouse fakeClickHouse = new FakeClickHouse("25.8.1.5101");
    private Path project;


    @BeforeEach
    void start() throws IOException {
        fake.setDispatcher(fakeClickHouse);
        fake.start();
        project = folder.resolve("study.divergence");
    }

    @AfterEach
    void stop() {
        fakeClickHouse.release();
        fake.close();
    }

    private static List<String> expected() {
        Map<String, String> rows = new TreeMap<>(GhArchiveEvents.expected(LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 10, 6)));
        rows.remove("gap/merged-only");
        return List.copyOf(rows.values());
    }

    private CliRun collect(String url, String... more) {
        List<String> args = new ArrayList<>(List.of("collect", "clickhouse", "--project", project.toString(),
                "--url", url, "--from", "2025-01-01"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    @ExtendWith(LocalClickHouse.Required.class)
    void collectsTheWholeWindowShardByShardWithProgressAndListsItInStatus(LocalClickHouse server) throws Exception {
        CliRun run = collect(server.url(), "--shards", "3", "--user", "alice", "--password-env",
                LocalClickHouse.PASSWORD_VARIABLE);
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertEquals("ClickHouse collection 1: 3 of 3 shards stored (7 rows); this run stored 3 shards with 7"
                + " repositories (1 rows set aside: they break a rule of the canonical sample)", run.out().strip());
        assertTrue(run.err().startsWith("Collecting from ClickHouse: default.github_events on " + server.url()
                + ", 2025-01-01 to 2025-10-06, 3 shards, as user alice with the password from "
                + LocalClickHouse.PASSWORD_VARIABLE + ".\n"), run.err());
        for (int shard = 1; shard <= 3; shard++) {
            assertTrue(run.err().contains("shard " + shard + " of 3: the server is aggregating…\n"), run.err());
            assertTrue(run.err().matches("(?s).*shard " + shard + " of 3: \\d+ rows? stored(, 1 set aside)? \\(batch "
                    + shard + ", \\d+\\.\\d s\\)\n.*"), run.err());
        }
        assertEquals(expected(), TableDump.repositories(project));

        CliRun status = CliRun.of("collect", "status", "--project", project.toString());
        assertEquals("clickhouse 1  default.github_events on " + server.url() + ", 2025-01-01 to 2025-10-06, 3 shards,"
                + " user alice  [finished]  3 of 3 shards stored (7 rows), 0 pending", status.out().strip());
        CliRun json = CliRun.of("collect", "status", "--project", project.toString(), "--json");
        JsonNode collection = new ObjectMapper().readTree(json.out()).get(0);
        assertEquals("clickhouse", collection.get("kind").asText());
        assertEquals(LocalClickHouse.PASSWORD_VARIABLE, collection.get("password_env").asText());
        assertEquals(3, collection.get("stored_shards").size());
        assertEquals("18.16.1", collection.get("stored_shards").get(0).get("server_version").asText());
        CliRun shards = CliRun.of("collect", "status", "--project", project.toString(), "--clickhouse", "1");
        assertTrue(shards.out().contains("    shard 1 of 3: "), shards.out());

        CliRun again = collect(server.url(), "--shards", "3", "--user", "alice", "--password-env",
                LocalClickHouse.PASSWORD_VARIABLE);
        assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
        assertTrue(again.out().startsWith("ClickHouse collection 1 has stored all its shards already"), again.out());
        assertEquals(List.of("3"), TableDump.rows(project, "SELECT count(*) FROM import_batch"));

        // The report's provenance: each shard's batch with the server, its version, the window and the exact SQL.
        Path report = folder.resolve("report.md");
        CliRun reported = CliRun.of("report", "--project", project.toString(), "--out", report.toString(),
                "--format", "markdown", "--resamples", "200");
        assertEquals(ExitCodes.OK, reported.exitCode(), reported.toString());
        String markdown = Files.readString(report);
        for (int shard = 1; shard <= 3; shard++) {
            assertTrue(markdown.contains("Batch " + shard + ": shard " + shard + " of 3 of default.github\\_events,"
                    + " events 2025-01-01 to 2025-10-06, on " + server.url() + " (ClickHouse 18.16.1).\n\n```sql\n--"
                    + " Divergence Workbench, collect clickhouse: shard " + shard + " of 3\n"), markdown);
            assertTrue(markdown.contains("cityHash64(repo_name) % 3 = " + (shard - 1) + "\n"), markdown);
        }

        // The password went to the server and nowhere else.
        assertFalse((run.out() + run.err() + status.out() + json.out() + shards.out() + markdown).contains(PASSWORD));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(PASSWORD), file + " holds the password");
            }
        }
    }

    @Test
    @ExtendWith(LocalClickHouse.Required.class)
    void aWrongOrMissingPasswordAndAMissingTableAreExit3WithTheServersMessage(LocalClickHouse server) {
        CliRun unset = collect(server.url(), "--user", "alice", "--password-env", "DIVERGENCE_NO_SUCH_VARIABLE");
        assertEquals(ExitCodes.INVALID_INPUT, unset.exitCode(), unset.toString());
        assertTrue(unset.err().contains("the environment variable DIVERGENCE_NO_SUCH_VARIABLE is not set"),
                unset.err());
        assertFalse(Files.exists(project), "nothing was created");

        CliRun refused = collect(server.url(), "--user", "alice");
        assertEquals(ExitCodes.INVALID_INPUT, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("refused user \"alice\" (HTTP 401): Code: 194, e.displayText() ="
                + " DB::Exception: Password required for user alice"), refused.err());
        assertTrue(refused.err().contains("nothing was stored; the project is as it was"), refused.err());

        CliRun missing = collect(server.url(), "--table", "no_such_events");
        assertEquals(ExitCodes.INVALID_INPUT, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("(HTTP 404): Code: 60, e.displayText() = DB::Exception: Table"
                + " default.no_such_events doesn't exist."), missing.err());
        assertEquals("no crawls yet; start one with 'collect github', 'collect huggingface' or 'collect clickhouse'",
                CliRun.of("collect", "status", "--project", project.toString()).out().strip());
        assertEquals(List.of("0"), TableDump.rows(project, "SELECT count(*) FROM import_batch"));
    }

    @Test
    void anUnreachableServerIsExit4AndBadOptionsAreExit3() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRun unreachable = collect("http://127.0.0.1:" + port);
        assertEquals(ExitCodes.NETWORK, unreachable.exitCode(), unreachable.toString());
        assertTrue(unreachable.err().contains("cannot reach the ClickHouse server at http://127.0.0.1:" + port
                + "/: the connection was refused"), unreachable.err());

        assertEquals(ExitCodes.INVALID_INPUT, collect("http://127.0.0.1:" + port, "--to", "2025-10-07").exitCode());
        CliRun badDate = CliRun.of("collect", "clickhouse", "--project", project.toString(), "--url",
                "http://127.0.0.1:" + port, "--from", "2025-13-01");
        assertEquals(ExitCodes.INVALID_INPUT, badDate.exitCode(), badDate.toString());
        assertTrue(badDate.err().contains("--from 2025-13-01: not a date of the form YYYY-MM-DD"), badDate.err());
        assertEquals(ExitCodes.INVALID_INPUT, collect("https://u:p@example.org").exitCode());
        assertEquals(ExitCodes.INVALID_INPUT, collect("http://example.org:8123").exitCode());
    }

    @Test
    void aServerErrorMidwayKeepsTheStoredShardsAndResumeCollectsTheRest() {
        fakeClickHouse.failShard(1, new MockResponse.Builder().code(500).body("Code: 201, e.displayText() ="
                + " DB::Exception: Quota for user 'play' for 1 hour has been exceeded., e.what() = DB::Exception\n")
                .build());
        CliRun stopped = collect(fake.url("/").toString(), "--shards", "3", "--user", "play");
        assertEquals(ExitCodes.INVALID_INPUT, stopped.exitCode(), stopped.toString());
        assertTrue(stopped.err().contains("Quota for user 'play' for 1 hour has been exceeded."), stopped.err());
        assertTrue(stopped.err().contains("use more shards"), stopped.err());
        assertTrue(stopped.err().contains("ClickHouse collection 1: 1 of 3 shards stored (3 rows); continue with:"
                + " divergence-workbench collect resume --project " + project + " --clickhouse 1"), stopped.err());
        assertEquals(FakeClickHouse.expectedRows(0), TableDump.repositories(project));

        CliRun status = CliRun.of("collect", "status", "--project", project.toString());
        assertTrue(status.out().contains("[running]  1 of 3 shards stored (3 rows), 2 pending"), status.out());
        assertTrue(status.out().contains("    stopped: the ClickHouse server at " + fake.url("/")
                + " answered shard 2 of 3 with an error (HTTP 500): Code: 201"), status.out());

        CliRun resumed = CliRun.of("collect", "resume", "--project", project.toString());
        assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.err().startsWith("Resuming ClickHouse collection 1 (1 of 3 shards stored (3 rows))"),
                resumed.err());
        assertFalse(resumed.err().contains("shard 1 of 3"), "the stored shard is not run again: " + resumed.err());
        assertEquals("ClickHouse collection 1: 3 of 3 shards stored (9 rows); this run stored 2 shards with 6"
                + " repositories", resumed.out().strip());
        List<String> all = new ArrayList<>();
        for (int shard = 0; shard < 3; shard++) {
            all.addAll(FakeClickHouse.expectedRows(shard));
        }
        assertEquals(all.stream().sorted().toList(), TableDump.repositories(project));
        assertEquals(4, fakeClickHouse.shardQueries(), "shard 1 once, shard 2 twice, shard 3 once");
    }
}
