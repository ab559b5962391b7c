package org.divergence.store.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.divergence.core.report.SampleDescription;
import org.divergence.core.repositories.BatchQuery;
import org.divergence.core.repositories.ImportBatch;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.store.collect.ClickHouseCollections;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.repositories.ImportBatches;
import org.divergence.store.repositories.RepositorySql;

/** What a report reads about the whole project that no feature's store offers: the sample it describes. */
public final class ReportQueries {

    private ReportQueries() {
    }

    /** Repositories per platform and type (all, and under the filter), batches oldest first, interview counts. */
    public static SampleDescription describe(Project project, RepositoryFilter filter) {
        RepositorySql where = RepositorySql.where(filter);
        return project.read(connection -> {
            Map<RepoType, long[]> counts = new EnumMap<>(RepoType.class);
            for (RepoType type : RepoType.values()) {
                counts.put(type, new long[2]);
            }
            try (PreparedStatement statement = Sql.prepare(connection,
                    SqlText.of("SELECT repo_type, count(*), sum(CASE WHEN ").append(where.condition(),
                            SqlText.of(" THEN 1 ELSE 0 END) FROM repository GROUP BY repo_type")))) {
                where.bind(statement, 1);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        RepoType type = RepoType.ofCode(rs.getString(1)).orElse(null);
                        if (type != null) {
                            counts.get(type)[0] = rs.getLong(2);
                            counts.get(type)[1] = rs.getLong(3);
                        }
                    }
                }
            }
            List<SampleDescription.TypeCount> rows = new ArrayList<>();
            for (Platform platform : Platform.values()) {
                for (RepoType type : RepoType.values()) {
                    if (type.platform() == platform) {
                        rows.add(new SampleDescription.TypeCount(platform, type, counts.get(type)[0],
                                counts.get(type)[1]));
                    }
                }
            }
            SampleDescription.Interviews interviews = new SampleDescription.Interviews(
                    Sql.count(connection, SqlText.of("SELECT count(*) FROM transcript")),
                    Sql.count(connection, SqlText.of("SELECT count(*) FROM interview_case")),
                    coderNames(connection),
                    Sql.count(connection, SqlText.of("SELECT count(*) FROM code")),
                    Sql.count(connection, SqlText.of("SELECT count(*) FROM coding")));
            return new SampleDescription(List.copyOf(rows), List.of(), interviews);
        }).withBatches(batches(project));
    }

    /** Oldest first; a batch a database server computed carries its query (server, version, window, SQL). */
    private static List<ImportBatch> batches(Project project) {
        Map<Long, BatchQuery> queries = project.read(ClickHouseCollections::queriesByBatch);
        List<ImportBatch> batches = new ArrayList<>();
        for (ImportBatch batch : ImportBatches.list(project)) {
            BatchQuery query = queries.get(batch.id());
            batches.add(query == null ? batch : batch.withQuery(query));
        }
        batches.sort(Comparator.comparingLong(ImportBatch::id));
        return List.copyOf(batches);
    }

    /** Coders with at least one coding, by name: who the codebook's columns are for. */
    public static List<String> coderNames(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT c.name FROM coder c WHERE EXISTS "
                + "(SELECT 1 FROM coding g WHERE g.coder_id = c.id) ORDER BY c.name COLLATE NOCASE, c.name"));
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return List.copyOf(names);
    }
}
