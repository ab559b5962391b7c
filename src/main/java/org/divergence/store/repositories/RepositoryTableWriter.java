package org.divergence.store.repositories;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.divergence.core.metrics.SummaryCells;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.store.project.ContentDigests;
import org.divergence.store.project.PartDigests;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Writes repositories of one batch into the {@code repository} table, inside the caller's transaction, keyed by
 * (platform, repo_type, full_name): a repository imported again is updated (the last import wins; the version it replaces
 * goes to repository_history through a trigger).
 *
 * <p>Into an empty table it loads in bulk: the key index is dropped, rows are appended with multi-row INSERTs,
 * and the index is rebuilt at the end (duplicates within the file are resolved first, the last one winning).
 * That is several times faster than maintaining the index row by row and is what keeps a study-sized import
 * close to the sqlite3 shell's own speed. Two more savings apply only to the bulk load, and end with it: the
 * table's CHECK constraints are not evaluated (they cost a third of the insert time, and cannot fail here: the type
 * is bound from {@link RepoType} and the platform follows from it in SQL), and SQLite's sorter may use a second
 * thread for the index.
 */
public final class RepositoryTableWriter implements AutoCloseable {

    public static final int ROWS_PER_STATEMENT = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final SqlText INSERT = SqlText.of("INSERT INTO repository (platform, repo_type, full_name,"
            + " created_at, contributors, commits, pull_requests, merged_pull_requests, issues, discussions, stars,"
            + " forks, downloads, likes, derivatives, extra, batch_id) VALUES ");
    private static final SqlText UPSERT = SqlText.of(" ON CONFLICT (full_name, platform, repo_type) DO UPDATE SET"
            + " created_at = excluded.created_at, contributors = excluded.contributors, commits ="
            + " excluded.commits, pull_requests = excluded.pull_requests, merged_pull_requests ="
            + " excluded.merged_pull_requests, issues = excluded.issues, discussions = excluded.discussions, stars ="
            + " excluded.stars, forks = excluded.forks, downloads = excluded.downloads, likes = excluded.likes,"
            + " derivatives = excluded.derivatives, extra = excluded.extra, batch_id = excluded.batch_id");
    /** As migration V9 creates it: the name first, which SQLite's sorter compares much faster than the platform. */
    private static final SqlText CREATE_KEY = SqlText.of("CREATE UNIQUE INDEX repository_key ON repository"
            + " (full_name, platform, repo_type)");
    private static final CountColumn[] COUNTS = CountColumn.values();
    private static final int ALL_COUNTS_UNKNOWN = (1 << COUNTS.length) - 1;
    /** More shapes than this in one batch (an unusual mix of unknowns) fall back to binding every count. */
    private static final int MAX_SHAPES = 16;
    private static final SqlText PLATFORM_OF_TYPE = platformOfType();
    private static final String TABLE = "repository";

    private final Connection connection;
    private final long batchId;
    private final boolean bulk;
    private final long countBefore;
    /** The newest history row before this batch: the versions it replaces are those after it. */
    private final long historyBefore;
    /**
     * The bulk load's metric summary, which the caller fills with every row it adds, on its reading thread (a scan
     * afterwards would cost a fifth of the import, and on the writing thread it would slow the load).
     */
    private final SummaryCells summary;
    private boolean summaryByCaller;
    /** The bulk load's content digests (docs/decisions/0136), filled like the summary; null when not a bulk load. */
    private final BulkDigests digests;
    private boolean digestsByCaller;
    private boolean digestsStored;
    private final SqlText conflict;
    private final Map<Shape, PreparedStatement> statements = new HashMap<>();
    private final RepositoryRow[] pending = new RepositoryRow[ROWS_PER_STATEMENT];
    private int pendingCount;
    private int pendingUnknown = ALL_COUNTS_UNKNOWN;
    private boolean pendingExtra;
    private long written;

    /** What one batch did to the table. */
    public record Outcome(long added, long updated) {
    }

    /**
     * What a multi-row INSERT binds. Fewer values are bound than stored, because every bound value is a call into
     * the native library (at study scale they are a large part of an import): the counts unknown in every one of its
     * rows are literal NULLs (a platform's files leave the same columns empty: GitHub has no downloads, Hugging Face
     * no stars), and so is extra unless some row has extra columns.
     */
    private record Shape(int unknownCounts, boolean extra) {
        static final Shape EVERY_VALUE = new Shape(0, true);

