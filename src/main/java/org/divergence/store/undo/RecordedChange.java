package org.divergence.store.undo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.divergence.core.common.InvalidInputException;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.undo.ChangeRecorder.RowKey;

/** The before and after states of the rows one change touched; restoring either side undoes or redoes it. */
final class RecordedChange {

    private final Map<RowKey, Map<String, Object>> before;
    private final Map<RowKey, Map<String, Object>> after;

    RecordedChange(Map<RowKey, Map<String, Object>> before, Map<RowKey, Map<String, Object>> after) {
        this.before = before;
        this.after = after;
    }

    void undo(Connection connection, String description) throws SQLException {
        restore(connection, after, before, description);
    }

    void redo(Connection connection, String description) throws SQLException {
        restore(connection, before, after, description);
    }

    /**
     * Checks that the rows are still as {@code expected} (nothing outside the history changed them), then writes
     * {@code target}: upserts first, parents before children, with foreign keys checked at commit; then deletes.
     */
    private static void restore(Connection connection, Map<RowKey, Map<String, Object>> expected,
                                Map<RowKey, Map<String, Object>> target, String description) throws SQLException {
        for (Map.Entry<RowKey, Map<String, Object>> entry : expected.entrySet()) {
            if (!Objects.equals(ChangeRecorder.read(connection, entry.getKey()), entry.getValue())) {
                throw new InvalidInputException("Cannot take back \"" + description
                        + "\": the data it changed was changed since by something outside the undo history.");
            }
        }
        Sql.execute(connection, SqlText.of("PRAGMA defer_foreign_keys = ON"));
        List<Map.Entry<RowKey, Map<String, Object>>> entries = new ArrayList<>(target.entrySet());
        entries.sort(Comparator.comparing(entry -> entry.getKey().table()));
        for (Map.Entry<RowKey, Map<String, Object>> entry : entries) {
            if (entry.getValue() != null) {
                upsert(connection, entry.getKey().table(), entry.getValue());
            }
        }
        for (Map.Entry<RowKey, Map<String, Object>> entry : entries.reversed()) {
            if (entry.getValue() == null) {
                delete(connection, entry.getKey());
            }
        }
    }

    private static void upsert(Connection connection, Tables table, Map<String, Object> row) throws SQLException {
        List<String> columns = new ArrayList<>(row.keySet());
        try (PreparedStatement statement = Sql.prepare(connection, upsert(table, columns))) {
            for (int i = 0; i < columns.size(); i++) {
                statement.setObject(i + 1, row.get(columns.get(i)));
            }
            statement.executeUpdate();
        }
    }

    /**
     * {@code INSERT INTO table (columns) VALUES (?, …) ON CONFLICT (key) DO UPDATE SET …}; the columns are those
     * the table had when the row was read, each checked to be a plain name.
     */
    private static SqlText upsert(Tables table, List<String> columns) {
        List<SqlText> updates = columns.stream().filter(column -> !table.key.contains(column))
                .map(column -> SqlText.identifier(column).append(SqlText.of(" = excluded."),
                        SqlText.identifier(column))).toList();
        return SqlText.of("INSERT INTO ").append(table.table, SqlText.of(" ("), SqlText.identifiers(columns),
                SqlText.of(") VALUES ("), SqlText.placeholders(columns.size()), SqlText.of(") ON CONFLICT ("),
                SqlText.identifiers(table.key), SqlText.of(") DO "), updates.isEmpty() ? SqlText.of("NOTHING")
                        : SqlText.of("UPDATE SET ").append(SqlText.join(SqlText.of(", "), updates)));
    }

    private static void delete(Connection connection, RowKey key) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("DELETE FROM ").append(
                key.table().table, SqlText.of(" WHERE "), key.table().whereKey()))) {
            for (int i = 0; i < key.key().size(); i++) {
                statement.setObject(i + 1, key.key().get(i));
            }
            statement.executeUpdate();
        }
    }
}
