package org.divergence.store.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            "V7__clickhouse_collections.sql",
            "V8__custom_metrics.sql",
            "V9__repository_identity.sql",
            "V10__population_samples.sql",
            "V11__metric_summary.sql",
            "V12__passage_embeddings.sql",
            "V13__content_digests.sql");

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

    private Migrations() {
    }

    static int newestVersion() {
        return SCRIPTS.size();
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection,
                SqlText.of("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'"));
             ResultSet tables = statement.executeQuery()) {
            tables.next();
            if (tables.getInt(1) == 0) {
                return 0;
            }
        }
        try (PreparedStatement statement = Sql.prepare(connection,
                SqlText.of("SELECT coalesce(max(version), 0) FROM schema_version"));
             ResultSet rs = statement.executeQuery()) {
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
                int rc = Sql.executeScript(connection, SqlText.migration(script));
                if (rc != 0) {
                    throw new SQLException("Migration " + script + " failed with SQLite code " + rc);
                }
                try (PreparedStatement insert = Sql.prepare(connection,
                        SqlText.of("INSERT INTO schema_version(version, description, applied_at) VALUES (?, ?, ?)"))) {
                    insert.setInt(1, version);
                    insert.setString(2, matcher.group(2).replace('_', ' '));
                    insert.setString(3, Instant.now().toString());
                    insert.executeUpdate();
                }
                // Mirrors the version into the file header, where ProjectFileCheck reads it without opening.
                Sql.execute(connection, SqlText.of("PRAGMA user_version = ").append(SqlText.integer(version)));
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        if (fromVersion < SCRIPTS.size()) {
            // New tables or columns get their content digests' triggers, and their digests (docs/decisions/0136).
            try {
                ContentDigests.install(connection);
                ContentDigests.settle(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
