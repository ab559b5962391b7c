package org.divergence.store.repositories;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.formulas.FormulaParser;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.MetricInput;
import org.divergence.core.metrics.MetricKind;
import org.divergence.core.metrics.MetricSet;
import org.divergence.core.repositories.CanonicalColumns;
import org.divergence.core.repositories.MetricRange;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.store.expressions.FormulaSql;
import org.divergence.store.project.SqlText;

/**
 * Turns a {@link RepositoryFilter} into a WHERE clause over the {@code repository} table. The clause contains only
 * fixed column names and {@code ?} placeholders; every user value is bound as a parameter.
 */
public final class RepositorySql {

    /** The canonical columns as SQL, in file order. */
    public static final SqlText CANONICAL_SELECT = SqlText.identifiers(CanonicalColumns.ALL);
    private static final SqlText AND = SqlText.of(" AND ");

    private final SqlText where;
    private final List<Object> parameters;

    private RepositorySql(SqlText where, List<Object> parameters) {
        this.where = where;
        this.parameters = parameters;
    }

    public static RepositorySql where(RepositoryFilter filter) {
        List<SqlText> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!filter.platforms().isEmpty()) {
            conditions.add(SqlText.of("platform IN (").append(SqlText.placeholders(filter.platforms().size()),
                    SqlText.of(")")));
            filter.platforms().stream().map(Platform::code).sorted().forEach(parameters::add);
        }
        if (!filter.repoTypes().isEmpty()) {
            conditions.add(SqlText.of("repo_type IN (").append(SqlText.placeholders(filter.repoTypes().size()),
                    SqlText.of(")")));
            filter.repoTypes().stream().map(RepoType::code).sorted().forEach(parameters::add);
        }
        if (filter.createdFrom() != null) {
            conditions.add(SqlText.of("created_at >= ?"));
            parameters.add(filter.createdFrom().toString());
        }
        if (filter.createdTo() != null) {
            // Dates and instants are ISO text: everything on the last day sorts below the next day's date.
            conditions.add(SqlText.of("created_at < ?"));
            parameters.add(filter.createdTo().plusDays(1).toString());
        }
        if (filter.nameContains() != null) {
            conditions.add(SqlText.of("full_name LIKE ? ESCAPE '\\'"));
            parameters.add("%" + filter.nameContains().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        }
        if (filter.metricRange() != null) {
            MetricRange range = filter.metricRange();
            Function<List<Object>, SqlText> value = metricValue(range);
            if (range.hasLow()) {
                conditions.add(value.apply(parameters)
                        .append(range.lowInclusive() ? SqlText.of(" >= ?") : SqlText.of(" > ?")));
                parameters.add(range.low());
            }
            if (range.hasHigh()) {
                conditions.add(value.apply(parameters)
                        .append(range.highInclusive() ? SqlText.of(" <= ?") : SqlText.of(" < ?")));
                parameters.add(range.high());
            }
            if (!range.hasLow() && !range.hasHigh()) {
                conditions.add(value.apply(parameters).append(SqlText.of(" IS NOT NULL")));
            }
        }
        if (!filter.tags().isEmpty()) {
            // Tags are stored rows (by hand and by rule): see docs/tags.md.
            conditions.add(SqlText.of("EXISTS (SELECT 1 FROM repository_tag t WHERE t.repository_id = repository.id AND"
                    + " t.code_id IN (").append(SqlText.placeholders(filter.tags().size()), SqlText.of("))")));
            filter.tags().stream().map(RepositoryFilter.Tag::codeId).sorted().forEach(parameters::add);
        }
        if (!filter.withoutTags().isEmpty()) {
            conditions.add(SqlText.of("NOT EXISTS (SELECT 1 FROM repository_tag t WHERE t.repository_id = repository.id"
                    + " AND t.code_id IN (").append(SqlText.placeholders(filter.withoutTags().size()),
                    SqlText.of("))")));
            filter.withoutTags().stream().map(RepositoryFilter.Tag::codeId).sorted().forEach(parameters::add);
        }
        return new RepositorySql(conditions.isEmpty() ? SqlText.of("1 = 1") : SqlText.join(AND, conditions),
                parameters);
    }

    /**
     * The range's metric as SQL over one repository row, appending its parameters: a custom metric's compiled
     * expression, or a built-in numeric metric.
     */
    private static Function<List<Object>, SqlText> metricValue(MetricRange range) {
        if (range.expression() != null) {
            FormulaSql compiled = FormulaSql.compile(FormulaParser.parse(range.expression(), MetricKind.NUMERIC));
            return parameters -> {
                parameters.addAll(compiled.parameters());
                return compiled.value();
            };
        }
        BuiltInMetric metric = BuiltInMetric.ofKey(range.metric());
        if (metric == null || metric.kind() != MetricKind.NUMERIC) {
            throw new InvalidInputException("metric range: '" + range.metric() + "' is not a per-repository "
                    + "number; use one of " + MetricSet.keys(BuiltInMetric.numeric()));
        }
        return parameters -> sqlExpression(metric, parameters);
    }

    /**
     * A numeric metric as SQL over one repository row, NULL where the metric is unknown, computed as
     * {@link BuiltInMetric#valueOf} computes it (ratios in double precision, NULL for a zero denominator). Column names come
     * from core's enums; the platform codes of per-platform inputs are bound (appended to {@code parameters}).
     */
    private static SqlText sqlExpression(BuiltInMetric metric, List<Object> parameters) {
        return switch (metric) {
            case COMMITS_PER_CONTRIBUTOR -> ratio(input(MetricInput.COMMITS, parameters),
                    input(MetricInput.CONTRIBUTORS, parameters));
            case PR_ACCEPTANCE_RATE -> ratio(input(MetricInput.MERGED_PULL_REQUESTS, parameters),
                    input(MetricInput.PULL_REQUESTS, parameters));
            case CONTRIBUTORS -> input(MetricInput.CONTRIBUTORS, parameters);
            case COMMITS -> input(MetricInput.COMMITS, parameters);
            case PULL_REQUESTS -> input(MetricInput.PULL_REQUESTS, parameters);
            case KNOWLEDGE_THREADS -> input(MetricInput.KNOWLEDGE_THREADS, parameters);
            case DERIVATIVES -> input(MetricInput.DERIVATIVES, parameters);
            case ENDORSEMENTS -> input(MetricInput.ENDORSEMENTS, parameters);
            default -> throw new IllegalArgumentException(metric.key() + " is not a numeric metric");
        };
    }

    /** The quotient in double precision, NULL for a zero denominator. */
    private static SqlText ratio(SqlText numerator, SqlText denominator) {
        return SqlText.of("(CAST(").append(numerator, SqlText.of(" AS REAL) / NULLIF("), denominator,
                SqlText.of(", 0))"));
    }

    /** A metric input's column, or the platform's column by a CASE when the platforms differ. */
    private static SqlText input(MetricInput input, List<Object> parameters) {
        if (input.isSameOnBothPlatforms()) {
            return SqlText.identifier(input.column(Platform.GITHUB).column());
        }
        SqlText sql = SqlText.of("(CASE platform");
        for (Platform platform : Platform.values()) {
            sql = sql.append(SqlText.of(" WHEN ? THEN "), SqlText.identifier(input.column(platform).column()));
            parameters.add(platform.code());
        }
        return sql.append(SqlText.of(" END)"));
    }

    /** The condition, without the WHERE keyword; "1 = 1" when the filter takes everything. */
    public SqlText condition() {
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
}
