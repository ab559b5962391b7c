package org.divergence.store.undo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.divergence.core.common.InvalidInputException;
import org.divergence.store.project.SqlNames;
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
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA defer_foreign_keys = ON");
        }
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
        String sql = SqlNames.upsert(table.table, columns, table.key);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
                statement.setObject(i + 1, row.get(columns.get(i)));
            }
            statement.executeUpdate();
        }
    }

    private static void delete(Connection connection, RowKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM " + key.table().table + " WHERE " + key.table().whereKey())) {
            for (int i = 0; i < key.key().size(); i++) {
                statement.setObject(i + 1, key.key().get(i));
            }
            statement.executeUpdate();
        }
    }
}
