package org.divergence.store.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stored digests of the project's content (docs/decisions/0136): every content table's rows are cut into parts
 * by their key, and table {@code content_digest} holds each part's row count and the SHA-256 of its rows in key
 * order, so the report's content checksum ({@link ProjectChecksum}) combines a few thousand digests instead of
 * reading millions of rows.
 *
 * <p>Nothing that writes has to know: triggers on every content table note the parts a change touches in
 * {@code content_dirty} (whichever code, cascade or trigger wrote), and {@link #settle} recomputes them from the rows
 * before every write of the app commits ({@link Project}). A bulk load that computed its parts' digests itself
 * ({@link PartDigests}) stores them with {@link #replace} instead. The checksum recomputes any part still noted, so
 * it never trusts a stale digest; {@link #check} compares every stored digest with the rows.
 */
public final class ContentDigests {

    /** A rowid table's part holds 1,024 consecutive ids; a table without rowid's 1,024 values of its second key. */
    static final int PART_BITS = 10;

    /**
     * Not content: when the file was migrated, the project's own identity and creation time, the metric summary
     * (derived from the repositories, docs/decisions/0135) and these digests themselves.
     */
    static final Set<String> BOOKKEEPING = Set.of("schema_version", "project_meta", "metric_summary",
            "metric_summary_built", "content_digest", "content_dirty", "content_table");

    private static final SqlText NEW = SqlText.of("new.");
    private static final SqlText OLD = SqlText.of("old.");
    private static final SqlText NONE = SqlText.of("");

    private ContentDigests() {
    }

    /** How a table's rows are cut into parts: by its rowid alias, by its first two key columns, or not at all. */
    enum Kind { ROWID_ALIAS, WITHOUT_ROWID, WHOLE }

    /** A table's columns (in order), key columns (in key order) and how it is cut into parts. */
    record Layout(String table, List<String> columns, List<String> key, Kind kind) {

        /** What the stored digests were computed over; when it changes, they are all recomputed. */
        String signature() {
            return kind + " " + String.join(",", key) + " " + String.join(",", columns);
        }

        /** The first part number of the row, as an SQL expression over {@code row} ("new.", "old." or none). */
        SqlText partA(SqlText row) {
            return switch (kind) {
                case ROWID_ALIAS -> SqlText.of("(").append(row, SqlText.identifier(key.get(0)), SqlText.of(" >> "),
                        SqlText.integer(PART_BITS), SqlText.of(")"));
                case WITHOUT_ROWID -> row.append(SqlText.identifier(key.get(0)));
                case WHOLE -> SqlText.of("0");
            };
        }

        /** The second part number: a block of the second key column's integers (any other value: -1). */
        SqlText partB(SqlText row) {
            if (kind != Kind.WITHOUT_ROWID) {
                return SqlText.of("0");
            }
            SqlText second = row.append(SqlText.identifier(key.get(1)));
            return SqlText.of("(CASE WHEN typeof(").append(second, SqlText.of(") = 'integer' THEN "), second,
                    SqlText.of(" >> "), SqlText.integer(PART_BITS), SqlText.of(" ELSE -1 END)"));
        }

        /** The rows of one part in key order; parameters from {@link #bind}. */
        SqlText partRows() {
            SqlText select = SqlText.of("SELECT * FROM ").append(SqlText.identifier(table));
            SqlText order = SqlText.of(" ORDER BY ").append(key.isEmpty() ? SqlText.of("rowid")
                    : SqlText.identifiers(key));
            return switch (kind) {
                case ROWID_ALIAS -> select.append(SqlText.of(" WHERE "), SqlText.identifier(key.get(0)),
                        SqlText.of(" BETWEEN ? AND ?"), order);
                case WITHOUT_ROWID -> select.append(SqlText.of(" WHERE "), SqlText.identifier(key.get(0)),
                        SqlText.of(" = ? AND "), partB(NONE), SqlText.of(" = ?"), order);
                case WHOLE -> select.append(order);
            };
        }

        void bind(PreparedStatement statement, Object partA, Object partB) throws SQLException {
            switch (kind) {
                case ROWID_ALIAS -> {
                    long first = ((Number) partA).longValue() << PART_BITS;
                    statement.setLong(1, first);
                    statement.setLong(2, first + (1L << PART_BITS) - 1);
                }
                case WITHOUT_ROWID -> {
                    statement.setObject(1, partA);
                    statement.setObject(2, partB);
                }
                case WHOLE -> {
                }
            }
        }

        private SqlText quotedName() {
            return SqlText.of("'").append(SqlText.identifier(table), SqlText.of("'"));
        }

        private SqlText trigger(String event) {
            return SqlText.identifier("content_" + table + "_" + event);
        }

        private SqlText note(SqlText row) {
            // An upsert clause, not INSERT OR IGNORE: the statement that fires a trigger imposes its own conflict
            // policy on OR clauses inside it (an upsert of the repository table would then fail on a noted part).
            return SqlText.of(" INSERT INTO content_dirty (table_name, part_a, part_b) VALUES (").append(
                    quotedName(), SqlText.of(", "), partA(row), SqlText.of(", "), partB(row),
                    SqlText.of(") ON CONFLICT DO NOTHING;"));
        }

        /** The three triggers that note the parts every insert, update and delete touches. */
        List<SqlText> triggers() {
            SqlText on = SqlText.identifier(table);
            return List.of(
                    SqlText.of("CREATE TRIGGER IF NOT EXISTS ").append(trigger("insert"), SqlText.of(" AFTER INSERT ON "),
                            on, SqlText.of(" BEGIN"), note(NEW), SqlText.of(" END")),
                    SqlText.of("CREATE TRIGGER IF NOT EXISTS ").append(trigger("update"), SqlText.of(" AFTER UPDATE ON "),
                            on, SqlText.of(" BEGIN"), note(OLD), note(NEW), SqlText.of(" END")),
                    SqlText.of("CREATE TRIGGER IF NOT EXISTS ").append(trigger("delete"), SqlText.of(" AFTER DELETE ON "),
                            on, SqlText.of(" BEGIN"), note(OLD), SqlText.of(" END")));
        }

        List<SqlText> dropTriggers() {
            return List.of("insert", "update", "delete").stream()
                    .map(event -> SqlText.of("DROP TRIGGER IF EXISTS ").append(trigger(event))).toList();
        }
    }

    /** One part's number, row count and digest. */
    record Part(Object partA, Object partB, long rows, byte[] sha256) {
        @Override
        public String toString() {
            return "(" + partA + ", " + partB + "): " + rows + " rows, " + HexFormat.of().formatHex(sha256);
        }
    }

    /** The content tables, by name. */
    static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        for (String name : Sql.list(connection, SqlText.of("SELECT name FROM sqlite_schema WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"), rs -> rs.getString(1))) {
            if (!BOOKKEEPING.contains(name)) {
                tables.add(name);
            }
        }
        return tables;
    }

    static Layout layout(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        Map<Integer, String> keyByPosition = new java.util.TreeMap<>();
        String firstKeyType = null;
        try (PreparedStatement statement = Sql.prepare(connection,
                SqlText.of("SELECT name, pk, upper(type) FROM pragma_table_info(?) ORDER BY cid"), table);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                columns.add(rs.getString(1));
                if (rs.getInt(2) > 0) {
                    keyByPosition.put(rs.getInt(2), rs.getString(1));
                    if (rs.getInt(2) == 1) {
                        firstKeyType = rs.getString(3);
                    }
                }
            }
        }
        List<String> key = List.copyOf(keyByPosition.values());
        boolean withoutRowid = Sql.count(connection, SqlText.of("SELECT wr FROM pragma_table_list(?)"
                + " WHERE schema = 'main'"), table) == 1;
        Kind kind;
        if (withoutRowid) {
            kind = key.size() >= 2 ? Kind.WITHOUT_ROWID : Kind.WHOLE;
        } else {
            kind = key.size() == 1 && "INTEGER".equals(firstKeyType) ? Kind.ROWID_ALIAS : Kind.WHOLE;
        }
        return new Layout(table, List.copyOf(columns), key, kind);
    }

    /**
     * Makes the triggers of every content table and recomputes the digests of a table whose columns changed or that
     * had none (after a migration; the first time, every table's). Called where the schema may have changed.
     */
    static void install(Connection connection) throws SQLException {
        List<String> tables = tables(connection);
        Map<String, String> kept = keptSignatures(connection);
        for (String table : tables) {
            Layout layout = layout(connection, table);
            if (!layout.signature().equals(kept.get(table))) {
                for (SqlText drop : layout.dropTriggers()) {
                    Sql.execute(connection, drop);
                }
                Sql.update(connection, SqlText.of("DELETE FROM content_digest WHERE table_name = ?"), table);
                Sql.update(connection, SqlText.of("DELETE FROM content_dirty WHERE table_name = ?"), table);
                noteEveryPart(connection, layout);
                Sql.update(connection, SqlText.of("INSERT INTO content_table (table_name, columns) VALUES (?, ?)"
                        + " ON CONFLICT (table_name) DO UPDATE SET columns = excluded.columns"), table,
                        layout.signature());
            }
            for (SqlText trigger : layout.triggers()) {
                Sql.execute(connection, trigger);
            }
        }
        for (String gone : kept.keySet()) {
            if (!tables.contains(gone)) {
                for (SqlText forget : List.of(SqlText.of("DELETE FROM content_table WHERE table_name = ?"),
                        SqlText.of("DELETE FROM content_digest WHERE table_name = ?"),
                        SqlText.of("DELETE FROM content_dirty WHERE table_name = ?"))) {
                    Sql.update(connection, forget, gone);
                }
            }
        }
    }

    private static Map<String, String> keptSignatures(Connection connection) throws SQLException {
        Map<String, String> kept = new HashMap<>();
        for (String[] row : Sql.list(connection, SqlText.of("SELECT table_name, columns FROM content_table"),
                rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            kept.put(row[0], row[1]);
        }
        return kept;
    }

    private static void noteEveryPart(Connection connection, Layout layout) throws SQLException {
        Sql.update(connection, SqlText.of("INSERT OR IGNORE INTO content_dirty (table_name, part_a, part_b)"
                + " SELECT DISTINCT ").append(layout.quotedName(), SqlText.of(", "), layout.partA(NONE),
                SqlText.of(", "), layout.partB(NONE), SqlText.of(" FROM "), SqlText.identifier(layout.table())));
    }

    /** Recomputes every noted part from its rows; called before a write of the app commits. */
    static void settle(Connection connection) throws SQLException {
        List<Object[]> dirty = Sql.list(connection, SqlText.of("SELECT table_name, part_a, part_b FROM content_dirty"
                + " ORDER BY table_name, part_a, part_b"), rs -> new Object[] {rs.getString(1), rs.getObject(2),
                rs.getObject(3)});
        if (dirty.isEmpty()) {
            return;
        }
        Map<String, Layout> layouts = new HashMap<>();
        Map<String, PreparedStatement> reads = new HashMap<>();
        try (PreparedStatement upsert = Sql.prepare(connection, SqlText.of("INSERT INTO content_digest (table_name,"
                + " part_a, part_b, rows, sha256) VALUES (?, ?, ?, ?, ?) ON CONFLICT (table_name, part_a, part_b)"
                + " DO UPDATE SET rows = excluded.rows, sha256 = excluded.sha256"));
             PreparedStatement delete = Sql.prepare(connection, SqlText.of("DELETE FROM content_digest"
                     + " WHERE table_name = ? AND part_a = ? AND part_b = ?"))) {
            List<String> tables = tables(connection);
            for (Object[] noted : dirty) {
                String table = (String) noted[0];
                Part part = null;
                if (tables.contains(table)) {
                    Layout layout = layouts.get(table);
                    if (layout == null) {
                        layout = layout(connection, table);
                        layouts.put(table, layout);
                        reads.put(table, Sql.prepare(connection, layout.partRows()));
                    }
                    part = compute(reads.get(table), layout, noted[1], noted[2]);
                }
                if (part == null) {
                    bindPart(delete, table, noted[1], noted[2]);
                    delete.executeUpdate();
                } else {
                    bindPart(upsert, table, noted[1], noted[2]);
                    upsert.setLong(4, part.rows());
                    upsert.setBytes(5, part.sha256());
                    upsert.executeUpdate();
                }
            }
        } finally {
            for (PreparedStatement read : reads.values()) {
                read.close();
            }
        }
        Sql.execute(connection, SqlText.of("DELETE FROM content_dirty"));
    }

    private static void bindPart(PreparedStatement statement, String table, Object partA, Object partB)
            throws SQLException {
        statement.setString(1, table);
        statement.setObject(2, partA);
        statement.setObject(3, partB);
    }

    /** One part's digest from its rows, or null when it has none. */
    private static Part compute(PreparedStatement read, Layout layout, Object partA, Object partB)
            throws SQLException {
        layout.bind(read, partA, partB);
        ContentEncoder encoder = new ContentEncoder();
        long rows = 0;
        try (ResultSet rs = read.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                encoder.tag('R');
                for (int i = 1; i <= columns; i++) {
                    encoder.value(rs.getObject(i));
                }
                rows++;
            }
        }
        return rows == 0 ? null : new Part(partA, partB, rows, encoder.finish());
    }

    /**
     * The parts of a table in order, each with its digest: the stored ones, recomputed where noted as changed; all
     * recomputed from the rows when the table's digests are not kept (its columns changed since, or it is new) or
     * when told not to use them.
     */
    static List<Part> parts(Connection connection, Layout layout, boolean useStored) throws SQLException {
        boolean kept = useStored && layout.signature().equals(Sql.list(connection, SqlText.of("SELECT columns FROM content_table"
                + " WHERE table_name = ?"), rs -> rs.getString(1), layout.table()).stream().findFirst().orElse(null));
        List<Part> parts = new ArrayList<>();
        try (PreparedStatement read = Sql.prepare(connection, layout.partRows())) {
            if (!kept) {
                for (Object[] number : everyPart(connection, layout)) {
                    addComputed(parts, read, layout, number[0], number[1]);
                }
                return parts;
            }
            try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT p.part_a, p.part_b,"
                    + " d.rows, d.sha256, EXISTS (SELECT 1 FROM content_dirty x WHERE x.table_name = ?1"
                    + " AND x.part_a = p.part_a AND x.part_b = p.part_b) FROM (SELECT part_a, part_b FROM"
                    + " content_digest WHERE table_name = ?1 UNION SELECT part_a, part_b FROM content_dirty"
                    + " WHERE table_name = ?1) p LEFT JOIN content_digest d ON d.table_name = ?1"
                    + " AND d.part_a = p.part_a AND d.part_b = p.part_b ORDER BY p.part_a, p.part_b"),
                    layout.table());
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(5)) {
                        addComputed(parts, read, layout, rs.getObject(1), rs.getObject(2));
                    } else {
                        parts.add(new Part(rs.getObject(1), rs.getObject(2), rs.getLong(3), rs.getBytes(4)));
                    }
                }
            }
        }
        return parts;
    }

    private static void addComputed(List<Part> parts, PreparedStatement read, Layout layout, Object partA,
                                    Object partB) throws SQLException {
        Part part = compute(read, layout, partA, partB);
        if (part != null) {
            parts.add(part);
        }
    }

    private static List<Object[]> everyPart(Connection connection, Layout layout) throws SQLException {
        return Sql.list(connection, SqlText.of("SELECT DISTINCT ").append(layout.partA(NONE), SqlText.of(", "),
                layout.partB(NONE), SqlText.of(" FROM "), SqlText.identifier(layout.table()),
                SqlText.of(" ORDER BY 1, 2")), rs -> new Object[] {rs.getObject(1), rs.getObject(2)});
    }

    /** A part's number as a map key: whole numbers as Long, whichever width JDBC returned. */
    private static List<Object> partKey(Object partA, Object partB) {
        return List.of(partA instanceof Integer n ? Long.valueOf(n) : partA,
                partB instanceof Integer n ? Long.valueOf(n) : partB);
    }

    /**
     * Stops noting the changes of a table, for a bulk load into it that computes its parts' digests itself; the
     * load then stores them with {@link #replace}, in the same transaction.
     */
    public static void suspend(Connection connection, String table) throws SQLException {
        for (SqlText drop : layout(connection, table).dropTriggers()) {
            Sql.execute(connection, drop);
        }
    }

    /**
     * Notes a table's changes again after {@link #suspend} without digests of its own: every part of it is
     * recomputed from the rows before the write commits.
     */
    public static void resume(Connection connection, String table) throws SQLException {
        Layout layout = layout(connection, table);
        Sql.update(connection, SqlText.of("DELETE FROM content_dirty WHERE table_name = ?"), table);
        Sql.update(connection, SqlText.of("DELETE FROM content_digest WHERE table_name = ?"), table);
        noteEveryPart(connection, layout);
        for (SqlText trigger : layout.triggers()) {
            Sql.execute(connection, trigger);
        }
    }

    /**
     * Replaces every digest of a table with these (computed by the code that wrote all of its rows, in order) and
     * notes its changes again.
     */
    public static void replace(Connection connection, String table, PartDigests digests) throws SQLException {
        Layout layout = layout(connection, table);
        if (layout.kind() != Kind.ROWID_ALIAS) {
            throw new IllegalArgumentException(table + " is not cut into parts by its ids");
        }
        Sql.update(connection, SqlText.of("DELETE FROM content_digest WHERE table_name = ?"), table);
        Sql.update(connection, SqlText.of("DELETE FROM content_dirty WHERE table_name = ?"), table);
        try (PreparedStatement insert = Sql.prepare(connection, SqlText.of("INSERT INTO content_digest (table_name,"
                + " part_a, part_b, rows, sha256) VALUES (?, ?, 0, ?, ?)"))) {
            for (Part part : digests.finish()) {
                insert.setString(1, table);
                insert.setObject(2, part.partA());
                insert.setLong(3, part.rows());
                insert.setBytes(4, part.sha256());
                insert.executeUpdate();
            }
        }
        for (SqlText trigger : layout.triggers()) {
            Sql.execute(connection, trigger);
        }
    }

    /**
     * Stored digests that differ from the rows (empty when they agree): part of the project's integrity check. Parts
     * noted as changed and not yet recomputed are recomputed by whoever reads them and are not differences.
     */
    public static List<String> check(Connection connection) throws SQLException {
        List<String> differences = new ArrayList<>();
        Map<String, String> kept = keptSignatures(connection);
        for (String table : tables(connection)) {
            Layout layout = layout(connection, table);
            if (!layout.signature().equals(kept.get(table))) {
                differences.add(table + ": its digests are not kept (" + (kept.containsKey(table)
                        ? "computed over other columns" : "none") + ")");
                continue;
            }
            Set<String> triggers = Set.copyOf(Sql.list(connection, SqlText.of("SELECT name FROM sqlite_schema"
                    + " WHERE type = 'trigger' AND tbl_name = ?"), rs -> rs.getString(1), table));
            for (String event : List.of("insert", "update", "delete")) {
                if (!triggers.contains("content_" + table + "_" + event)) {
                    differences.add(table + ": no trigger notes its changes on " + event);
                }
            }
            Map<List<Object>, Part> stored = new HashMap<>();
            for (Part part : Sql.list(connection, SqlText.of("SELECT part_a, part_b, rows, sha256 FROM content_digest"
                    + " WHERE table_name = ? AND NOT EXISTS (SELECT 1 FROM content_dirty x WHERE x.table_name ="
                    + " content_digest.table_name AND x.part_a = content_digest.part_a AND x.part_b ="
                    + " content_digest.part_b)"), rs -> new Part(rs.getObject(1), rs.getObject(2), rs.getLong(3),
                    rs.getBytes(4)), table)) {
                stored.put(partKey(part.partA(), part.partB()), part);
            }
            Set<List<Object>> noted = Set.copyOf(Sql.list(connection, SqlText.of("SELECT part_a, part_b FROM"
                    + " content_dirty WHERE table_name = ?"), rs -> partKey(rs.getObject(1), rs.getObject(2)), table));
            long rowsInParts = 0;
            try (PreparedStatement read = Sql.prepare(connection, layout.partRows())) {
                for (Object[] number : everyPart(connection, layout)) {
                    List<Object> key = partKey(number[0], number[1]);
                    Part rows = compute(read, layout, number[0], number[1]);
                    rowsInParts += rows.rows();
                    Part have = stored.remove(key);
                    if (noted.contains(key)) {
                        continue;
                    }
                    if (have == null) {
                        differences.add(table + " part " + key + ": no digest stored, rows give " + rows);
                    } else if (have.rows() != rows.rows() || !Arrays.equals(have.sha256(), rows.sha256())) {
                        differences.add(table + " part " + key + ": stored " + have + ", rows give " + rows);
                    }
                }
            }
            for (Part extra : stored.values()) {
                differences.add(table + " part (" + extra.partA() + ", " + extra.partB() + "): stored " + extra
                        + ", but it has no rows");
            }
            long rowCount = Sql.count(connection, SqlText.of("SELECT count(*) FROM ").append(
                    SqlText.identifier(table)));
            if (rowCount != rowsInParts) {
                differences.add(table + ": " + rowCount + " rows, " + rowsInParts + " of them in parts");
            }
        }
        return differences;
    }
}