        int parametersPerRow() {
            return 3 + COUNTS.length - Integer.bitCount(unknownCounts) + (extra ? 1 : 0);
        }

        boolean binds(CountColumn count) {
            return (unknownCounts & (1 << count.ordinal())) == 0;
        }
    }

    private RepositoryTableWriter(Connection connection, long batchId, boolean bulk, long countBefore,
                                  long historyBefore) {
        this.connection = connection;
        this.batchId = batchId;
        this.bulk = bulk;
        this.countBefore = countBefore;
        this.historyBefore = historyBefore;
        this.summary = bulk ? new SummaryCells() : null;
        this.digests = bulk ? new BulkDigests(batchId) : null;
        this.conflict = bulk ? SqlText.of("") : UPSERT;
    }

    /**
     * An INSERT of {@code rows} rows of this shape, made once per statement (not per row). The batch is a literal
     * too, and the platform follows from the type in SQL.
     */
    private static SqlText insertSql(int rows, long batchId, Shape shape) {
        SqlText comma = SqlText.of(", ");
        SqlText nullValue = SqlText.of("NULL");
        SqlText batch = SqlText.integer(batchId);
        List<SqlText> tuples = new ArrayList<>(rows);
        int parameter = 1;
        for (int row = 0; row < rows; row++) {
            List<SqlText> values = new ArrayList<>();
            values.add(SqlText.of("CASE ").append(SqlText.parameter(parameter), PLATFORM_OF_TYPE));
            for (int i = 0; i < 3; i++) {
                values.add(SqlText.parameter(parameter++));
            }
            for (CountColumn count : COUNTS) {
                values.add(shape.binds(count) ? SqlText.parameter(parameter++) : nullValue);
            }
            values.add(shape.extra() ? SqlText.parameter(parameter++) : nullValue);
            values.add(batch);
            tuples.add(SqlText.of("(").append(SqlText.join(comma, values), SqlText.of(")")));
        }
        return INSERT.append(SqlText.join(SqlText.of(","), tuples));
    }

    /** Completes {@code CASE ?n}: the platform of the repository type bound as parameter n. */
    private static SqlText platformOfType() {
        SqlText cases = SqlText.of("");
        for (RepoType type : RepoType.values()) {
            cases = cases.append(SqlText.of(" WHEN "), code(type.code()), SqlText.of(" THEN "),
                    code(type.platform().code()));
        }
        return cases.append(SqlText.of(" END"));
    }

    /** A platform or type code as an SQL string literal: codes are plain identifiers, so they need no escaping. */
    private static SqlText code(String code) {
        return SqlText.of("'").append(SqlText.identifier(code), SqlText.of("'"));
    }

    /**
     * Stores one repository in its own statement, within the caller's transaction: how live collection stores each
     * repository together with the crawl's progress. Returns true when the repository is new to the project.
     */
    static boolean upsertOne(Connection connection, long batchId, RepositoryRow row) throws SQLException {
        SqlText byKey = SqlText.of("platform = ? AND full_name = ?");
        MetricSummaries.Change change = MetricSummaries.Change.begin(connection)
                .remove(SqlText.of("repository"), byKey, row.platform().code(), row.fullName());
        boolean exists;
        try (PreparedStatement find = Sql.prepare(connection,
                SqlText.of("SELECT 1 FROM repository WHERE full_name = ? AND platform = ? AND repo_type = ?"))) {
            find.setString(1, row.fullName());
            find.setString(2, row.platform().code());
            find.setString(3, row.type().code());
            try (ResultSet rs = find.executeQuery()) {
                exists = rs.next();
            }
        }
        try (PreparedStatement insert = Sql.prepare(connection,
                insertSql(1, batchId, Shape.EVERY_VALUE).append(UPSERT))) {
            bind(insert, 0, row, Shape.EVERY_VALUE);
            insert.executeUpdate();
        }
        change.add(byKey, row.platform().code(), row.fullName()).apply();
        return !exists;
    }

