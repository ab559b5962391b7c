package org.divergence.core.tags;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed tag rule (see docs/tags.md): conditions on one repository joined by AND, OR and NOT. Conditions are
 * checked for their column's kind when parsed, so a rule that parses can always be evaluated.
 */
public sealed interface RuleExpression {

    /** The rule written back in a normal form: keywords upper case, text quoted, parentheses where needed. */
    String text();

    record And(List<RuleExpression> parts) implements RuleExpression {
        public And {
            parts = List.copyOf(parts);
        }

        @Override
        public String text() {
            return parts.stream().map(part -> part instanceof Or ? "(" + part.text() + ")" : part.text())
                    .collect(Collectors.joining(" AND "));
        }
    }

    record Or(List<RuleExpression> parts) implements RuleExpression {
        public Or {
            parts = List.copyOf(parts);
        }

        @Override
        public String text() {
            // AND binds tighter anyway; the parentheses are for the reader.
            return parts.stream().map(part -> part instanceof And ? "(" + part.text() + ")" : part.text())
                    .collect(Collectors.joining(" OR "));
        }
    }

    record Not(RuleExpression inner) implements RuleExpression {
        @Override
        public String text() {
            return inner instanceof And || inner instanceof Or ? "NOT (" + inner.text() + ")" : "NOT " + inner.text();
        }
    }

    /** {@code field op value}. */
    record Compare(RuleField field, RuleOperator operator, RuleValue value) implements RuleExpression {
        @Override
        public String text() {
            return field.text() + " " + operator.symbol() + " " + value.text();
        }
    }

    /** {@code field [NOT] IN (v1, v2, …)}. */
    record In(RuleField field, boolean negated, List<RuleValue> values) implements RuleExpression {
        public In {
            values = List.copyOf(values);
        }

        @Override
        public String text() {
            return field.text() + (negated ? " NOT IN (" : " IN (")
                    + values.stream().map(RuleValue::text).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** {@code field IS [NOT] NULL}: whether the value is unknown (or, for an extra field, absent). */
    record IsNull(RuleField field, boolean negated) implements RuleExpression {
        @Override
        public String text() {
            return field.text() + (negated ? " IS NOT NULL" : " IS NULL");
        }
    }

    /** {@code field [NOT] CONTAINS 'text'}: the value holds the text, ignoring case (ASCII letters). */
    record Contains(RuleField field, boolean negated, String value) implements RuleExpression {
        @Override
        public String text() {
            return field.text() + (negated ? " NOT CONTAINS " : " CONTAINS ") + new RuleValue.Text(value).text();
        }
    }
}
