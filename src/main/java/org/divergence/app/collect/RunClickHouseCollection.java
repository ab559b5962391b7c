package org.divergence.app.collect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.divergence.core.collect.ClickHouseCollection;
import org.divergence.core.collect.ClickHouseRequest;
import org.divergence.core.collect.CrawlControl;
import org.divergence.core.collect.ShardProgress;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.NetworkException;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.core.repositories.RowProblem;
import org.divergence.exchange.clickhouse.ClickHouseClient;
import org.divergence.exchange.clickhouse.ClickHouseEndpoint;
import org.divergence.exchange.clickhouse.GhArchiveQuery;
import org.divergence.exchange.clickhouse.GhArchiveRows;
import org.divergence.store.collect.ClickHouseCollections;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlWork;
import org.divergence.store.repositories.ImportBatches;
import org.divergence.store.repositories.RepositoryTableWriter;
import org.divergence.store.tags.TagRules;

/**
 * Runs the GH Archive aggregation on a ClickHouse server, shard by shard: the server aggregates one shard of
 * repositories per query, and its rows are streamed into the project as one import batch, in ONE transaction with
 * the shard's record (tag rules applied as for any import). A stop at any point (cancel, kill, lost network, a server
 * error) leaves every finished shard stored, the running one not at all, and the collection resumable.
 */
public final class RunClickHouseCollection {

    /** How a run ended: the collection now, and the shards this run stored. */
    public record Outcome(ClickHouseCollection collection, List<ShardProgress> storedNow) {

        public long rowsNow() {
            return storedNow.stream().mapToLong(ShardProgress::rows).sum();
        }

        public String summary() {
            long skipped = storedNow.stream().mapToLong(ShardProgress::skipped).sum();
            return String.format(Locale.ROOT, "ClickHouse collection %d: %s; this run stored %d %s with %,d %s%s",
                    collection.id(), collection.progress(), storedNow.size(),
                    storedNow.size() == 1 ? "shard" : "shards", rowsNow(), rowsNow() == 1 ? "repository"
                            : "repositories", skipped > 0 ? String.format(Locale.ROOT, " (%,d rows set aside:"
                            + " they break a rule of the canonical sample)", skipped) : "");
        }
    }

    private static final Logger LOG = Logger.getLogger(RunClickHouseCollection.class.getName());
    private static final int PROGRESS_EVERY = 10_000;

    private final Project project;
    private final ClickHouseClient.Settings settings;
    private final CrawlControl control;
    private final Consumer<ShardProgress> listener;
    private boolean soleUser;
    private Long current;

    public RunClickHouseCollection(Project project, ClickHouseClient.Settings settings, CrawlControl control,
                                   Consumer<ShardProgress> listener) {
        this.project = project;
        this.settings = settings;
        this.control = control;
        this.listener = listener;
    }

    /** Nothing else reads the project while this runs (the command line): shards may skip the WAL. */
    public RunClickHouseCollection asSoleUser() {
        soleUser = true;
        return this;
    }

    /** The collection this runner ran last; empty when none, or when a new one was forgotten again. */
    public Optional<Long> current() {
        return Optional.ofNullable(current);
    }

    /**
     * The collection that already runs {@code request}'s queries (same server, user, table, window and shards), if
     * any: {@link #start} continues it.
     */
    public Optional<ClickHouseCollection> existing(ClickHouseRequest request) {
        return ClickHouseCollections.findSame(project, request);
    }

