package org.divergence.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.divergence.exchange.clickhouse.GhArchiveQuery;

/**
 * A stand-in for a ClickHouse server's HTTP interface, for what a real one cannot be made to do on cue: answers
 * {@code SELECT version()}, and each shard query of {@code collect clickhouse} with {@link #ROWS_PER_SHARD} made-up
 * rows of that shard; a shard can be made to fail with a given answer, or held until the test lets it go.
 */
public final class FakeClickHouse extends Dispatcher {

    public static final int ROWS_PER_SHARD = 3;
    private static final Pattern SHARD = Pattern.compile("cityHash64\\(repo_name\\) % (\\d+) = (\\d+)");

    private final String version;
    private final Map<Integer, MockResponse> failures = new ConcurrentHashMap<>();
    private final Map<Integer, CountDownLatch> held = new ConcurrentHashMap<>();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final AtomicInteger shardQueries = new AtomicInteger();
    private final List<String> bodies = java.util.Collections.synchronizedList(new ArrayList<>());

    public FakeClickHouse(String version) {
        this.version = version;
    }

    /** Shard {@code shard} (0-based) answers {@code response} instead of its rows (once). */
    public FakeClickHouse failShard(int shard, MockResponse response) {
        failures.put(shard, response);
        return this;
    }

    /** Shard {@code shard}'s answer waits until {@link #release}; {@link #awaitHeld} returns once it is waiting. */
    public FakeClickHouse holdShard(int shard) {
        held.put(shard, new CountDownLatch(1));
        return this;
    }

    public boolean awaitHeld() throws InterruptedException {
        return holding.await(20, TimeUnit.SECONDS);
    }

    public void release() {
        held.values().forEach(CountDownLatch::countDown);
    }

    public int shardQueries() {
        return shardQueries.get();
    }

    /** Every SQL text received, in order. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** The made-up rows of one shard, as TableDump prints a project's repositories. */
    public static List<String> expectedRows(int shard) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < ROWS_PER_SHARD; i++) {
            rows.add("github|code|fake/s" + shard + "-" + i + "|2025-0" + (1 + i) + "-0" + (1 + shard % 9)
                    + "T12:00:00Z|" + (i + 1) + "|" + (10 * i) + "|" + i + "|" + i + "|0|null|" + (shard + i)
                    + "|1|null|null|null|null");
        }
        return rows;
    }

    /** The rows of one shard as the server writes them (TabSeparatedWithNames, without the header). */
    public static String shardRows(int shard) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ROWS_PER_SHARD; i++) {
            text.append(String.join("\t", "github", "code", "fake/s" + shard + "-" + i,
                    "2025-0" + (1 + i) + "-0" + (1 + shard % 9) + " 12:00:00", Integer.toString(i + 1),
                    Integer.toString(10 * i), Integer.toString(i), Integer.toString(i), "0", "\\N",
                    Integer.toString(shard + i), "1", "\\N", "\\N", "\\N")).append('\n');
        }
        return text.toString();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String sql = request.getBody() == null ? "" : request.getBody().utf8();
        bodies.add(sql);
        if (sql.startsWith("SELECT version()")) {
            return tsv(version + "\n");
        }
        Matcher matcher = SHARD.matcher(sql);
        if (!matcher.find()) {
            return new MockResponse.Builder().code(400).body("Code: 62, e.displayText() = DB::Exception: Syntax"
                    + " error, e.what() = DB::Exception\n").build();
        }
        int shard = Integer.parseInt(matcher.group(2));
        shardQueries.incrementAndGet();
        CountDownLatch latch = held.get(shard);
        if (latch != null) {
            holding.countDown();
            latch.await(30, TimeUnit.SECONDS);
        }
        MockResponse failure = failures.remove(shard);
        if (failure != null) {
            return failure;
        }
        return tsv(GhArchiveQuery.HEADER + "\n" + shardRows(shard));
    }

    public static MockResponse tsv(String body) {
        return new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "text/tab-separated-values; charset=UTF-8").body(body).build();
    }
}
