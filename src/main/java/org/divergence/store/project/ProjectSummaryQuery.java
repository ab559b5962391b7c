package org.divergence.store.project;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.project.ProjectSummary;
import org.sqlite.SQLiteConfig;

/** Counts what a project holds, in one read snapshot. */
public final class ProjectSummaryQuery {

    private ProjectSummaryQuery() {
    }

    public static ProjectSummary of(Project project) {
        int version = project.schemaVersion();
        return project.read(c -> summarize(c, project.name(), version));
    }

    /** A summary of a project file that is not open (e.g. a backup), read without writing to it. */
    public static ProjectSummary ofFile(Path file) {
        int version = ProjectFileCheck.requireProject(file, Integer.MAX_VALUE);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties())) {
            return summarize(connection, file.getFileName().toString(), version);
        } catch (SQLException e) {
            throw new InvalidInputException(StoreException.describe(file, e), e);
        }
    }

    private static ProjectSummary summarize(Connection c, String name, int version) throws SQLException {
        return new ProjectSummary(
                name,
                version,
                count(c, "SELECT count(*) FROM repository"),
                count(c, "SELECT count(*) FROM repository WHERE platform = 'github'"),
                count(c, "SELECT count(*) FROM repository WHERE platform = 'huggingface'"),
                count(c, "SELECT count(*) FROM import_batch"),
                count(c, "SELECT count(*) FROM transcript"),
                count(c, "SELECT count(*) FROM interview_case"),
                count(c, "SELECT count(*) FROM code"),
                count(c, "SELECT count(*) FROM coding"),
                count(c, "SELECT count(*) FROM coder"));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
