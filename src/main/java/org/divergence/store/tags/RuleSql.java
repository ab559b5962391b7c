package org.divergence.store.tags;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.divergence.core.tags.RuleColumn;
import org.divergence.core.tags.RuleExpression;
import org.divergence.core.tags.RuleField;
import org.divergence.core.tags.RuleOperator;
import org.divergence.core.tags.RuleValue;
import org.divergence.store.project.Sql;

/**
 * A tag rule as an SQL condition over the {@code repository} table. The condition is built only from fixed
 * fragments: column names from {@link RuleColumn}, operators from {@link RuleOperator}, keywords and {@code ?}
 * placeholders. Every value of the rule — texts, numbers, dates and the JSON paths of extra fields — is a bound
 * parameter, so nothing a user types can change the SQL.
 *
 * <p>Extra fields: text comparisons see JSON strings as they are, numbers and booleans as text ("12", "true");
 * number comparisons see JSON numbers, and text that is a number (CSV columns are kept as text). Values that are
 * not numbers never match a number comparison.
 */
public final class RuleSql {

    private static final String EXTRA_VALUE = "json_extract(extra, ?)";
    private static final String EXTRA_TYPE = "json_type(extra, ?)";

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    private RuleSql() {
    }

    public static RuleSql compile(RuleExpression expression) {
        RuleSql compiled = new RuleSql();
        compiled.expression(expression);
        return compiled;
    }

    /** The condition (no WHERE keyword): true, false or NULL (unknown, which never matches) per repository. */
    public String condition() {
        return sql.toString();
    }

    public List<Object> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    /** Binds the rule's values from parameter index {@code first} on; returns the next free index. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }

    private void expression(RuleExpression expression) {
        switch (expression) {
            case RuleExpression.And and -> joined(and.parts(), " AND ");
            case RuleExpression.Or or -> joined(or.parts(), " OR ");
            case RuleExpression.Not not -> {
                sql.append("(NOT ");
                expression(not.inner());
                sql.append(')');
            }
            case RuleExpression.Compare compare -> compare(compare);
            case RuleExpression.In in -> in(in);
            case RuleExpression.IsNull isNull -> {
                sql.append('(');
                if (isNull.field() instanceof RuleField.Extra extra) {
                    extraValue(extra);
                } else {
                    sql.append(column(isNull.field()).column());
                }
                sql.append(isNull.negated() ? " IS NOT NULL)" : " IS NULL)");
            }
            case RuleExpression.Contains contains -> {
                sql.append(contains.negated() ? "(NOT (" : "((");
                if (contains.field() instanceof RuleField.Extra extra) {
                    extraText(extra);
                } else {
                    sql.append(column(contains.field()).column());
                }
                sql.append(" LIKE ? ESCAPE '\\'))");
                parameters.add("%" + contains.value().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                        + "%");
            }
        }
    }

    private void joined(List<RuleExpression> parts, String separator) {
        sql.append('(');
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sql.append(separator);
            }
            expression(parts.get(i));
        }
        sql.append(')');
    }

    private void compare(RuleExpression.Compare compare) {
        RuleOperator operator = compare.operator();
        if (compare.field() instanceof RuleField.Extra extra) {
            sql.append('(');
            if (compare.value() instanceof RuleValue.Number number) {
                extraNumber(extra);
                parameters.add(number.bindable());
            } else {
                extraText(extra);
                parameters.add(((RuleValue.Text) compare.value()).value());
            }
            sql.append(' ').append(operator.sql()).append(" ?)");
            return;
        }
        RuleColumn column = column(compare.field());
        if (column.kind() == RuleColumn.Kind.DATE) {
            date(column, operator, LocalDate.parse(((RuleValue.Text) compare.value()).value()));
            return;
        }
        sql.append('(').append(column.column()).append(' ').append(operator.sql()).append(" ?)");
        parameters.add(bindable(compare.value()));
    }

    /** Dates compare by day against ISO text: "on or before D" is "before the day after D". */
    private void date(RuleColumn column, RuleOperator operator, LocalDate day) {
        String name = column.column();
        String dayText = day.toString();
        String nextDay = day.plusDays(1).toString();
        switch (operator) {
            case EQUAL, NOT_EQUAL -> {
                sql.append(operator == RuleOperator.EQUAL ? "(" : "(NOT ");
                sql.append('(').append(name).append(" >= ? AND ").append(name).append(" < ?))");
                parameters.add(dayText);
                parameters.add(nextDay);
            }
            case LESS -> {
                sql.append('(').append(name).append(" < ?)");
                parameters.add(dayText);
            }
            case LESS_OR_EQUAL -> {
                sql.append('(').append(name).append(" < ?)");
                parameters.add(nextDay);
            }
            case GREATER -> {
                sql.append('(').append(name).append(" >= ?)");
                parameters.add(nextDay);
            }
            case GREATER_OR_EQUAL -> {
                sql.append('(').append(name).append(" >= ?)");
                parameters.add(dayText);
            }
        }
    }

    private void in(RuleExpression.In in) {
        if (in.field() instanceof RuleField.Column column && column.column().kind() == RuleColumn.Kind.DATE) {
            sql.append(in.negated() ? "(NOT (" : "((");
            for (int i = 0; i < in.values().size(); i++) {
                if (i > 0) {
                    sql.append(" OR ");
                }
                date(column.column(), RuleOperator.EQUAL,
                        LocalDate.parse(((RuleValue.Text) in.values().get(i)).value()));
            }
            sql.append("))");
            return;
        }
        sql.append('(');
        if (in.field() instanceof RuleField.Extra extra) {
            if (in.values().getFirst() instanceof RuleValue.Number) {
                extraNumber(extra);
            } else {
                extraText(extra);
            }
        } else {
            sql.append(column(in.field()).column());
        }
        sql.append(in.negated() ? " NOT IN (" : " IN (").append(Sql.placeholders(in.values().size())).append("))");
        in.values().forEach(value -> parameters.add(bindable(value)));
    }

    private void extraValue(RuleField.Extra extra) {
        sql.append(EXTRA_VALUE);
        parameters.add(extra.jsonPath());
    }

    /** The extra field as text: strings as they are, numbers as their text, booleans as 'true' / 'false'. */
    private void extraText(RuleField.Extra extra) {
        String path = extra.jsonPath();
        sql.append("CASE ").append(EXTRA_TYPE).append(" WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(")
                .append(EXTRA_VALUE).append(" AS TEXT) END");
        parameters.add(path);
        parameters.add(path);
    }

    /** The extra field as a number: JSON numbers, and text made only of a number's characters; otherwise NULL. */
    private void extraNumber(RuleField.Extra extra) {
        String path = extra.jsonPath();
        sql.append("CASE ").append(EXTRA_TYPE).append(" WHEN 'integer' THEN ").append(EXTRA_VALUE)
                .append(" WHEN 'real' THEN ").append(EXTRA_VALUE).append(" WHEN 'text' THEN CASE WHEN ")
                .append(EXTRA_VALUE).append(" GLOB '*[0-9]*' AND ").append(EXTRA_VALUE)
                .append(" NOT GLOB '*[^0-9.eE+-]*' THEN CAST(").append(EXTRA_VALUE).append(" AS REAL) END END");
        for (int i = 0; i < 6; i++) {
            parameters.add(path);
        }
    }

    private static RuleColumn column(RuleField field) {
        return ((RuleField.Column) field).column();
    }

    private static Object bindable(RuleValue value) {
        return switch (value) {
            case RuleValue.Number number -> number.bindable();
            case RuleValue.Text text -> text.value();
        };
    }
}