    /** Opens a writer for one batch; loads in bulk when the table is empty. */
    public static RepositoryTableWriter open(Connection connection, long batchId) throws SQLException {
        long count = countRows(connection);
        boolean bulk = count == 0;
        if (bulk) {
            Sql.execute(connection, SqlText.of("DROP INDEX repository_key"));
            Sql.execute(connection, SqlText.of("PRAGMA ignore_check_constraints = ON"));
            Sql.execute(connection, SqlText.of("PRAGMA threads = 2"));
            // The load computes its rows' digests itself: a trigger per row would cost a fifth of the import.
            ContentDigests.suspend(connection, TABLE);
        }
        long history = bulk ? 0 : Sql.count(connection, SqlText.of("SELECT ifnull(max(id), 0) FROM repository_history"));
        return new RepositoryTableWriter(connection, batchId, bulk, count, history);
    }

    /**
     * In a bulk load, the summary the caller then adds every row to itself before {@link #finish} (from any one
     * thread, handed over before finishing), instead of this writer adding them; null when not a bulk load (the
     * writer then summarises the batch's rows at the end).
     */
    public SummaryCells summaryFilledByCaller() {
        summaryByCaller = summary != null;
        return summary;
    }

    /**
     * In a bulk load, the content digests the caller then adds every row to itself, in the order it gives them to
     * {@link #add} (from any one thread, handed over before finishing), like {@link #summaryFilledByCaller}; null when
     * not a bulk load (the table's triggers then note what changed).
     */
    public BulkDigests digestsFilledByCaller() {
        digestsByCaller = digests != null;
        return digests;
    }

    /**
     * The digests of a bulk load's rows: they get the ids 1, 2, 3… in the order they are loaded (the table was
     * empty), and each is encoded with its values as stored, in the table's column order.
     */
    public static final class BulkDigests {
        private final PartDigests parts = new PartDigests();
        private final long batchId;

        private BulkDigests(long batchId) {
            this.batchId = batchId;
        }

        public void add(RepositoryRow row) {
            parts.row(parts.rows() + 1).text(row.platform().code()).text(row.type().code()).text(row.fullName())
                    .text(row.createdAt());
            for (CountColumn count : COUNTS) {
                long value = row.count(count);
                if (value >= 0) {
                    parts.integer(value);
                } else {
                    parts.nothing();
                }
            }
            parts.text(extraJson(row)).integer(batchId);
        }
    }

    public void add(RepositoryRow row) throws SQLException {
        if (summary != null && !summaryByCaller) {
            summary.add(row);
        }
        if (digests != null && !digestsByCaller) {
            digests.add(row);
        }

        pending[pendingCount++] = row;
        pendingUnknown &= unknownCounts(row);
        pendingExtra |= row.hasExtra();
        if (pendingCount == ROWS_PER_STATEMENT) {
            Shape shape = preparedShape(new Shape(pendingUnknown, pendingExtra));
            PreparedStatement statement = statements.get(shape);
            int perRow = shape.parametersPerRow();
            for (int i = 0; i < ROWS_PER_STATEMENT; i++) {
                bind(statement, i * perRow, pending[i], shape);
            }
            statement.executeUpdate();
            pendingCount = 0;
            pendingUnknown = ALL_COUNTS_UNKNOWN;
            pendingExtra = false;
        }
        written++;
    }

    /** Flushes what is pending, rebuilds the key in bulk mode, and says how many rows were added and updated. */
    public Outcome finish() throws SQLException {
        if (pendingCount > 0) {
            try (PreparedStatement one = Sql.prepare(connection,
                    insertSql(1, batchId, Shape.EVERY_VALUE).append(conflict))) {
                for (int i = 0; i < pendingCount; i++) {
                    bind(one, 0, pending[i], Shape.EVERY_VALUE);
                    one.executeUpdate();
                }
            }
            pendingCount = 0;
        }
        if (bulk) {
            storeDigests();
            long duplicates = rebuildKey();
            if (duplicates == 0) {
                MetricSummaries.replace(connection, summary);
            } else {
                // The file repeated repositories and only their last rows were kept: summarise what is stored.
                MetricSummaries.rebuild(connection);
            }
            return new Outcome(written - duplicates, duplicates);
        }
        // The versions this batch replaced went to the history; its rows are now the current ones.
        MetricSummaries.Change.begin(connection)
                .remove(SqlText.of("repository_history"), SqlText.of("id > ?"), historyBefore)
                .add(SqlText.of("batch_id = ?"), batchId)
                .apply();
        long added = countRows(connection) - countBefore;
        return new Outcome(added, written - added);
    }

