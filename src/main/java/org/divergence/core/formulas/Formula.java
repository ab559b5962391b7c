package org.divergence.core.formulas;

import java.util.List;
import java.util.stream.Collectors;
import org.divergence.core.tags.RuleExpression;
import org.divergence.core.tags.RuleField;
import org.divergence.core.tags.RuleOperator;
import org.divergence.core.tags.RuleValue;

/**
 * A parsed custom metric expression (grammar in docs/metrics.md): arithmetic over counts and extra fields, and
 * conditions. A condition is true, false or unknown; where a number is expected it counts as 1 or 0. An unknown input
 * makes the value unknown, except where {@code coalesce} replaces it (also inside AND / OR: false AND unknown is
 * unknown, unlike SQL); division by zero is unknown.
 */
public sealed interface Formula {

    /** The expression written back in a normal form that parses to the same tree. */
    String text();

    /** True for a condition (true, false or unknown), false for a number. */
    boolean isCondition();

    /** Binding strength, for the parentheses {@link #text()} needs: higher binds tighter. */
    int precedence();

    /** A number written in the expression. */
    record Number(RuleValue.Number value) implements Formula {
        @Override
        public String text() {
            return value.text();
        }

        @Override
        public boolean isCondition() {
            return false;
        }

        @Override
        public int precedence() {
            return PRIMARY;
        }
    }

    /** A count column or an extra field, read as a number (extra text that is not a number is unknown). */
    record Field(RuleField field) implements Formula {
        @Override
        public String text() {
            return field.text();
        }

        @Override
        public boolean isCondition() {
            return false;
        }

        @Override
        public int precedence() {
            return PRIMARY;
        }
    }

    /** {@code -x}. */
    record Negate(Formula operand) implements Formula {
        @Override
        public String text() {
            // -(1), not -1: that is the number minus one, a different tree.
            return "-" + (operand.precedence() < NEGATE || operand instanceof Number ? "(" + operand.text() + ")"
                    : operand.text());
        }

        @Override
        public boolean isCondition() {
            return false;
        }

        @Override
        public int precedence() {
            return NEGATE;
        }
    }

    enum Operator {
        ADD("+", 5), SUBTRACT("-", 5), MULTIPLY("*", 6), DIVIDE("/", 6);

        private final String symbol;
        private final int precedence;

        Operator(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        public String symbol() {
            return symbol;
        }

        static Operator of(String symbol) {
            for (Operator operator : values()) {
                if (operator.symbol.equals(symbol)) {
                    return operator;
                }
            }
            return null;
        }
    }

    /** {@code left + - * / right}; division by zero is unknown. */
    record Arithmetic(Formula left, Operator operator, Formula right) implements Formula {
        @Override
        public String text() {
            return binary(left, operator.symbol, right, operator.precedence);
        }

        @Override
        public boolean isCondition() {
            return false;
        }

        @Override
        public int precedence() {
            return operator.precedence;
        }
    }

    /** {@code coalesce(a, b, …)}: the first known value. */
    record Coalesce(List<Formula> values) implements Formula {
        public Coalesce {
            values = List.copyOf(values);
        }

        @Override
        public String text() {
            return "coalesce(" + values.stream().map(Formula::text).collect(Collectors.joining(", ")) + ")";
        }

        @Override
        public boolean isCondition() {
            return values.stream().allMatch(Formula::isCondition);
        }

        @Override
        public int precedence() {
            return PRIMARY;
        }
    }

    /** {@code left op right} on numbers. */
    record Compare(Formula left, RuleOperator operator, Formula right) implements Formula {
        @Override
        public String text() {
            // Comparisons do not chain: a condition compared is always in parentheses.
            return (left.precedence() <= COMPARE ? "(" + left.text() + ")" : left.text()) + " " + operator.symbol()
                    + " " + (right.precedence() <= COMPARE ? "(" + right.text() + ")" : right.text());
        }

        @Override
        public boolean isCondition() {
            return true;
        }

        @Override
        public int precedence() {
            return COMPARE;
        }
    }

    /** A tag rule's kind of condition: on text, dates, lists or unknown values ({@code platform = huggingface}). */
    record Condition(RuleExpression rule) implements Formula {
        @Override
        public String text() {
            return rule.text();
        }

        @Override
        public boolean isCondition() {
            return true;
        }

        @Override
        public int precedence() {
            return COMPARE;
        }
    }

    record And(List<Formula> parts) implements Formula {
        public And {
            parts = List.copyOf(parts);
        }

        @Override
        public String text() {
            return parts.stream().map(part -> part.precedence() < AND ? "(" + part.text() + ")" : part.text())
                    .collect(Collectors.joining(" AND "));
        }

        @Override
        public boolean isCondition() {
            return true;
        }

        @Override
        public int precedence() {
            return AND;
        }
    }

    record Or(List<Formula> parts) implements Formula {
        public Or {
            parts = List.copyOf(parts);
        }

        @Override
        public String text() {
            // AND binds tighter anyway; the parentheses are for the reader.
            return parts.stream().map(part -> part instanceof And ? "(" + part.text() + ")" : part.text())
                    .collect(Collectors.joining(" OR "));
        }

        @Override
        public boolean isCondition() {
            return true;
        }

        @Override
        public int precedence() {
            return OR;
        }
    }

    record Not(Formula operand) implements Formula {
        @Override
        public String text() {
            return operand.precedence() < COMPARE ? "NOT (" + operand.text() + ")" : "NOT " + operand.text();
        }

        @Override
        public boolean isCondition() {
            return true;
        }

        @Override
        public int precedence() {
            return NOT;
        }
    }

    int OR = 1;
    int AND = 2;
    int NOT = 3;
    int COMPARE = 4;
    int NEGATE = 7;
    int PRIMARY = 8;

    /** Left-associative: the left side in parentheses when it binds looser, the right side also when equal. */
    private static String binary(Formula left, String symbol, Formula right, int precedence) {
        String l = left.precedence() < precedence ? "(" + left.text() + ")" : left.text();
        String r = right.precedence() <= precedence ? "(" + right.text() + ")" : right.text();
        return l + " " + symbol + " " + r;
    }
}
