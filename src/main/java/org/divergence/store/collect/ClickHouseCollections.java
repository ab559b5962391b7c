package org.divergence.store.collect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.divergence.core.collect.ClickHouseCollection;
import org.divergence.core.collect.ClickHouseRequest;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.repositories.BatchQuery;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.repositories.CollectedRepositories;

/**
 * The project's ClickHouse collections (migration V7): what each asks the server, and the shards stored so far, each
 * with its import batch, the server's version and the exact SQL. A shard is recorded in the transaction that stores
 * its rows; a shard whose batch was removed is no longer recorded, and is collected again on resume.
 */
public final class ClickHouseCollections {

    /** The import batches' format for a shard's rows. */
    public static final String BATCH_FORMAT = "clickhouse";

    /** A stored shard, as {@code collect status} lists it. */
    public record StoredShard(int shard, long batchId, long rows, long skipped, String skippedExample,
                              String serverVersion, String sql, double seconds, String finishedAt) {
    }

    private static final SqlText SUMMARY = SqlText.of("SELECT c.id, c.server_url, c.user_name,"
            + " c.password_variable, c.database_name, c.table_name, c.window_from, c.window_to, c.shards,"
            + " (SELECT count(*) FROM clickhouse_shard s WHERE s.collection_id = c.id),"
            + " (SELECT coalesce(sum(s.rows), 0) FROM clickhouse_shard s WHERE s.collection_id = c.id),"
            + " c.created_at, c.updated_at, c.last_error FROM clickhouse_collection c");
    private static final SqlText INSERT = SqlText.of("INSERT INTO clickhouse_collection (server_url, user_name,"
            + " password_variable, database_name, table_name, window_from, window_to, shards, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    private static final SqlText REMOVE_EMPTY = SqlText.of("DELETE FROM clickhouse_collection WHERE id = ?"
            + " AND NOT EXISTS (SELECT 1 FROM clickhouse_shard WHERE collection_id = ?)");
    private static final SqlText SHARDS = SqlText.of("SELECT shard, batch_id, rows, skipped, skipped_example,"
            + " server_version, query, seconds, finished_at FROM clickhouse_shard WHERE collection_id = ?"
            + " ORDER BY shard");
    private static final SqlText RECORD_SHARD = SqlText.of("INSERT INTO clickhouse_shard (collection_id, shard,"
            + " batch_id, server_version, query, rows, skipped, skipped_example, seconds, finished_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    private static final SqlText TOUCH = SqlText.of("UPDATE clickhouse_collection SET updated_at = ?, last_error = ?,"
            + " password_variable = coalesce(?, password_variable) WHERE id = ?");
    private static final SqlText QUERIES = SqlText.of("SELECT s.batch_id, c.server_url, s.server_version,"
            + " c.database_name, c.table_name, c.window_from, c.window_to, s.shard, c.shards, s.query"
            + " FROM clickhouse_shard s JOIN clickhouse_collection c ON c.id = s.collection_id");

    private ClickHouseCollections() {
    }

    /** Records a new collection and returns its id; nothing is stored until its first shard. */
    public static long create(Connection connection, ClickHouseRequest request, String now) throws SQLException {
        return Sql.insert(connection, INSERT, request.serverUrl(), request.user(), request.passwordVariable(),
                request.database(), request.table(), request.from().toString(), request.to().toString(),
                request.shards(), now, now);
    }

    /** Forgets a collection that never stored a shard (its first query failed): it leaves nothing behind. */
    public static void removeIfEmpty(Connection connection, long id) throws SQLException {
        Sql.update(connection, REMOVE_EMPTY, id, id);
    }

    /** The newest collection that runs the same queries on the same server, if any. */
    public static Optional<ClickHouseCollection> findSame(Project project, ClickHouseRequest request) {
        return list(project).stream().filter(collection -> collection.request().sameQueries(request)).findFirst();
    }

