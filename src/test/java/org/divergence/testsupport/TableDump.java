package org.divergence.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The rows of a project's tables as text, read with a plain SQLite connection: to assert "unchanged" exactly. */
public final class TableDump {

    private TableDump() {
    }

    public static String of(Path project, String... tables) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + project)) {
            StringBuilder dump = new StringBuilder();
            for (String table : tables) {
                dump.append("## ").append(table).append('\n');
                for (String row : rows(connection, "SELECT * FROM " + table + " ORDER BY 1")) {
                    dump.append(row).append('\n');
                }
            }
            return dump.toString();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Repositories in a stable order without ids or batch ids: what two projects must agree on after a round trip. */
    public static List<String> repositories(Path project) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + project)) {
            return rows(connection, "SELECT platform, repo_type, full_name, created_at, contributors, commits,"
                    + " pull_requests, merged_pull_requests, issues, discussions, stars, forks, downloads, likes,"
                    + " derivatives, extra FROM repository ORDER BY platform, full_name, repo_type");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    public static List<String> rows(Path project, String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + project)) {
            return rows(connection, sql);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    public static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (i > 1) {
                        row.append('|');
                    }
                    row.append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
