package org.divergence.store.repositories;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.repositories.ImportBatch;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;

/** The import batches of a project: recorded with every import, listed for provenance, removable again. */
public final class ImportBatches {

    private static final String HISTORY_COLUMNS = "platform, repo_type, full_name, created_at, contributors, commits,"
            + " pull_requests, merged_pull_requests, issues, discussions, stars, forks, downloads, likes, derivatives,"
            + " extra";

    private ImportBatches() {
    }

    /** Records a new batch inside the caller's transaction and returns its id; counts are filled by {@link #finish}. */
    public static long begin(Connection connection, String sourceName, String sha256, String format)
            throws SQLException {
        try (PreparedStatement insert = Sql.prepare(connection,
                SqlText.of("INSERT INTO import_batch (source_name, source_sha256, format, imported_at) VALUES"
                        + " (?, ?, ?, ?)"))) {
            insert.setString(1, sourceName);
            insert.setString(2, sha256);
            insert.setString(3, format);
            insert.setString(4, Instant.now().toString());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public static void finish(Connection connection, long batchId, String sha256, long rowsRead, long added,
                              long updated, long skipped) throws SQLException {
        try (PreparedStatement update = Sql.prepare(connection,
                SqlText.of("UPDATE import_batch SET source_sha256 = coalesce(?, source_sha256), rows_read = ?, added ="
                        + " ?, updated = ?, skipped = ? WHERE id = ?"))) {
            update.setString(1, sha256);
            update.setLong(2, rowsRead);
            update.setLong(3, added);
            update.setLong(4, updated);
            update.setLong(5, skipped);
            update.setLong(6, batchId);
            update.executeUpdate();
        }
    }

    /** Records the snapshot date (or null) and how the file was read (or null) with the batch. */
    public static void describe(Connection connection, long batchId, String asOf, String note) throws SQLException {
        Sql.update(connection, SqlText.of("UPDATE import_batch SET as_of = ?, note = ? WHERE id = ?"), asOf, note,
                batchId);
    }

    /** Every batch, newest first, with how many repositories currently carry its values. */
    public static List<ImportBatch> list(Project project) {
        return project.read(connection -> {
            List<ImportBatch> batches = new ArrayList<>();
            try (PreparedStatement statement = Sql.prepare(connection,
                    SqlText.of("SELECT b.id, b.source_name, b.source_sha256, b.format, b.imported_at, b.rows_read,"
                            + " b.added, b.updated, b.skipped, (SELECT count(*) FROM repository r WHERE r.batch_id ="
                            + " b.id), b.as_of, b.note FROM import_batch b ORDER BY b.id DESC"));
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    batches.add(read(rs));
                }
            }
            return batches;
        });
    }

    /**
     * The batches the repositories a filter selects carry their values from, oldest first; the current count is
     * how many of the selected repositories each one holds.
     */
    public static List<ImportBatch> of(Connection connection, RepositoryFilter filter) throws SQLException {
        RepositorySql where = RepositorySql.where(filter);
        return Sql.list(connection, SqlText.of("SELECT b.id, b.source_name, b.source_sha256, b.format, b.imported_at,"
                + " b.rows_read, b.added, b.updated, b.skipped, s.n, b.as_of, b.note FROM import_batch b JOIN (SELECT"
                + " batch_id, count(*) AS n FROM repository WHERE ").append(where.condition(), SqlText.of(" GROUP BY batch_id) s ON"
                + " s.batch_id = b.id ORDER BY b.id")), ImportBatches::read, where.parameters().toArray());
    }

    public static Optional<ImportBatch> find(Project project, long id) {
        return list(project).stream().filter(batch -> batch.id() == id).findFirst();
    }

    private static ImportBatch read(ResultSet rs) throws SQLException {
        return new ImportBatch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Instant.parse(rs.getString(5)), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                rs.getLong(10), rs.getString(11), rs.getString(12), null);
    }

    /**
     * Removes a batch as if it had never been imported: repositories it added are deleted, repositories it
     * updated get back the version they had before, and its versions vanish from the history of later batches.
     * Returns how many repositories were deleted and how many restored.
     */
    public static long[] remove(Project project, long batchId) {
        return project.write(EnumSet.of(DataArea.REPOSITORIES, DataArea.BATCHES),
                connection -> remove(connection, batchId));
    }

    /** {@link #remove(Project, long)} inside the caller's transaction. */
    public static long[] remove(Connection connection, long batchId) throws SQLException {
        try (PreparedStatement exists = Sql.prepare(connection,
                SqlText.of("SELECT 1 FROM import_batch WHERE id = ?"))) {
            exists.setLong(1, batchId);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    throw new InvalidInputException("There is no import batch " + batchId);
                }
            }
        }
        MetricSummaries.Change summary = MetricSummaries.Change.begin(connection)
                .remove(SqlText.of("repository"), SqlText.of("batch_id = ?"), batchId);
        Sql.execute(connection,
                SqlText.of("CREATE TEMP TABLE IF NOT EXISTS restore_source (history_id INTEGER PRIMARY KEY,"
                        + " repository_id INTEGER NOT NULL UNIQUE)"));
        Sql.execute(connection, SqlText.of("DELETE FROM temp.restore_source"));
        // For each repository whose current values came from this batch, the newest earlier version.
        try (PreparedStatement sources = Sql.prepare(connection, SqlText.of("INSERT INTO temp.restore_source"
                + " (history_id, repository_id) SELECT max(h.id), h.repository_id FROM repository_history h"
                + " JOIN repository r ON r.id = h.repository_id AND r.batch_id = ?1"
                + " WHERE h.batch_id <> ?1 GROUP BY h.repository_id"))) {
            sources.setLong(1, batchId);
            sources.executeUpdate();
        }
        long restored = Sql.update(connection, SqlText.of("UPDATE repository SET (" + HISTORY_COLUMNS
                + ", batch_id) = (SELECT " + HISTORY_COLUMNS + ", batch_id FROM repository_history h WHERE h.id ="
                + " (SELECT s.history_id FROM temp.restore_source s WHERE s.repository_id = repository.id))"
                + " WHERE id IN (SELECT repository_id FROM temp.restore_source)"));
        summary.add(SqlText.of("id IN (SELECT repository_id FROM temp.restore_source)")).apply();
        long deleted;
        try (PreparedStatement delete = Sql.prepare(connection,
                SqlText.of("DELETE FROM repository WHERE batch_id = ?"))) {
            delete.setLong(1, batchId);
            deleted = delete.executeUpdate();
        }
        // The restored versions are current again; the removed batch's own versions leave the history.
        try (PreparedStatement prune = Sql.prepare(connection, SqlText.of("DELETE FROM repository_history"
                + " WHERE batch_id = ? OR id IN (SELECT history_id FROM temp.restore_source)"))) {
            prune.setLong(1, batchId);
            prune.executeUpdate();
        }
        Sql.execute(connection, SqlText.of("DELETE FROM temp.restore_source"));
        try (PreparedStatement drop = Sql.prepare(connection, SqlText.of("DELETE FROM import_batch WHERE id = ?"))) {
            drop.setLong(1, batchId);
            drop.executeUpdate();
        }
        return new long[] {deleted, restored};
    }

    /** Gives every batch one import time: for a project built as a fixed artefact (the sample project). */
    public static void setAllImportTimes(Connection connection, String importedAt) throws SQLException {
        Sql.update(connection, SqlText.of("UPDATE import_batch SET imported_at = ?"), importedAt);
    }
}
