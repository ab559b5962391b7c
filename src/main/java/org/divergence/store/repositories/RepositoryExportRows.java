package org.divergence.store.repositories;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.divergence.core.repositories.CanonicalColumns;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;

/**
 * The repositories a filter selects, as an export writes them: the canonical values of each row (in
 * {@link CanonicalColumns#ALL} order, null when unknown) with its extra columns as JSON, in (platform, full_name, repo_type)
 * order, streamed; and the names of the extra columns they carry.
 */
public final class RepositoryExportRows {

    /** Receives the rows one by one. */
    @FunctionalInterface
    public interface Visitor {
        void row(Object[] canonical, String extraJson) throws IOException;
    }

    private final RepositorySql where;

    public RepositoryExportRows(RepositoryFilter filter) {
        this.where = RepositorySql.where(filter);
    }

    /** The names of the extra columns the selected repositories carry, sorted. */
    public List<String> extraColumns(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT DISTINCT j.key FROM"
                + " repository, json_each(repository.extra) j WHERE repository.extra IS NOT NULL AND ").append(
                where.condition(), SqlText.of(" ORDER BY j.key")))) {
            where.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    public long count(Connection connection) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection,
                SqlText.of("SELECT count(*) FROM repository WHERE ").append(where.condition()))) {
            where.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Hands every selected row to the visitor; the visitor's failure ends the read and is rethrown. */
    public void forEach(Connection connection, Visitor visitor) throws SQLException, IOException {
        int canonical = CanonicalColumns.ALL.size();
        try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT ").append(
                RepositorySql.CANONICAL_SELECT, SqlText.of(", extra FROM repository WHERE "), where.condition(),
                SqlText.of(" ORDER BY platform, full_name, repo_type")))) {
            where.bind(statement, 1);
            statement.setFetchSize(1000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Object[] values = new Object[canonical];
                    for (int i = 0; i < canonical; i++) {
                        values[i] = rs.getObject(i + 1);
                    }
                    visitor.row(values, rs.getString(canonical + 1));
                }
            }
        }
    }
}
