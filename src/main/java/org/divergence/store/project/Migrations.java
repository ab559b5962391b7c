package org.divergence.store.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConnection;

/**
 * The project schema as an ordered list of {@code V<n>__<description>.sql} scripts. Each script runs once, in its
 * own transaction together with its {@code schema_version} row, so a crash never leaves a half-migrated file.
 */
final class Migrations {

    /** In order. A new script is appended here; a released script is never edited. */
    private static final List<String> SCRIPTS = List.of(
            "V1__initial_schema.sql",
            "V2__coding.sql",
            "V3__crawls.sql",
            "V4__tags.sql",
            "V5__evidence.sql",
            "V6__repository_key_order.sql",
            "V7__clickhouse_collections.sql");

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

    private Migrations() {
    }

    static int newestVersion() {
        return SCRIPTS.size();
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery(
                     "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'")) {
            tables.next();
            if (tables.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Applies every script newer than the file's version. The connection must not be in autocommit mode. */
    static void migrate(Connection connection, int fromVersion) throws SQLException {
        for (int index = fromVersion; index < SCRIPTS.size(); index++) {
            String script = SCRIPTS.get(index);
            Matcher matcher = NAME.matcher(script);
            if (!matcher.matches() || Integer.parseInt(matcher.group(1)) != index + 1) {
                throw new IllegalStateException("Migration " + script + " is out of order");
            }
            int version = index + 1;
            try {
                int rc = ((SQLiteConnection) connection).getDatabase()._exec(load(script));
                if (rc != 0) {
                    throw new SQLException("Migration " + script + " failed with SQLite code " + rc);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_version(version, description, applied_at) VALUES (?, ?, ?)")) {
                    insert.setInt(1, version);
                    insert.setString(2, matcher.group(2).replace('_', ' '));
                    insert.setString(3, Instant.now().toString());
                    insert.executeUpdate();
                }
                try (Statement statement = connection.createStatement()) {
                    // Mirrors the version into the file header, where ProjectFileCheck reads it without opening.
                    statement.execute("PRAGMA user_version = " + version);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static String load(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration resource " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
