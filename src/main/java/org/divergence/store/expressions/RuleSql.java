package org.divergence.store.expressions;

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
import org.divergence.store.project.SqlText;

/**
 * A tag rule as an SQL condition over the {@code repository} table. The condition is {@link SqlText} built only
 * from fixed fragments: column names from {@link RuleColumn} (checked identifiers), each {@link RuleOperator}'s
 * spelling, keywords and {@code ?} placeholders. Every value of the rule — texts, numbers, dates and the JSON paths
 * of extra fields — is a bound parameter, so nothing a user types can change the SQL.
 *
 * <p>Extra fields: text comparisons see JSON strings as they are, numbers and booleans as text ("12", "true");
 * number comparisons see JSON numbers, and text that is a number (CSV columns are kept as text). Values that are
 * not numbers never match a number comparison.
 */
public final class RuleSql {

    private static final SqlText EXTRA_VALUE = SqlText.of("json_extract(extra, ?)");
    private static final SqlText EXTRA_TYPE = SqlText.of("json_type(extra, ?)");
    private static final SqlText OPEN = SqlText.of("(");
    private static final SqlText CLOSE = SqlText.of(")");

    private final List<SqlText> sql = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /** An empty compilation, which {@link FormulaSql} fills with expressions around rule conditions. */
    RuleSql() {
    }

    public static RuleSql compile(RuleExpression expression) {
        RuleSql compiled = new RuleSql();
        compiled.expression(expression);
        return compiled;
    }

