package org.divergence.store.tags;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;

/**
 * Which repositories a rule is applied to: all of them, those of some import batches (what an import added or
 * updated: their rows carry the new batch id), or one repository (what live collection just stored). The
 * condition is a fixed fragment; the ids are bound.
 */
record RepositoryScope(SqlText condition, List<Object> parameters, boolean byBatch) {

    static final RepositoryScope ALL = new RepositoryScope(SqlText.of("1 = 1"), List.of(), false);
    private static final RepositoryScope MATERIALISED = new RepositoryScope(
            SqlText.of("id IN (SELECT id FROM temp.tag_scope)"), List.of(), false);

    static RepositoryScope batches(Collection<Long> batchIds) {
        if (batchIds.isEmpty()) {
            return new RepositoryScope(SqlText.of("0 = 1"), List.of(), false);
        }
        return new RepositoryScope(SqlText.of("batch_id IN (").append(SqlText.placeholders(batchIds.size()),
                SqlText.of(")")), List.copyOf(batchIds), true);
    }

    static RepositoryScope repository(long repositoryId) {
        return new RepositoryScope(SqlText.of("id = ?"), List.of(repositoryId), false);
    }

    /**
     * The same repositories, found once: batch ids are not indexed, so every rule would scan the table twice; the
     * ids are collected in one scan into a temporary table that the rules then read by row id.
     */
    RepositoryScope materialise(Connection connection) throws SQLException {
        if (!byBatch) {
            return this;
        }
        Sql.execute(connection, SqlText.of("CREATE TEMP TABLE IF NOT EXISTS tag_scope (id INTEGER PRIMARY KEY)"));
        Sql.execute(connection, SqlText.of("DELETE FROM temp.tag_scope"));
        long found;
        try (PreparedStatement fill = Sql.prepare(connection,
                SqlText.of("INSERT INTO temp.tag_scope (id) SELECT id FROM repository WHERE ").append(condition))) {
            for (int i = 0; i < parameters.size(); i++) {
                fill.setObject(i + 1, parameters.get(i));
            }
            found = fill.executeUpdate();
        }
        long all;
        try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT count(*) FROM repository"));
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            all = rs.getLong(1);
        }
        // The first import of a sample touches every repository: a plain scan is quicker than the id lookups.
        return found == all ? ALL : MATERIALISED;
    }

    /** Empties the temporary table a materialised scope used. */
    static void release(Connection connection) throws SQLException {
        Sql.execute(connection, SqlText.of("DROP TABLE IF EXISTS temp.tag_scope"));
    }
}