    /**
     * Stores the bulk load's digests, when they describe the table: ids 1 to the number of rows written. Otherwise
     * (never seen) every part is recomputed from the rows before the import commits. The table's triggers are back
     * either way, so the duplicates {@link #rebuildKey} may delete are noted as changes.
     */
    private void storeDigests() throws SQLException {
        long[] ids = Sql.list(connection, SqlText.of("SELECT ifnull(min(id), 0), ifnull(max(id), 0) FROM repository"),
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}).get(0);
        long rows = digests.parts.rows();
        if (rows == written && (rows == 0 ? ids[1] == 0 : ids[0] == 1 && ids[1] == rows)) {
            ContentDigests.replace(connection, TABLE, digests.parts);
        } else {
            ContentDigests.resume(connection, TABLE);
        }
        digestsStored = true;
    }

    /**
     * This shape, or, once a batch has prepared {@link #MAX_SHAPES} of them, one that binds every count; its INSERT of
     * {@link #ROWS_PER_STATEMENT} rows is prepared on first use.
     */
    private Shape preparedShape(Shape wanted) throws SQLException {
        Shape shape = statements.size() >= MAX_SHAPES && !statements.containsKey(wanted)
                ? new Shape(0, wanted.extra()) : wanted;
        if (!statements.containsKey(shape)) {
            statements.put(shape, Sql.prepare(connection,
                    insertSql(ROWS_PER_STATEMENT, batchId, shape).append(conflict)));
        }
        return shape;
    }

    /** Closes the statements and ends the bulk load's settings, whether or not the batch was finished. */
    @Override
    public void close() throws SQLException {
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            if (bulk && !digestsStored) {
                // An unfinished load (its transaction is normally rolled back): the triggers come back all the same.
                ContentDigests.resume(connection, TABLE);
            }
        } finally {
            endBulkSettings(connection, bulk);
        }
    }

    private static void endBulkSettings(Connection connection, boolean bulk) throws SQLException {
        if (bulk) {
            Sql.execute(connection, SqlText.of("PRAGMA ignore_check_constraints = OFF"));
            Sql.execute(connection, SqlText.of("PRAGMA threads = 0"));
        }
    }

    /** Builds the key index; when the file repeated a repository, keeps its last row (highest id) and retries. */
    private long rebuildKey() throws SQLException {
        try {
            Sql.execute(connection, CREATE_KEY);
            return 0;
        } catch (SQLiteException e) {
            if (e.getResultCode() != SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    && e.getResultCode() != SQLiteErrorCode.SQLITE_CONSTRAINT) {
                throw e;
            }
        }
        // Nothing cascades here (the table was empty, so no tag refers to these rows): changes are the deletions.
        int removed = Sql.update(connection, SqlText.of("DELETE FROM repository WHERE id NOT IN"
                + " (SELECT max(id) FROM repository GROUP BY full_name, platform, repo_type)"));
        Sql.execute(connection, CREATE_KEY);
        return removed;
    }

    private static int unknownCounts(RepositoryRow row) {
        int unknown = 0;
        for (CountColumn count : COUNTS) {
            if (!row.isKnown(count)) {
                unknown |= 1 << count.ordinal();
            }
        }
        return unknown;
    }

    /** Binds one row's values from {@code offset}: the type, name and date, then what the shape binds. */
    private static void bind(PreparedStatement statement, int offset, RepositoryRow row, Shape shape)
            throws SQLException {
        int parameter = offset;
        statement.setString(++parameter, row.type().code());
        statement.setString(++parameter, row.fullName());
        statement.setString(++parameter, row.createdAt());
        for (CountColumn count : COUNTS) {
            if (shape.binds(count)) {
                long value = row.count(count);
                if (value >= 0) {
                    statement.setLong(++parameter, value);
                } else {
                    statement.setNull(++parameter, Types.INTEGER);
                }
            }
        }
        if (shape.extra()) {
            statement.setString(++parameter, extraJson(row));
        }
    }

    static String extraJson(RepositoryRow row) {
        if (row.extraJson() != null) {
            return row.extraJson();
        }
        if (row.extra().isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(row.extra());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Extra columns of " + row.fullName() + " are not serialisable", e);
        }
    }

    private static long countRows(Connection connection) throws SQLException {
        return Sql.count(connection, SqlText.of("SELECT count(*) FROM repository"));
    }
}
