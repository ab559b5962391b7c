package org.divergence.exchange.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.divergence.core.collect.ClickHouseRequest;
import org.divergence.core.collect.CrawlControl;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.NetworkException;
import org.divergence.testsupport.FakeClickHouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP side of {@code collect clickhouse} against a local MockWebServer answering as ClickHouse 18.16 and current
 * releases do (status codes, bodies and headers as measured and documented): what is sent, and every way an answer
 * can fail.
 */
class ClickHouseClientTest {

    private static final String QUERY = "SELECT 1 FORMAT TabSeparated";

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ClickHouseClient client(String user, String password) {
        return new ClickHouseClient(server.url("/"), user, password, ClickHouseClient.Settings.DEFAULT,
                new CrawlControl());
    }

    private static MockResponse error(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "text/plain; charset=UTF-8")
                .body(body).build();
    }

    @Test
    void sendsTheSqlAsThePostBodyWithTheUserAndPasswordInHeadersAndNoSettingInTheUrl() throws Exception {
        server.enqueue(FakeClickHouse.tsv("18.16.1\n"));
        server.enqueue(FakeClickHouse.tsv("1\n"));
        ClickHouseClient client = client("alice", "s3cret");
        assertEquals("18.16.1", client.serverVersion());
        try (ClickHouseClient.Answer answer = client.query(QUERY, "a test")) {
            assertEquals("1", answer.nextLine());
            assertNull(answer.nextLine());
        }
        RecordedRequest version = server.takeRequest();
        assertEquals("POST", version.getMethod());
        assertEquals("/", version.getTarget(), "nothing in the URL: a read-only user refuses any setting there");
        assertEquals("SELECT version() FORMAT TabSeparated", version.getBody().utf8());
        assertEquals("alice", version.getHeaders().get("X-ClickHouse-User"));
        assertEquals("s3cret", version.getHeaders().get("X-ClickHouse-Key"));
        assertNull(version.getHeaders().get("Authorization"));
        assertEquals(QUERY, server.takeRequest().getBody().utf8());

        server.enqueue(FakeClickHouse.tsv("25.8.1.5101\n"));
        assertEquals("25.8.1.5101", client("default", "").serverVersion());
        RecordedRequest anonymous = server.takeRequest();
        assertEquals("default", anonymous.getHeaders().get("X-ClickHouse-User"));
        assertNull(anonymous.getHeaders().get("X-ClickHouse-Key"), "no password, no key header");
    }

    @Test
    void aMissingTableIsTheServersOwnMessageWithItsCode() {
        server.enqueue(error(404, "Code: 60, e.displayText() = DB::Exception: Table default.nope doesn't exist.,"
                + " e.what() = DB::Exception\n"));
        ClickHouseServerException e = assertThrows(ClickHouseServerException.class,
                () -> client("default", null).query(QUERY, "shard 1 of 2"));
        assertEquals(404, e.status());
        assertEquals(60, e.code());
        assertEquals("the ClickHouse server at " + server.url("/") + " answered shard 1 of 2 with an error (HTTP"
                + " 404): Code: 60, e.displayText() = DB::Exception: Table default.nope doesn't exist., e.what() ="
                + " DB::Exception", e.getMessage());
    }

    @Test
    void quotaTimeoutAndMemoryErrorsAdviseMoreShards() {
        String[] bodies = {
            "Code: 201, e.displayText() = DB::Exception: Quota for user 'play' for 1 hour has been exceeded.",
            "Code: 159, e.displayText() = DB::Exception: Timeout exceeded: elapsed 1.00 seconds, maximum: 1",
            "Code: 241. DB::Exception: Memory limit (for query) exceeded: would use 9.31 GiB. (MEMORY_LIMIT_EXCEEDED)"
                    + " (version 25.8.1.5101 (official build))"};
        int[] statuses = {500, 500, 500};
        for (int i = 0; i < bodies.length; i++) {
            server.enqueue(error(statuses[i], bodies[i]));
            ClickHouseServerException e = assertThrows(ClickHouseServerException.class,
                    () -> client("play", null).query(QUERY, "shard 3 of 16"));
            assertTrue(e.getMessage().contains(bodies[i]), e.getMessage());
            assertTrue(e.getMessage().contains("use more shards"), e.getMessage());
        }
        // Current servers answer a timeout with 408 and name the code in a header too.
        server.enqueue(new MockResponse.Builder().code(408).setHeader("X-ClickHouse-Exception-Code", "159")
                .body("Code: 159. DB::Exception: Timeout exceeded: elapsed 60.0 seconds, maximum: 60."
                        + " (TIMEOUT_EXCEEDED) (version 25.8.1.5101)\n").build());
        ClickHouseServerException timeout = assertThrows(ClickHouseServerException.class,
                () -> client("play", null).query(QUERY, "shard 3 of 16"));
        assertEquals(159, timeout.code());
        assertTrue(timeout.getMessage().contains("use more shards"), timeout.getMessage());
    }

    @Test
    void aRefusedUserSaysSoOnOldAndNewServersWithoutThePassword() {
        server.enqueue(new MockResponse.Builder().code(401).setHeader("WWW-Authenticate",
                "Basic realm=\"ClickHouse server HTTP API\"").body("Code: 193, e.displayText() = DB::Exception:"
                + " Wrong password for user alice, e.what() = DB::Exception\n").build());
        server.enqueue(error(403, "Code: 516. DB::Exception: alice: Authentication failed: password is incorrect,"
                + " or there is no user with such name. (AUTHENTICATION_FAILED) (version 25.8.1.5101)\n"));
        for (int i = 0; i < 2; i++) {
            ClickHouseServerException e = assertThrows(ClickHouseServerException.class,
                    () -> client("alice", "wrong-pass-42").serverVersion());
            assertTrue(e.getMessage().contains("refused user \"alice\""), e.getMessage());
            assertTrue(e.getMessage().contains("--password-env"), e.getMessage());
            assertFalse(e.getMessage().contains("wrong-pass-42"));
        }
    }

    @Test
    void anErrorAfterTheRowsIsFoundInTheOldAndTheNewFormat() {
        // 18.16 (measured): HTTP 200, rows, then the exception as a plain line.
        server.enqueue(FakeClickHouse.tsv("1\n2\nCode: 395, e.displayText() = DB::Exception: Value passed to"
                + " 'throwIf' function is non zero, e.what() = DB::Exception\n"));
        // 25.11+ (documented): the __exception__ block, tagged.
        server.enqueue(FakeClickHouse.tsv("1\n2\n\r\n__exception__\r\nAbCdEfGhIjKlMnOp\r\nCode: 395. DB::Exception:"
                + " Value passed to 'throwIf' function is non zero. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO) (version"
                + " 25.11.1.1)\r\n123 AbCdEfGhIjKlMnOp\r\n__exception__\r\n"));
        for (int i = 0; i < 2; i++) {
            try (ClickHouseClient.Answer answer = client("default", null).query(QUERY, "shard 1 of 1")) {
                assertEquals("1", answer.nextLine());
                assertEquals("2", answer.nextLine());
                String notARow = answer.nextLine();
                ClickHouseServerException e = answer.failure(notARow);
                assertEquals(200, e.status());
                assertEquals(395, e.code());
                assertTrue(e.getMessage().contains("after it had begun sending rows"), e.getMessage());
                assertTrue(e.getMessage().endsWith("Value passed to 'throwIf' function is non zero"
                        + (i == 0 ? ", e.what() = DB::Exception" : ". (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO) (version"
                        + " 25.11.1.1)")), e.getMessage());
            }
        }
    }

    @Test
    void anUnreachableServerIsANetworkProblem() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ClickHouseClient client = new ClickHouseClient(HttpUrl.get("http://127.0.0.1:" + port + "/"), "default", null,
                ClickHouseClient.Settings.DEFAULT, new CrawlControl());
        NetworkException e = assertThrows(NetworkException.class, client::serverVersion);
        assertEquals("cannot reach the ClickHouse server at http://127.0.0.1:" + port + "/: the connection was"
                + " refused or could not be made (SELECT version())", e.getMessage());
    }

    @Test
    void noAnswerInTimeIsANetworkProblemAndCancelStopsTheWaitAtOnce() throws Exception {
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("1\n").build());
        ClickHouseClient impatient = new ClickHouseClient(server.url("/"), "default", null,
                new ClickHouseClient.Settings(Duration.ofSeconds(5), Duration.ofMillis(200)), new CrawlControl());
        NetworkException late = assertThrows(NetworkException.class, () -> impatient.query(QUERY, "shard 2 of 4"));
        assertTrue(late.getMessage().contains("no answer in time (timeout) (shard 2 of 4)"), late.getMessage());
        server.takeRequest();

        server.enqueue(new MockResponse.Builder().headersDelay(20, TimeUnit.SECONDS).body("1\n").build());
        CrawlControl control = new CrawlControl();
        ClickHouseClient client = new ClickHouseClient(server.url("/"), "default", null,
                ClickHouseClient.Settings.DEFAULT, control);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> client.query(QUERY, "shard 1 of 1"));
        server.takeRequest(); // the query is with the server, which takes its time
        long start = System.nanoTime();
        control.cancel();
        Exception e = assertThrows(Exception.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof CancelledException, String.valueOf(e.getCause()));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "cancel aborts the call in flight");
    }

    @Test
    void aLineLongerThanAnyRowAndAServerThatIsNoClickHouseAreRefused() {
        server.enqueue(FakeClickHouse.tsv("x".repeat(ClickHouseClient.MAX_LINE_BYTES + 10) + "\n"));
        try (ClickHouseClient.Answer answer = client("default", null).query(QUERY, "shard 1 of 1")) {
            InvalidInputException e = assertThrows(InvalidInputException.class, answer::nextLine);
            assertTrue(e.getMessage().contains("longer than 64 KiB"), e.getMessage());
        }
        server.enqueue(FakeClickHouse.tsv("<html><body>Welcome to nginx</body></html>\n<p>\n"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> client("default", null).serverVersion());
        assertTrue(e.getMessage().contains("does not answer like ClickHouse"), e.getMessage());
    }

    @Test
    void theEndpointRefusesCredentialsInTheUrlAndPlainHttpToOtherMachines() {
        assertEquals("https://play.clickhouse.com/", ClickHouseEndpoint.parse(" https://play.clickhouse.com ")
                .toString());
        assertEquals("http://127.0.0.1:8123/", ClickHouseEndpoint.parse("http://127.0.0.1:8123").toString());
        assertTrue(assertThrows(InvalidInputException.class, () -> ClickHouseEndpoint.parse(
                "https://alice:s3cret@example.org")).getMessage().contains("--password-env"));
        assertThrows(InvalidInputException.class, () -> ClickHouseEndpoint.parse("https://example.org/?user=x"));
        assertTrue(assertThrows(InvalidInputException.class, () -> ClickHouseEndpoint.parse(
                "http://clickhouse.example.org:8123")).getMessage().contains("https://"));
        assertThrows(InvalidInputException.class, () -> ClickHouseEndpoint.parse("play.clickhouse.com"));
    }

    @Test
    void theQueryPutsOnlyCheckedValuesIntoItsText() {
        ClickHouseRequest request = new ClickHouseRequest("https://play.clickhouse.com/", "play", "default",
                "github_events", LocalDate.of(2015, 1, 1), LocalDate.of(2025, 10, 6), 16, null);
        String sql = GhArchiveQuery.render(request, 3);
        assertTrue(sql.startsWith("-- Divergence Workbench, collect clickhouse: shard 4 of 16\n"), sql);
        assertTrue(sql.contains("FROM default.github_events\n"), sql);
        assertTrue(sql.contains("created_at >= toDateTime('2015-01-01 00:00:00', 'UTC')"), sql);
        assertTrue(sql.contains("created_at < toDateTime('2025-10-07 00:00:00', 'UTC')"), sql);
        assertTrue(sql.contains("cityHash64(repo_name) % 16 = 3\n"), sql);
        assertTrue(sql.endsWith("ORDER BY full_name\nFORMAT TabSeparatedWithNames\n"), sql);
        assertFalse(sql.contains("{"), "every placeholder is filled");
        assertFalse(sql.contains("formatDateTime"), "its codes differ between versions");

        for (String table : new String[] {"events; DROP TABLE x", "`x`", "a.b", "1abc", ""}) {
            if (!table.isEmpty()) {
                assertThrows(InvalidInputException.class, () -> new ClickHouseRequest("https://h/", null, null,
                        table, null, null, 4, null), table);
            }
        }
        assertThrows(InvalidInputException.class, () -> new ClickHouseRequest("https://h/", null, "db x", null,
                null, null, 4, null));
        InvalidInputException late = assertThrows(InvalidInputException.class, () -> new ClickHouseRequest(
                "https://h/", null, null, null, null, LocalDate.of(2025, 10, 7), 4, null));
        assertTrue(late.getMessage().contains("2025-10-07, is too late"), late.getMessage());
        assertThrows(InvalidInputException.class, () -> new ClickHouseRequest("https://h/", null, null, null,
                LocalDate.of(2025, 5, 1), LocalDate.of(2025, 4, 1), 4, null));
        assertThrows(InvalidInputException.class, () -> new ClickHouseRequest("https://h/", null, null, null, null,
                null, 0, null));
        ClickHouseRequest defaults = new ClickHouseRequest("https://h/", null, null, null, null, null, 16, null);
        assertEquals("default.github_events on https://h/, 2015-01-01 to 2025-10-06, 16 shards",
                defaults.describe());
        assertEquals("default", defaults.user());
    }

    @Test
    void tabSeparatedEscapesAreUndone() {
        assertEquals("a\tb\\c\nd'e", GhArchiveRows.unescape("a\\tb\\\\c\\nd\\'e"));
        assertNull(GhArchiveRows.parse("Code: 60, e.displayText() = …"), "not a row");
        assertNull(GhArchiveRows.parse("github\tcode\tx/y\t2025-01-01T00:00:00Z\t1\t1\t1\t1\t1\t\\N\t1\t1\t\\N\t\\N"
                + "\t\\N"), "the server's DateTime text has a space, not a T");
        assertEquals("github/code x/y created=2025-01-02T03:04:05Z contributors=1 commits=2 pull_requests=3"
                + " merged_pull_requests=3 issues=0 stars=5 forks=6", GhArchiveRows.parse("github\tcode\tx/y\t"
                + "2025-01-02 03:04:05\t1\t2\t3\t3\t0\t\\N\t5\t6\t\\N\t\\N\t\\N").toString());
    }
}
