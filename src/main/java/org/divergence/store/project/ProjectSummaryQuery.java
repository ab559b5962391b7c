package org.divergence.store.project;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
                Sql.count(c, SqlText.of("SELECT count(*) FROM repository")),
                Sql.count(c, SqlText.of("SELECT count(*) FROM repository WHERE platform = 'github'")),
                Sql.count(c, SqlText.of("SELECT count(*) FROM repository WHERE platform = 'huggingface'")),
                Sql.count(c, SqlText.of("SELECT count(*) FROM import_batch")),
                Sql.count(c, SqlText.of("SELECT count(*) FROM transcript")),
                Sql.count(c, SqlText.of("SELECT count(*) FROM interview_case")),
                Sql.count(c, SqlText.of("SELECT count(*) FROM code")),
                Sql.count(c, SqlText.of("SELECT count(*) FROM coding")),
                Sql.count(c, SqlText.of("SELECT count(*) FROM coder")));
    }
}