    /** Every collection, newest first. */
    public static List<ClickHouseCollection> list(Project project) {
        return project.read(connection -> Sql.list(connection, SUMMARY.append(SqlText.of(" ORDER BY c.id DESC")),
                ClickHouseCollections::summary));
    }

    public static ClickHouseCollection find(Project project, long id) {
        return project.read(connection -> read(connection, id));
    }

    public static ClickHouseCollection read(Connection connection, long id) throws SQLException {
        List<ClickHouseCollection> found = Sql.list(connection, SUMMARY.append(SqlText.of(" WHERE c.id = ?")),
                ClickHouseCollections::summary, id);
        if (found.isEmpty()) {
            throw new InvalidInputException("there is no ClickHouse collection " + id + " in this project");
        }
        return found.getFirst();
    }

    /** The newest collection with shards left to store. */
    public static Optional<ClickHouseCollection> latestUnfinished(Project project) {
        return list(project).stream().filter(collection -> !collection.finished()).findFirst();
    }

    public static List<StoredShard> shards(Project project, long id) {
        return project.read(connection -> shards(connection, id));
    }

    public static List<StoredShard> shards(Connection connection, long id) throws SQLException {
        return Sql.list(connection, SHARDS, rs -> new StoredShard(rs.getInt(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getDouble(8),
                rs.getString(9)), id);
    }

    /** Opens the import batch a shard's rows go into, named after the collection and the shard. */
    public static long beginShardBatch(Connection connection, ClickHouseRequest request, int shard)
            throws SQLException {
        String source = "GH Archive on ClickHouse (" + request.serverUrl() + "): " + request.qualifiedTable() + ", "
                + request.from() + " to " + request.to() + ", shard " + (shard + 1) + " of " + request.shards();
        return CollectedRepositories.beginBatch(connection, source, BATCH_FORMAT);
    }

    /** Records a stored shard; call in the transaction that stored its rows. */
    public static void recordShard(Connection connection, long id, int shard, long batchId, String serverVersion,
                                   String sql, long rows, long skipped, String skippedExample, double seconds,
                                   String now) throws SQLException {
        Sql.update(connection, RECORD_SHARD, id, shard, batchId, serverVersion, sql, rows, skipped, skippedExample,
                seconds, now);
        touch(connection, id, null, null, now);
    }

    /**
     * Notes that the collection ran ({@code lastError} null) or why it stopped; a password variable given to a
     * resumed run replaces the recorded one.
     */
    public static void touch(Connection connection, long id, String lastError, String passwordVariable, String now)
            throws SQLException {
        Sql.update(connection, TOUCH, now, lastError, passwordVariable, id);
    }

    /** Where each shard batch's rows came from, by batch id: for the report's provenance. */
    public static Map<Long, BatchQuery> queriesByBatch(Connection connection) throws SQLException {
        Map<Long, BatchQuery> queries = new HashMap<>();
        for (Map.Entry<Long, BatchQuery> entry : Sql.list(connection, QUERIES, rs -> Map.entry(rs.getLong(1),
                new BatchQuery(rs.getString(2), rs.getString(3), rs.getString(4) + "." + rs.getString(5),
                        LocalDate.parse(rs.getString(6)), LocalDate.parse(rs.getString(7)), rs.getInt(8),
                        rs.getInt(9), rs.getString(10))))) {
            queries.put(entry.getKey(), entry.getValue());
        }
        return queries;
    }

    private static ClickHouseCollection summary(ResultSet rs) throws SQLException {
        ClickHouseRequest request = new ClickHouseRequest(rs.getString(2), rs.getString(3), rs.getString(5),
                rs.getString(6), LocalDate.parse(rs.getString(7)), LocalDate.parse(rs.getString(8)), rs.getInt(9),
                rs.getString(4));
        return new ClickHouseCollection(rs.getLong(1), request, rs.getInt(10), rs.getLong(11), rs.getString(12),
                rs.getString(13), rs.getString(14));
    }
}
