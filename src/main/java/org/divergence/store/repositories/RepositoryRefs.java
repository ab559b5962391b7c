package org.divergence.store.repositories;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryRef;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;

/** Finds repositories named in text ({@link RepositoryRef}) in the project, by their key. */
public final class RepositoryRefs {

    /** A repository found: its row id and its full reference (the type filled in). */
    public record Found(long id, RepositoryRef ref) {
    }

    private RepositoryRefs() {
    }

    /**
     * The repository the reference names, or empty when the project does not hold it. An untyped Hugging Face id
     * matches the one repository of that id; when the project holds it as several types it is ambiguous (invalid
     * input naming the typed forms).
     */
    public static Optional<Found> find(Connection connection, RepositoryRef ref) throws SQLException {
        List<Found> found = ref.isTyped()
                ? Sql.list(connection, SqlText.of("SELECT id, repo_type FROM repository WHERE full_name = ? AND"
                        + " platform = ? AND repo_type = ?"), rs -> found(ref, rs.getLong(1), rs.getString(2)),
                        ref.fullName(), ref.platform().code(), ref.type().code())
                : Sql.list(connection, SqlText.of("SELECT id, repo_type FROM repository WHERE full_name = ? AND"
                        + " platform = ? ORDER BY repo_type"), rs -> found(ref, rs.getLong(1), rs.getString(2)),
                        ref.fullName(), ref.platform().code());
        if (found.size() > 1) {
            throw ref.ambiguous(found.stream().map(candidate -> candidate.ref().type()).toList());
        }
        return found.stream().findFirst();
    }

    private static Found found(RepositoryRef ref, long id, String type) {
        return new Found(id, ref.withType(RepoType.ofCode(type).orElseThrow()));
    }
}
