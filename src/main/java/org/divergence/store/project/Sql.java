package org.divergence.store.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConnection;

/**
 * The one class that hands SQL text to JDBC (ArchitectureTest's {@code onlySqlHandsTextToJdbc} checks that no other
 * class does): the text is a {@link SqlText}, which cannot hold a runtime string, and every value is bound as a
 * parameter.
 */
public final class Sql {

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    /** A statement of the text with the parameters bound; after an INSERT its generated keys can be read. */
    public static PreparedStatement prepare(Connection connection, SqlText sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.toString(), Statement.RETURN_GENERATED_KEYS);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    public static int update(Connection connection, SqlText sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** Runs an INSERT and returns the new row's id. */
    public static long insert(Connection connection, SqlText sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id returned for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    public static <T> List<T> list(Connection connection, SqlText sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rs = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rs.next()) {
                result.add(mapper.map(rs));
            }
            return result;
        }
    }

    public static long count(Connection connection, SqlText sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Timestamps in ISO-8601 UTC to the millisecond, like every time in the project file. */
    public static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Runs one statement without parameters for its effect (a PRAGMA, DDL), whether or not it answers with rows. */
    public static void execute(Connection connection, SqlText sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql.toString());
        }
    }

    /**
     * Runs a script of several statements, the schema's migrations ({@link SqlText#migration}); returns SQLite's
     * result code (0 when every statement succeeded).
     */
    static int executeScript(Connection connection, SqlText script) throws SQLException {
        return ((SQLiteConnection) connection).getDatabase()._exec(script.toString());
    }
}
