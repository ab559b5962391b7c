package org.divergence.io.repositories;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.divergence.core.repositories.CanonicalColumns;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;

/**
 * Turns a {@link RepositoryFilter} into a WHERE clause over the {@code repository} table. The clause contains only
 * fixed column names and {@code ?} placeholders; every user value is bound as a parameter.
 */
public final class RepositorySql {

    /** The canonical columns as SQL, in file order. */
    public static final String CANONICAL_SELECT = String.join(", ", CanonicalColumns.ALL);

    private final String where;
    private final List<Object> parameters;

    private RepositorySql(String where, List<Object> parameters) {
        this.where = where;
        this.parameters = parameters;
    }

    public static RepositorySql where(RepositoryFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!filter.platforms().isEmpty()) {
            conditions.add("platform IN (" + placeholders(filter.platforms().size()) + ")");
            filter.platforms().stream().map(Platform::code).sorted().forEach(parameters::add);
        }
        if (!filter.repoTypes().isEmpty()) {
            conditions.add("repo_type IN (" + placeholders(filter.repoTypes().size()) + ")");
            filter.repoTypes().stream().map(RepoType::code).sorted().forEach(parameters::add);
        }
        if (filter.createdFrom() != null) {
            conditions.add("created_at >= ?");
            parameters.add(filter.createdFrom().toString());
        }
        if (filter.createdTo() != null) {
            // Dates and instants are ISO text: everything on the last day sorts below the next day's date.
            conditions.add("created_at < ?");
            parameters.add(filter.createdTo().plusDays(1).toString());
        }
        if (filter.nameContains() != null) {
            conditions.add("full_name LIKE ? ESCAPE '\\'");
            parameters.add("%" + filter.nameContains().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        }
        if (!filter.tags().isEmpty()) {
            // Tags are stored rows (by hand and by rule): see docs/tags.md.
            conditions.add("EXISTS (SELECT 1 FROM repository_tag t WHERE t.repository_id = repository.id"
                    + " AND t.code_id IN (" + placeholders(filter.tags().size()) + "))");
            filter.tags().stream().map(RepositoryFilter.Tag::codeId).sorted().forEach(parameters::add);
        }
        return new RepositorySql(conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions), parameters);
    }

    /** The condition, without the WHERE keyword; "1 = 1" when the filter takes everything. */
    public String condition() {
        return where;
    }

    public List<Object> parameters() {
        return parameters;
    }

    /** Binds the filter's values from parameter index {@code first} on; returns the next free index. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
