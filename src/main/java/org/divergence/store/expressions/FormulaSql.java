package org.divergence.store.expressions;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.divergence.core.formulas.Formula;
import org.divergence.core.tags.RuleColumn;
import org.divergence.core.tags.RuleField;
import org.divergence.store.project.SqlText;

/**
 * A custom metric's expression as an SQL value over the {@code repository} table, compiled as tag rules are
 * ({@link RuleSql}, which also compiles the rule conditions inside it): fixed fragments, checked column names and
 * {@code ?} placeholders, every number and JSON path bound. Arithmetic is in double precision (counts are cast to
 * REAL, so 7 / 2 is 3.5); SQLite makes an expression with a NULL input NULL, and a division by zero NULL; conditions
 * are 1, 0 or NULL, and AND / OR are NULL as soon as one part is (issue 19: unknown inputs make a share unknown).
 */
public final class FormulaSql {

    private static final SqlText CLOSE = SqlText.of(")");

    private final RuleSql out = new RuleSql();

    private FormulaSql() {
    }

    public static FormulaSql compile(Formula formula) {
        FormulaSql compiled = new FormulaSql();
        compiled.formula(formula);
        return compiled;
    }

    /** The value: a REAL for numbers, 1 / 0 for conditions, NULL when unknown. */
    public SqlText value() {
        return out.condition();
    }

    public List<Object> parameters() {
        return out.parameters();
    }

    /** Binds the expression's values from parameter index {@code first} on; returns the next free index. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        return out.bind(statement, first);
    }

    private void formula(Formula formula) {
        switch (formula) {
            case Formula.Number number -> {
                out.add(SqlText.of("?"));
                out.parameter(number.value().value().doubleValue());
            }
            case Formula.Field field -> {
                out.add(SqlText.of("CAST("));
                if (field.field() instanceof RuleField.Extra extra) {
                    out.extraNumber(extra);
                } else {
                    RuleColumn column = ((RuleField.Column) field.field()).column();
                    out.add(SqlText.identifier(column.column()));
                }
                out.add(SqlText.of(" AS REAL)"));
            }
            case Formula.Negate negate -> {
                out.add(SqlText.of("(- "));
                formula(negate.operand());
                out.add(CLOSE);
            }
            case Formula.Arithmetic arithmetic -> {
                out.add(SqlText.of("("));
                formula(arithmetic.left());
                out.add(switch (arithmetic.operator()) {
                    case ADD -> SqlText.of(" + ");
                    case SUBTRACT -> SqlText.of(" - ");
                    case MULTIPLY -> SqlText.of(" * ");
                    case DIVIDE -> SqlText.of(" / ");
                });
                formula(arithmetic.right());
                out.add(CLOSE);
            }
            case Formula.Coalesce coalesce -> joined(SqlText.of("coalesce("), coalesce.values(), SqlText.of(", "));
            case Formula.Compare compare -> {
                out.add(SqlText.of("("));
                formula(compare.left());
                out.add(switch (compare.operator()) {
                    case EQUAL -> SqlText.of(" = ");
                    case NOT_EQUAL -> SqlText.of(" <> ");
                    case LESS -> SqlText.of(" < ");
                    case LESS_OR_EQUAL -> SqlText.of(" <= ");
                    case GREATER -> SqlText.of(" > ");
                    case GREATER_OR_EQUAL -> SqlText.of(" >= ");
                });
                formula(compare.right());
                out.add(CLOSE);
            }
            case Formula.Condition condition -> out.expression(condition.rule());
            // Not SQL's AND / OR, which decide "false AND unknown" without the unknown: here any unknown part makes
            // the whole unknown. On 1 / 0 / NULL a product is that AND and SQLite's scalar max() (NULL when any
            // argument is) that OR.
            case Formula.And and -> truthValues(SqlText.of("("), and.parts(), SqlText.of(" * "));
            case Formula.Or or -> truthValues(SqlText.of("max("), or.parts(), SqlText.of(", "));
            case Formula.Not not -> {
                out.add(SqlText.of("(NOT "));
                formula(not.operand());
                out.add(CLOSE);
            }
        }
    }

    private void truthValues(SqlText open, List<Formula> parts, SqlText separator) {
        out.add(open);
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.add(separator);
            }
            out.add(SqlText.of("(("));
            formula(parts.get(i));
            out.add(SqlText.of(") <> 0)"));
        }
        out.add(CLOSE);
    }

    private void joined(SqlText open, List<Formula> parts, SqlText separator) {
        out.add(open);
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.add(separator);
            }
            formula(parts.get(i));
        }
        out.add(CLOSE);
    }
}
