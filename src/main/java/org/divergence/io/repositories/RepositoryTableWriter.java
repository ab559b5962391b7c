package org.divergence.io.repositories;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.RepositoryRow;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Writes repositories of one batch into the {@code repository} table, inside the caller's transaction, keyed by
 * (platform, full_name): a repository imported again is updated (the last import wins; the version it replaces
 * goes to repository_history through a trigger).
 *
 * <p>Into an empty table it loads in bulk: the key index is dropped, rows are appended with multi-row INSERTs,
 * and the index is rebuilt at the end (duplicates within the file are resolved first, the last one winning).
 * That is several times faster than maintaining the index row by row and is what keeps a study-sized import
 * close to the sqlite3 shell's own speed.
 */
final class RepositoryTableWriter {

    static final int ROWS_PER_STATEMENT = 64;
    private static final int PARAMETERS_PER_ROW = 17;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String COLUMNS = "platform, repo_type, full_name, created_at, contributors, commits,"
            + " pull_requests, merged_pull_requests, issues, discussions, stars, forks, downloads, likes, derivatives,"
            + " extra, batch_id";
    private static final String ROW_PLACEHOLDERS = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String UPSERT = " ON CONFLICT (platform, full_name) DO UPDATE SET repo_type = excluded.repo_type,"
            + " created_at = excluded.created_at, contributors = excluded.contributors, commits = excluded.commits,"
            + " pull_requests = excluded.pull_requests, merged_pull_requests = excluded.merged_pull_requests,"
            + " issues = excluded.issues, discussions = excluded.discussions, stars = excluded.stars,"
            + " forks = excluded.forks, downloads = excluded.downloads, likes = excluded.likes,"
            + " derivatives = excluded.derivatives, extra = excluded.extra, batch_id = excluded.batch_id";
    private static final String CREATE_KEY = "CREATE UNIQUE INDEX repository_key ON repository (platform, full_name)";

    private final Connection connection;
    private final long batchId;
    private final boolean bulk;
    private final long countBefore;
    private final PreparedStatement many;
    private final PreparedStatement one;
    private final RepositoryRow[] pending = new RepositoryRow[ROWS_PER_STATEMENT];
    private int pendingCount;
    private long written;

    /** What one batch did to the table. */
    record Outcome(long added, long updated) {
    }

    private RepositoryTableWriter(Connection connection, long batchId, boolean bulk, long countBefore)
            throws SQLException {
        this.connection = connection;
        this.batchId = batchId;
        this.bulk = bulk;
        this.countBefore = countBefore;
        String conflict = bulk ? "" : UPSERT;
        this.many = connection.prepareStatement("INSERT INTO repository (" + COLUMNS + ") VALUES "
                + String.join(",", java.util.Collections.nCopies(ROWS_PER_STATEMENT, ROW_PLACEHOLDERS)) + conflict);
        this.one = connection.prepareStatement("INSERT INTO repository (" + COLUMNS + ") VALUES "
                + ROW_PLACEHOLDERS + conflict);
    }

    /**
     * Stores one repository in its own statement, within the caller's transaction: how live collection stores each
     * repository together with the crawl's progress. Returns true when the repository is new to the project.
     */
    static boolean upsertOne(Connection connection, long batchId, RepositoryRow row) throws SQLException {
        boolean exists;
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT 1 FROM repository WHERE platform = ? AND full_name = ?")) {
            find.setString(1, row.platform().code());
            find.setString(2, row.fullName());
            try (ResultSet rs = find.executeQuery()) {
                exists = rs.next();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO repository (" + COLUMNS
                + ") VALUES " + ROW_PLACEHOLDERS + UPSERT)) {
            bind(insert, 0, row, batchId);
            insert.executeUpdate();
        }
        return !exists;
    }

    /** Opens a writer for one batch; loads in bulk when the table is empty. */
    static RepositoryTableWriter open(Connection connection, long batchId) throws SQLException {
        long count = countRows(connection);
        boolean bulk = count == 0;
        if (bulk) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP INDEX repository_key");
            }
        }
        return new RepositoryTableWriter(connection, batchId, bulk, count);
    }

    void add(RepositoryRow row) throws SQLException {
        pending[pendingCount++] = row;
        if (pendingCount == ROWS_PER_STATEMENT) {
            for (int i = 0; i < ROWS_PER_STATEMENT; i++) {
                bind(many, i * PARAMETERS_PER_ROW, pending[i], batchId);
            }
            many.executeUpdate();
            pendingCount = 0;
        }
        written++;
    }

    /** Flushes what is pending, rebuilds the key in bulk mode, and says how many rows were added and updated. */
    Outcome finish() throws SQLException {
        for (int i = 0; i < pendingCount; i++) {
            bind(one, 0, pending[i], batchId);
            one.executeUpdate();
        }
        pendingCount = 0;
        many.close();
        one.close();
        if (bulk) {
            long duplicates = rebuildKey();
            return new Outcome(written - duplicates, duplicates);
        }
        long added = countRows(connection) - countBefore;
        return new Outcome(added, written - added);
    }

    /** Builds the key index; when the file repeated a repository, keeps its last row (highest id) and retries. */
    private long rebuildKey() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try {
                statement.execute(CREATE_KEY);
                return 0;
            } catch (SQLiteException e) {
                if (e.getResultCode() != SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                        && e.getResultCode() != SQLiteErrorCode.SQLITE_CONSTRAINT) {
                    throw e;
                }
            }
            int removed = statement.executeUpdate("DELETE FROM repository WHERE id NOT IN"
                    + " (SELECT max(id) FROM repository GROUP BY platform, full_name)");
            statement.execute(CREATE_KEY);
            return removed;
        }
    }

    private static void bind(PreparedStatement statement, int offset, RepositoryRow row, long batchId)
            throws SQLException {
        statement.setString(offset + 1, row.platform().code());
        statement.setString(offset + 2, row.type().code());
        statement.setString(offset + 3, row.fullName());
        statement.setString(offset + 4, row.createdAt());
        CountColumn[] columns = CountColumn.values();
        for (int i = 0; i < columns.length; i++) {
            long value = row.count(columns[i]);
            if (value >= 0) {
                statement.setLong(offset + 5 + i, value);
            } else {
                statement.setNull(offset + 5 + i, Types.INTEGER);
            }
        }
        statement.setString(offset + 16, extraJson(row));
        statement.setLong(offset + 17, batchId);
    }

    static String extraJson(RepositoryRow row) {
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
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM repository")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
