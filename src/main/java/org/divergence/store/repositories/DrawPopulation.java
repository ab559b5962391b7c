package org.divergence.store.repositories;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.repositories.RepositoryRef;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;

/** The population a sample is drawn from: the repositories a filter selects, streamed in key order. */
public final class DrawPopulation {

    private static final int NAMES_PER_QUERY = 500;

    /** Receives the repositories one by one. */
    @FunctionalInterface
    public interface Visitor {
        void member(long id, Platform platform, RepoType type, String createdAt);
    }

    private DrawPopulation() {
    }

    /** Every selected repository in key order (platform, full_name, repo_type), whatever order it was imported in. */
    public static void forEach(Connection connection, RepositoryFilter filter, Visitor visitor) throws SQLException {
        RepositorySql where = RepositorySql.where(filter);
        try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT id, platform, repo_type,"
                + " created_at FROM repository WHERE ").append(where.condition(),
                SqlText.of(" ORDER BY platform, full_name, repo_type")), where.parameters().toArray())) {
            statement.setFetchSize(1000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    visitor.member(rs.getLong(1), Platform.ofCode(rs.getString(2)).orElseThrow(),
                            RepoType.ofCode(rs.getString(3)).orElseThrow(), rs.getString(4));
                }
            }
        }
    }

    /** The references of the repositories with these row ids. */
    public static Map<Long, RepositoryRef> refs(Connection connection, long[] ids) throws SQLException {
        Map<Long, RepositoryRef> refs = new HashMap<>();
        for (int from = 0; from < ids.length; from += NAMES_PER_QUERY) {
            long[] chunk = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + NAMES_PER_QUERY));
            Sql.list(connection, SqlText.of("SELECT id, repo_type, full_name FROM repository WHERE id IN (").append(
                    SqlText.placeholders(chunk.length), SqlText.of(")")),
                    rs -> refs.put(rs.getLong(1), RepositoryRef.of(RepoType.ofCode(rs.getString(2)).orElseThrow(),
                            rs.getString(3))), Arrays.stream(chunk).boxed().toArray());
        }
        return refs;
    }
}
