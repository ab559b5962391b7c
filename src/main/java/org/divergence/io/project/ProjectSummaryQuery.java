package org.divergence.io.project;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.divergence.core.project.ProjectSummary;

/** Counts what a project holds, in one read snapshot. */
public final class ProjectSummaryQuery {

    private ProjectSummaryQuery() {
    }

    public static ProjectSummary of(Project project) {
        int version = project.schemaVersion();
        return project.read(c -> new ProjectSummary(
                project.name(),
                version,
                count(c, "SELECT count(*) FROM repository"),
                count(c, "SELECT count(*) FROM repository WHERE platform = 'github'"),
                count(c, "SELECT count(*) FROM repository WHERE platform = 'huggingface'"),
                count(c, "SELECT count(*) FROM import_batch"),
                count(c, "SELECT count(*) FROM transcript"),
                count(c, "SELECT count(*) FROM interview_case"),
                count(c, "SELECT count(*) FROM code"),
                count(c, "SELECT count(*) FROM coding"),
                count(c, "SELECT count(*) FROM coder")));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
