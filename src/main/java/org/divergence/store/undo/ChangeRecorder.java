package org.divergence.store.undo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;

/**
 * Records the rows a change touches, as they were before it and as they are after it, so the change can be undone
 * and redone exactly: same ids, same GUIDs, same timestamps. A change calls {@link #touch} for every row before it
 * modifies, deletes or (after) inserts it; rows deleted by cascades must be touched too.
 */
public final class ChangeRecorder {

    /** One row's identity: its table and primary key values. */
    record RowKey(Tables table, List<Object> key) {
    }

    private final Connection connection;
    private final Map<RowKey, Map<String, Object>> before = new LinkedHashMap<>();

    ChangeRecorder(Connection connection) {
        this.connection = connection;
    }

    /**
     * Remembers the row's current state (absent = null) the first time it is touched, and that of the rows deleting
     * it would cascade to where those belong to another feature ({@link Tables#cascades()}).
     */
    public void touch(Tables table, Object... key) throws SQLException {
        RowKey rowKey = new RowKey(table, normalize(key));
        if (!before.containsKey(rowKey)) {
            before.put(rowKey, read(connection, rowKey));
            for (Tables.Cascade cascade : table.cascades()) {
                touchWhere(cascade.child(), cascade.where(), key[0]);
            }
        }
    }

    /** Records a row the change has just inserted: undo deletes it, redo inserts it again as it is now. */
    public void inserted(Tables table, Object... key) {
        before.putIfAbsent(new RowKey(table, normalize(key)), null);
    }

    private static List<Object> normalize(Object... key) {
        Object[] normalized = new Object[key.length];
        for (int i = 0; i < key.length; i++) {
            normalized[i] = key[i] instanceof Integer n ? Long.valueOf(n) : key[i];
        }
        return List.of(normalized);
    }

    /** Touches every row of {@code table} matching {@code where} (a fixed SQL condition with bound parameters). */
    public void touchWhere(Tables table, SqlText where, Object... parameters) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT ").append(
                SqlText.identifiers(table.key), SqlText.of(" FROM "), table.table, SqlText.of(" WHERE "), where))) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Object[]> keys = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Object[] key = new Object[table.key.size()];
                    for (int i = 0; i < key.length; i++) {
                        key[i] = rs.getLong(i + 1);
                    }
                    keys.add(key);
                }
            }
            for (Object[] key : keys) {
                touch(table, key);
            }
        }
    }

    /** Reads the after-state of every touched row: the recorded change, ready to undo and redo. */
    RecordedChange finish() throws SQLException {
        Map<RowKey, Map<String, Object>> after = new LinkedHashMap<>();
        for (RowKey key : before.keySet()) {
            after.put(key, read(connection, key));
        }
        return new RecordedChange(before, after);
    }

    static Map<String, Object> read(Connection connection, RowKey key) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT * FROM ").append(
                key.table().table, SqlText.of(" WHERE "), key.table().whereKey()))) {
            for (int i = 0; i < key.key().size(); i++) {
                statement.setObject(i + 1, key.key().get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.put(meta.getColumnName(i), value instanceof Integer n ? Long.valueOf(n) : value);
                }
                return row;
            }
        }
    }
}
