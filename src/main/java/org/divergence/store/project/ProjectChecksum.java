package org.divergence.store.project;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.divergence.core.common.Progress;

/**
 * The SHA-256 of a project's content: every table (by name) with its column names and every row in primary-key order,
 * each value with its type. It does not depend on how SQLite laid the pages out (WAL checkpoints, VACUUM, a backup
 * copy or a migration that adds empty tables give the same checksum), only on the data; see
 * docs/decisions/0080-reproducible-reports.md. Bookkeeping that changes without the data changing is left out.
 */
public final class ProjectChecksum {

    /** When the file was migrated, and the project's own identity and creation time: not the data reported on. */
    static final Set<String> BOOKKEEPING = Set.of("schema_version", "project_meta",
            // The metric summary: derived from the repositories, which the checksum covers (docs/decisions/0135).
            "metric_summary", "metric_summary_built");

    /** Says in the report what the checksum covers. */
    public static final String SCOPE = "SHA-256 over every table's rows in key order, each value with its type "
            + "(bookkeeping tables schema_version and project_meta, and the metric summary derived from the "
            + "repositories, left out); independent of the file's page layout, so a copy or backup of the same data "
            + "gives the same checksum.";

    private static final int PROGRESS_EVERY = 1 << 16;

    private ProjectChecksum() {
    }

    public static String of(Project project, Progress progress) {
        return project.read(connection -> of(connection, progress));
    }

    public static String of(Connection connection, Progress progress) throws SQLException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        Encoder encoder = new Encoder(digest);
        long rows = 0;
        for (String table : tables(connection)) {
            try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT * FROM ").append(
                    SqlText.identifier(table), SqlText.of(" ORDER BY "), orderBy(primaryKey(connection, table))));
                 ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                int columns = meta.getColumnCount();
                boolean first = true;
                while (rs.next()) {
                    // A table counts from its first row: a migration that adds empty tables changes nothing.
                    if (first) {
                        first = false;
                        encoder.text("table");
                        encoder.text(table);
                        for (int i = 1; i <= columns; i++) {
                            encoder.text(meta.getColumnName(i));
                        }
                    }
                    encoder.tag('R');
                    for (int i = 1; i <= columns; i++) {
                        encoder.value(rs.getObject(i));
                    }
                    if (++rows % PROGRESS_EVERY == 0) {
                        progress.checkCancelled();
                        progress.update(-1, -1, "Checksumming the project (" + String.format("%,d", rows) + " rows)");
                    }
                }
            }
        }
        return HexFormat.of().formatHex(encoder.finish());
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT name FROM sqlite_schema "
                + "WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"));
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                if (!BOOKKEEPING.contains(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    /** The key columns to order by, or the rowid for a table keyed by its rowid alone. */
    private static SqlText orderBy(List<String> key) {
        return key.isEmpty() ? SqlText.of("rowid") : SqlText.identifiers(key);
    }

    /** The primary key columns in key order; empty for a table keyed by its rowid alone. */
    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement statement = Sql.prepare(connection,
                SqlText.of("SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk"))) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return columns.stream().map(column -> column[0]).toList();
    }

    /** Feeds typed, length-prefixed values to the digest through a buffer. */
    private static final class Encoder {
        private final MessageDigest digest;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

        Encoder(MessageDigest digest) {
            this.digest = digest;
        }

        void tag(char tag) {
            room(1);
            buffer.put((byte) tag);
        }

        void value(Object value) {
            switch (value) {
                case null -> tag('N');
                case Integer n -> integer(n);
                case Long n -> integer(n);
                case Double x -> {
                    tag('F');
                    room(8);
                    buffer.putDouble(x);
                }
                case byte[] bytes -> bytes('B', bytes);
                default -> bytes('T', value.toString().getBytes(StandardCharsets.UTF_8));
            }
        }

        void text(String text) {
            bytes('T', text.getBytes(StandardCharsets.UTF_8));
        }

        private void integer(long n) {
            tag('I');
            room(8);
            buffer.putLong(n);
        }

        private void bytes(char tag, byte[] bytes) {
            tag(tag);
            room(4);
            buffer.putInt(bytes.length);
            if (bytes.length > buffer.remaining()) {
                flush();
                digest.update(bytes);
            } else {
                buffer.put(bytes);
            }
        }

        private void room(int bytes) {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        private void flush() {
            digest.update(buffer.array(), 0, buffer.position());
            buffer.clear();
        }

        byte[] finish() {
            flush();
            return digest.digest();
        }
    }
}
