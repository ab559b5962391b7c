package org.divergence.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.MetricSummaries;

/**
 * Fills test projects with repositories in the study's canonical columns (not an importer: no validation, no
 * history; test data only). Rows are arrays in {@link #COLUMNS} order, null = NULL.
 */
public final class RepositorySamples {

    public static final List<String> COLUMNS = List.of("platform", "repo_type", "full_name", "created_at",
            "contributors", "commits", "pull_requests", "merged_pull_requests", "issues", "discussions", "stars",
            "forks", "downloads", "likes", "derivatives");

    private RepositorySamples() {
    }

    /** Creates a project at {@code file} holding the canonical CSV resource (header line, empty cell = NULL). */
    public static Project projectFromResource(Path file, String resource) {
        Project project = Project.create(file);
        insert(project, readCsv(resource));
        return project;
    }

    public static List<Object[]> readCsv(String resource) {
        try (InputStream in = RepositorySamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = Arrays.asList(reader.readLine().split(","));
            if (!header.equals(COLUMNS)) {
                throw new IllegalArgumentException(resource + ": not the canonical columns: " + header);
            }
            List<Object[]> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",", -1);
                Object[] row = new Object[COLUMNS.size()];
                for (int i = 0; i < cells.length; i++) {
                    row[i] = cells[i].isEmpty() ? null : i < 4 ? cells[i] : (Object) Long.parseLong(cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts the rows (one transaction), after an import batch they all belong to. */
    public static void insert(Project project, List<Object[]> rows) {
        insert(project, rows, 1);
    }

    /** Inserts the rows with ids first, first + step, …: sparse ids exercise the reader's id-range partitions. */
    public static void insert(Project project, List<Object[]> rows, long idStep) {
        project.write(EnumSet.of(DataArea.REPOSITORIES, DataArea.BATCHES), c -> {
            long batch;
            try (PreparedStatement statement = c.prepareStatement("INSERT INTO import_batch(source_name, format, "
                    + "imported_at) VALUES ('test sample', 'csv', '2026-01-01T00:00:00Z')")) {
                statement.executeUpdate();
            }
            try (var rs = c.createStatement().executeQuery("SELECT max(id) FROM import_batch")) {
                rs.next();
                batch = rs.getLong(1);
            }
            long nextId;
            try (var rs = c.createStatement().executeQuery("SELECT ifnull(max(id), 0) FROM repository")) {
                rs.next();
                nextId = rs.getLong(1) + idStep;
            }
            String sql = "INSERT INTO repository(id, " + String.join(", ", COLUMNS) + ", batch_id) VALUES (?"
                    + ", ?".repeat(COLUMNS.size()) + ", ?)";
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    statement.setLong(1, nextId);
                    nextId += idStep;
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        Object value = i < row.length ? row[i] : null;
                        if (value == null && i == 2) {
                            value = "sample/" + nextId;
                        }
                        if (value == null) {
                            statement.setNull(i + 2, i < 4 ? Types.VARCHAR : Types.INTEGER);
                        } else {
                            statement.setObject(i + 2, value);
                        }
                    }
                    statement.setLong(COLUMNS.size() + 2, batch);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            // Rows written behind the importer's back: the first comparison summarises them again.
            MetricSummaries.forget(c);
            return null;
        });
    }

    /** A row: platform, repo_type, created_at, then the eleven counts in canonical order (null = NULL). */
    public static Object[] row(String platform, String repoType, String createdAt, Long... counts) {
        Object[] row = new Object[COLUMNS.size()];
        row[0] = platform;
        row[1] = repoType;
        row[3] = createdAt;
        for (int i = 0; i < counts.length; i++) {
            row[4 + i] = counts[i];
        }
        return row;
    }
}