    /**
     * Runs {@code request}: continues the collection that already runs its queries (so a re-run stores no shard
     * twice), or records a new one and runs it. A new collection whose first shard fails is forgotten again: the
     * project is left as it was.
     */
    public Outcome start(ClickHouseRequest request, String password, Progress progress) {
        ClickHouseEndpoint.parse(request.serverUrl());
        Optional<ClickHouseCollection> found = existing(request);
        if (found.isPresent()) {
            return run(found.get().id(), password, request.passwordVariable(), progress);
        }
        long id = project.write(EnumSet.of(DataArea.CRAWLS),
                connection -> ClickHouseCollections.create(connection, request, Sql.now()));
        try {
            return run(id, password, null, progress);
        } catch (RuntimeException e) {
            try {
                project.write(EnumSet.of(DataArea.CRAWLS), connection -> {
                    ClickHouseCollections.removeIfEmpty(connection, id);
                    return null;
                });
                current = ClickHouseCollections.list(project).stream().anyMatch(c -> c.id() == id) ? id : null;
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Stores every shard of collection {@code id} not stored yet, in order.
     *
     * @param password         null or empty for none
     * @param passwordVariable recorded for later resumes when given (the variable's name, never the password)
     */
    public Outcome run(long id, String password, String passwordVariable, Progress progress) {
        current = id;
        ClickHouseCollection collection = ClickHouseCollections.find(project, id);
        ClickHouseRequest request = collection.request();
        List<ClickHouseCollections.StoredShard> stored = ClickHouseCollections.shards(project, id);
        Set<Integer> pending = new TreeSet<>();
        for (int shard = 0; shard < request.shards(); shard++) {
            pending.add(shard);
        }
        for (ClickHouseCollections.StoredShard shard : stored) {
            pending.remove(shard.shard());
            listener.accept(new ShardProgress(id, shard.shard(), request.shards(), ShardProgress.Phase.STORED,
                    shard.rows(), shard.skipped(), shard.batchId(), shard.seconds(), stored.size()));
        }
        for (int shard : pending) {
            listener.accept(new ShardProgress(id, shard, request.shards(), ShardProgress.Phase.WAITING, 0, 0, null,
                    0, stored.size()));
        }
        List<ShardProgress> storedNow = new ArrayList<>();
        if (pending.isEmpty()) {
            return new Outcome(collection, storedNow);
        }
        try {
            ClickHouseClient client = new ClickHouseClient(ClickHouseEndpoint.parse(request.serverUrl()),
                    request.user(), password, settings, control);
            String version = client.serverVersion();
            int done = stored.size();
            for (int shard : pending) {
                control.checkpoint(progress, () -> { });
                ShardProgress result = storeShard(client, version, collection, shard, done, passwordVariable,
                        progress);
                storedNow.add(result);
                done++;
                listener.accept(result);
            }
        } catch (CancelledException e) {
            stopped(id, "cancelled after " + storedNow.size() + " of " + pending.size() + " shards left to store");
            throw e;
        } catch (NetworkException | InvalidInputException e) {
            stopped(id, e.getMessage());
            throw e;
        }
        return new Outcome(ClickHouseCollections.find(project, id), storedNow);
    }

    private ShardProgress storeShard(ClickHouseClient client, String version, ClickHouseCollection collection,
                                     int shard, int done, String passwordVariable, Progress progress) {
        ClickHouseRequest request = collection.request();
        long started = System.nanoTime();
        listener.accept(new ShardProgress(collection.id(), shard, request.shards(), ShardProgress.Phase.QUERYING, 0,
                0, null, 0, done));
        String sql = GhArchiveQuery.render(request, shard);
        String what = "shard " + (shard + 1) + " of " + request.shards();
        try (ClickHouseClient.Answer answer = client.query(sql, what)) {
            SqlWork<ShardProgress> work = connection -> {
                long batchId = ClickHouseCollections.beginShardBatch(connection, request, shard);
                Counts counts = streamRows(connection, answer, batchId, collection.id(), shard, request.shards(),
                        done, progress);
                TagRules.applyToBatches(connection, List.of(batchId));
                double seconds = (System.nanoTime() - started) / 1e9;
                ClickHouseCollections.recordShard(connection, collection.id(), shard, batchId, version, sql,
                        counts.rows, counts.skipped, counts.example, seconds, Sql.now());
                if (passwordVariable != null) {
                    ClickHouseCollections.touch(connection, collection.id(), null, passwordVariable, Sql.now());
                }
                return new ShardProgress(collection.id(), shard, request.shards(), ShardProgress.Phase.STORED,
                        counts.rows, counts.skipped, batchId, seconds, done + 1);
            };
            Set<DataArea> changes = EnumSet.of(DataArea.REPOSITORIES, DataArea.BATCHES, DataArea.CRAWLS);
            return soleUser ? project.writeAlone(changes, work) : project.write(changes, work);
        }
    }

    private static final class Counts {
        long rows;
        long skipped;
        String example;
    }

    /** Writes the answer's rows into the batch; a line that is no row ends the answer with the server's error. */
    private Counts streamRows(Connection connection, ClickHouseClient.Answer answer, long batchId, long id, int shard,
                              int shards, int done, Progress progress) throws SQLException {
        String header = answer.nextLine();
        if (header == null || !GhArchiveRows.isHeader(header)) {
            throw answer.failure(header == null ? "(an empty answer, without the header line)" : header);
        }
        Counts counts = new Counts();
        try (RepositoryTableWriter writer = RepositoryTableWriter.open(connection, batchId)) {
            for (String line = answer.nextLine(); line != null; line = answer.nextLine()) {
                RepositoryRow row;
                try {
                    row = GhArchiveRows.parse(line);
                } catch (RowProblem problem) {
                    counts.skipped++;
                    if (counts.example == null) {
                        String[] fields = line.split("\t", 4);
                        counts.example = (fields.length > 2 ? fields[2] : line) + ": " + problem.describe();
                    }
                    continue;
                }
                if (row == null) {
                    throw answer.failure(line);
                }
                writer.add(row);
                if (++counts.rows % PROGRESS_EVERY == 0) {
                    if (control.isCancelled() || progress.isCancelled()) {
                        throw new CancelledException();
                    }
                    listener.accept(new ShardProgress(id, shard, shards, ShardProgress.Phase.STORING, counts.rows,
                            counts.skipped, null, 0, done));
                }
            }
            RepositoryTableWriter.Outcome outcome = writer.finish();
            ImportBatches.finish(connection, batchId, null, counts.rows + counts.skipped, outcome.added(),
                    outcome.updated(), counts.skipped);
        }
        return counts;
    }

    /** Records why the collection stopped; its stored shards stay, the rest wait for a resume. */
    private void stopped(long id, String reason) {
        try {
            project.write(EnumSet.of(DataArea.CRAWLS), connection -> {
                ClickHouseCollections.touch(connection, id, reason, null, Sql.now());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warning("Could not record why ClickHouse collection " + id + " stopped: " + e.getMessage());
        }
    }
}