    /** The condition (no WHERE keyword): true, false or NULL (unknown, which never matches) per repository. */
    public SqlText condition() {
        return SqlText.join(SqlText.of(""), sql);
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

    void add(SqlText... texts) {
        sql.addAll(List.of(texts));
    }

    void parameter(Object value) {
        parameters.add(value);
    }

    void expression(RuleExpression expression) {
        switch (expression) {
            case RuleExpression.And and -> joined(and.parts(), SqlText.of(" AND "));
            case RuleExpression.Or or -> joined(or.parts(), SqlText.of(" OR "));
            case RuleExpression.Not not -> {
                add(SqlText.of("(NOT "));
                expression(not.inner());
                add(CLOSE);
            }
            case RuleExpression.Compare compare -> compare(compare);
            case RuleExpression.In in -> in(in);
            case RuleExpression.IsNull isNull -> {
                add(OPEN);
                if (isNull.field() instanceof RuleField.Extra extra) {
                    extraValue(extra);
                } else {
                    add(column(isNull.field()));
                }
                add(isNull.negated() ? SqlText.of(" IS NOT NULL)") : SqlText.of(" IS NULL)"));
            }
            case RuleExpression.Contains contains -> {
                add(contains.negated() ? SqlText.of("(NOT (") : SqlText.of("(("));
                if (contains.field() instanceof RuleField.Extra extra) {
                    extraText(extra);
                } else {
                    add(column(contains.field()));
                }
                add(SqlText.of(" LIKE ? ESCAPE '\\'))"));
                parameters.add("%" + contains.value().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                        + "%");
            }
        }
    }

    private void joined(List<RuleExpression> parts, SqlText separator) {
        add(OPEN);
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                add(separator);
            }
            expression(parts.get(i));
        }
        add(CLOSE);
    }

    private void compare(RuleExpression.Compare compare) {
        RuleOperator operator = compare.operator();
        if (compare.field() instanceof RuleField.Extra extra) {
            add(OPEN);
            if (compare.value() instanceof RuleValue.Number number) {
                extraNumber(extra);
                parameters.add(number.bindable());
            } else {
                extraText(extra);
                parameters.add(((RuleValue.Text) compare.value()).value());
            }
            add(comparison(operator));
            return;
        }
        RuleColumn column = ((RuleField.Column) compare.field()).column();
        if (column.kind() == RuleColumn.Kind.DATE) {
            date(column, operator, LocalDate.parse(((RuleValue.Text) compare.value()).value()));
            return;
        }
        add(OPEN, SqlText.identifier(column.column()), comparison(operator));
        parameters.add(bindable(compare.value()));
    }

    /** " = ?)": the operator's fixed SQL spelling against one parameter, closing the comparison. */
    private static SqlText comparison(RuleOperator operator) {
        return switch (operator) {
            case EQUAL -> SqlText.of(" = ?)");
            case NOT_EQUAL -> SqlText.of(" <> ?)");
            case LESS -> SqlText.of(" < ?)");
            case LESS_OR_EQUAL -> SqlText.of(" <= ?)");
            case GREATER -> SqlText.of(" > ?)");
            case GREATER_OR_EQUAL -> SqlText.of(" >= ?)");
        };
    }

    /** Dates compare by day against ISO text: "on or before D" is "before the day after D". */
    private void date(RuleColumn column, RuleOperator operator, LocalDate day) {
        SqlText name = SqlText.identifier(column.column());
        String dayText = day.toString();
        String nextDay = day.plusDays(1).toString();
        switch (operator) {
            case EQUAL, NOT_EQUAL -> {
                add(operator == RuleOperator.EQUAL ? OPEN : SqlText.of("(NOT "));
                add(OPEN, name, SqlText.of(" >= ? AND "), name, SqlText.of(" < ?))"));
                parameters.add(dayText);
                parameters.add(nextDay);
            }
            case LESS -> {
                add(OPEN, name, SqlText.of(" < ?)"));
                parameters.add(dayText);
            }
            case LESS_OR_EQUAL -> {
                add(OPEN, name, SqlText.of(" < ?)"));
                parameters.add(nextDay);
            }
            case GREATER -> {
                add(OPEN, name, SqlText.of(" >= ?)"));
                parameters.add(nextDay);
            }
            case GREATER_OR_EQUAL -> {
                add(OPEN, name, SqlText.of(" >= ?)"));
                parameters.add(dayText);
            }
        }
    }

    private void in(RuleExpression.In in) {
        if (in.field() instanceof RuleField.Column column && column.column().kind() == RuleColumn.Kind.DATE) {
            add(in.negated() ? SqlText.of("(NOT (") : SqlText.of("(("));
            for (int i = 0; i < in.values().size(); i++) {
                if (i > 0) {
                    add(SqlText.of(" OR "));
                }
                date(column.column(), RuleOperator.EQUAL,
                        LocalDate.parse(((RuleValue.Text) in.values().get(i)).value()));
            }
            add(SqlText.of("))"));
            return;
        }
        add(OPEN);
        if (in.field() instanceof RuleField.Extra extra) {
            if (in.values().getFirst() instanceof RuleValue.Number) {
                extraNumber(extra);
            } else {
                extraText(extra);
            }
        } else {
            add(column(in.field()));
        }
        add(in.negated() ? SqlText.of(" NOT IN (") : SqlText.of(" IN ("), SqlText.placeholders(in.values().size()),
                SqlText.of("))"));
        in.values().forEach(value -> parameters.add(bindable(value)));
    }

    private void extraValue(RuleField.Extra extra) {
        add(EXTRA_VALUE);
        parameters.add(extra.jsonPath());
    }

    /** The extra field as text: strings as they are, numbers as their text, booleans as 'true' / 'false'. */
    private void extraText(RuleField.Extra extra) {
        String path = extra.jsonPath();
        add(SqlText.of("CASE "), EXTRA_TYPE, SqlText.of(" WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE"
                + " CAST("), EXTRA_VALUE, SqlText.of(" AS TEXT) END"));
        parameters.add(path);
        parameters.add(path);
    }

    /** The extra field as a number: JSON numbers, and text made only of a number's characters; otherwise NULL. */
    void extraNumber(RuleField.Extra extra) {
        String path = extra.jsonPath();
        add(SqlText.of("CASE "), EXTRA_TYPE, SqlText.of(" WHEN 'integer' THEN "), EXTRA_VALUE,
                SqlText.of(" WHEN 'real' THEN "), EXTRA_VALUE, SqlText.of(" WHEN 'text' THEN CASE WHEN "),
                EXTRA_VALUE, SqlText.of(" GLOB '*[0-9]*' AND "), EXTRA_VALUE,
                SqlText.of(" NOT GLOB '*[^0-9.eE+-]*' THEN CAST("), EXTRA_VALUE, SqlText.of(" AS REAL) END END"));
        for (int i = 0; i < 6; i++) {
            parameters.add(path);
        }
    }

    private static SqlText column(RuleField field) {
        return SqlText.identifier(((RuleField.Column) field).column().column());
    }

    private static Object bindable(RuleValue value) {
        return switch (value) {
            case RuleValue.Number number -> number.bindable();
            case RuleValue.Text text -> text.value();
        };
    }
}
