package org.divergence.core.formulas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.divergence.core.metrics.MetricKind;
import org.divergence.core.tags.RuleColumn;
import org.divergence.core.tags.RuleField;
import org.divergence.core.tags.RuleParser;
import org.divergence.core.tags.RuleSyntaxException;
import org.divergence.core.tags.RuleTokens;
import org.divergence.core.tags.RuleTokens.Token;
import org.divergence.core.tags.RuleTokens.Type;
import org.divergence.core.tags.RuleValue;

/**
 * Parses a custom metric's expression (grammar in docs/metrics.md) into a {@link Formula}, with the tag rules'
 * tokens, fields and conditions: a condition on text, dates, lists or unknown values ({@code platform = huggingface},
 * {@code repo_type IN (model, dataset)}, {@code extra.license IS NULL}) is parsed by {@link RuleParser} and kept as
 * it is; around it come arithmetic, {@code coalesce} and comparisons of numbers. Every problem is a
 * {@link RuleSyntaxException} naming the character where it is.
 *
 * <pre>
 * expression := or
 * or         := and { OR and }
 * and        := not { AND not }
 * not        := NOT not | comparison
 * comparison := rule-condition | sum [ op sum ]
 * sum        := product { ( + | - ) product }
 * product    := unary { ( * | / ) unary }
 * unary      := - unary | number | field | coalesce '(' expression { ',' expression } ')' | '(' expression ')'
 * </pre>
 */
public final class FormulaParser {

    /** Longer expressions are refused, as rules are. */
    public static final int MAX_LENGTH = RuleParser.MAX_LENGTH;
    /**
     * How many operations may sit inside each other: SQLite refuses expressions deeper than 1,000 levels, and each
     * operation compiles to a few.
     */
    static final int MAX_TREE_DEPTH = 200;

    private final RuleTokens tokens;
    private int depth;

    private FormulaParser(RuleTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses an expression for a metric of the kind: a share must be a condition; a numeric metric may be any
     * expression (a condition counts as 1 or 0).
     */
    public static Formula parse(String expression, MetricKind kind) {
        if (expression == null || expression.isBlank()) {
            throw new RuleSyntaxException(1, kind == MetricKind.SHARE
                    ? "the expression is empty; a share needs a condition, such as stars >= 10"
                    : "the expression is empty; write a number per repository, such as commits / contributors");
        }
        if (expression.length() > MAX_LENGTH) {
            throw new RuleSyntaxException(MAX_LENGTH + 1, "the expression is longer than " + MAX_LENGTH
                    + " characters");
        }
        FormulaParser parser = new FormulaParser(RuleTokens.expression(expression));
        Formula formula = parser.or();
        Token rest = parser.tokens.peek();
        if (rest.type() != Type.END) {
            if (rest.is(")")) {
                throw parser.tokens.error(rest, "this ')' closes no '('");
            }
            throw parser.tokens.error(rest, "unexpected " + parser.tokens.describe(rest) + " after a complete "
                    + "expression; join conditions with AND or OR, numbers with + - * /"
                    + (rest.is("-") || rest.is("/") ? " (text with - or / goes in quotes: 'text-generation')" : ""));
        }
        if (kind == MetricKind.SHARE && !formula.isCondition()) {
            throw new RuleSyntaxException(1, "a share needs a condition, such as stars >= 10 or platform = "
                    + "huggingface; this expression is a number (leave out --share for a numeric metric)");
        }
        if (depth(formula) > MAX_TREE_DEPTH) {
            throw new RuleSyntaxException(1, "the expression nests more than " + MAX_TREE_DEPTH
                    + " operations inside each other");
        }
        return formula;
    }

    // Conditions ---------------------------------------------------------------------------------------------------

    private Formula or() {
        List<Token> starts = new ArrayList<>(List.of(tokens.peek()));
        List<Formula> parts = new ArrayList<>(List.of(and()));
        while (tokens.peek().isKeyword("OR")) {
            tokens.take();
            starts.add(tokens.peek());
            parts.add(and());
        }
        return parts.size() == 1 ? parts.getFirst() : new Formula.Or(conditions(parts, starts, "OR"));
    }

    private Formula and() {
        List<Token> starts = new ArrayList<>(List.of(tokens.peek()));
        List<Formula> parts = new ArrayList<>(List.of(not()));
        while (tokens.peek().isKeyword("AND")) {
            tokens.take();
            starts.add(tokens.peek());
            parts.add(not());
        }
        return parts.size() == 1 ? parts.getFirst() : new Formula.And(conditions(parts, starts, "AND"));
    }

    /** The operands of AND or OR, each a condition (a lone operand may be a number). */
    private List<Formula> conditions(List<Formula> parts, List<Token> starts, String keyword) {
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).isCondition()) {
                throw notACondition(starts.get(i), keyword, parts.get(i));
            }
        }
        return parts;
    }

    private Formula not() {
        Token token = tokens.peek();
        if (!token.isKeyword("NOT")) {
            return comparison();
        }
        tokens.take();
        enter(token);
        try {
            Token start = tokens.peek();
            Formula operand = not();
            if (!operand.isCondition()) {
                throw notACondition(start, "NOT", operand);
            }
            return new Formula.Not(operand);
        } finally {
            depth--;
        }
    }

    private Formula comparison() {
        if (isRuleCondition()) {
            return new Formula.Condition(RuleParser.condition(tokens));
        }
        Formula left = sum();
        Token operator = tokens.peek();
        if (operator.isKeyword("IN") || operator.isKeyword("IS") || operator.isKeyword("CONTAINS")
                || operator.isKeyword("NOT")) {
            throw tokens.error(operator, "IN, IS and CONTAINS test a field, such as commits IS NULL or repo_type IN"
                    + " (model, dataset), not a calculation");
        }
        if (!operator.isComparison()) {
            return left;
        }
        tokens.take();
        Formula right = sum();
        Token after = tokens.peek();
        if (after.isComparison()) {
            throw tokens.error(after, "comparisons do not chain; join them with AND, e.g. 1 <= stars AND stars < 10");
        }
        return new Formula.Compare(left, RuleTokens.comparison(operator.text()), right);
    }

    /**
     * True when a tag rule's kind of condition starts here: a field followed by IN, IS, CONTAINS or NOT; a text or
     * date column compared; an extra field compared with text (quoted, a date, or a word that names no field).
     */
    private boolean isRuleCondition() {
        Token field = tokens.peek();
        if (field.type() != Type.WORD || field.isKeyword() || isCoalesce()) {
            return false;
        }
        Token next = tokens.peek(1);
        if (next.isKeyword("IN") || next.isKeyword("IS") || next.isKeyword("CONTAINS") || next.isKeyword("NOT")) {
            return true;
        }
        Optional<RuleColumn> column = RuleColumn.of(field.text());
        if (column.isPresent()) {
            return column.get().kind() != RuleColumn.Kind.COUNT;
        }
        if (!isExtra(field) || !next.isComparison()) {
            return false;
        }
        Token value = tokens.peek(2);
        return value.type() == Type.TEXT || value.type() == Type.DATE
                || value.type() == Type.WORD && !value.isKeyword() && !namesField(value) && !tokens.peek(3).is("(");
    }

    private static boolean isExtra(Token word) {
        return word.text().toLowerCase(Locale.ROOT).startsWith("extra.");
    }

    private static boolean namesField(Token word) {
        return isExtra(word) || RuleColumn.of(word.text()).isPresent();
    }

    // Numbers ------------------------------------------------------------------------------------------------------

    private Formula sum() {
        Formula left = product();
        while (tokens.peek().is("+") || tokens.peek().is("-")) {
            Formula.Operator operator = Formula.Operator.of(tokens.take().text());
            left = new Formula.Arithmetic(left, operator, product());
        }
        return left;
    }

    private Formula product() {
        Formula left = unary();
        while (tokens.peek().is("*") || tokens.peek().is("/")) {
            Formula.Operator operator = Formula.Operator.of(tokens.take().text());
            left = new Formula.Arithmetic(left, operator, unary());
        }
        return left;
    }

    private Formula unary() {
        Token token = tokens.peek();
        if (token.is("-")) {
            tokens.take();
            enter(token);
            try {
                return new Formula.Negate(unary());
            } finally {
                depth--;
            }
        }
        return primary();
    }

    private Formula primary() {
        Token token = tokens.peek();
        switch (token.type()) {
            case NUMBER -> {
                tokens.take();
                RuleValue.Number number = new RuleValue.Number(new BigDecimal(token.text()));
                if (!Double.isFinite(number.value().doubleValue())) {
                    throw tokens.error(token, "the number " + token.text() + " is too large");
                }
                return new Formula.Number(number);
            }
            case WORD -> {
                if (isCoalesce()) {
                    return coalesce();
                }
                if (token.isKeyword()) {
                    throw expected(token, "; found the keyword " + token.text().toUpperCase(Locale.ROOT));
                }
                tokens.take();
                RuleField field = RuleParser.field(tokens, token);
                if (field instanceof RuleField.Column column && column.column().kind() != RuleColumn.Kind.COUNT) {
                    throw tokens.error(token, column.column().column() + " is not a number: test it in a condition,"
                            + " e.g. " + example(column.column()));
                }
                return new Formula.Field(field);
            }
            case SYMBOL -> {
                if (!token.is("(")) {
                    throw expected(token, "; found " + tokens.describe(token));
                }
                tokens.take();
                enter(token);
                try {
                    Formula inner = or();
                    close(token);
                    return inner;
                } finally {
                    depth--;
                }
            }
            case TEXT, DATE -> throw tokens.error(token, "text and dates are compared with platform, repo_type, "
                    + "full_name, created_at or an extra field (e.g. extra.license = 'mit'), not used in a calculation");
            case END -> throw expected(token, "");
        }
        throw new IllegalStateException(token.toString());
    }

    private boolean isCoalesce() {
        return tokens.peek().type() == Type.WORD && tokens.peek().text().equalsIgnoreCase("coalesce")
                && tokens.peek(1).is("(");
    }

    private Formula coalesce() {
        Token name = tokens.take();
        Token open = tokens.take();
        enter(name);
        try {
            List<Formula> values = new ArrayList<>(List.of(or()));
            while (tokens.peek().is(",")) {
                tokens.take();
                values.add(or());
            }
            close(open);
            if (values.size() < 2) {
                throw tokens.error(name, "coalesce needs at least two values: coalesce(extra.score, 0) is the first"
                        + " one that is known");
            }
            return new Formula.Coalesce(values);
        } finally {
            depth--;
        }
    }

    // Helpers ------------------------------------------------------------------------------------------------------

    private void enter(Token token) {
        if (++depth > RuleParser.MAX_DEPTH) {
            throw tokens.error(token, "the expression nests NOT, minus signs, coalesce and parentheses more than "
                    + RuleParser.MAX_DEPTH + " deep");
        }
    }

    private void close(Token open) {
        Token close = tokens.peek();
        if (!close.is(")")) {
            throw tokens.error(close, "expected ')' to close the '(' at character " + tokens.position(open.end() - 1)
                    + (close.type() == Type.END ? "" : ", found " + tokens.describe(close)));
        }
        tokens.take();
    }

    private RuleSyntaxException expected(Token token, String found) {
        Token before = tokens.previous();
        return tokens.error(token, "expected a number, a field, coalesce(…) or '('"
                + (before == null ? "" : " after " + tokens.describe(before)) + found);
    }

    private RuleSyntaxException notACondition(Token start, String keyword, Formula formula) {
        return tokens.error(start, keyword + " joins conditions, and '" + formula.text() + "' is a number; compare it,"
                + " e.g. " + formula.text() + " > 0");
    }

    private static String example(RuleColumn column) {
        return switch (column.kind()) {
            case PLATFORM -> "platform = huggingface";
            case REPO_TYPE -> "repo_type IN (model, dataset)";
            case DATE -> "created_at >= 2023-01-01";
            default -> column.column() + " CONTAINS 'llama'";
        };
    }

    /** How many operations sit inside each other (SQLite's limit counts this). */
    static int depth(Formula formula) {
        return switch (formula) {
            case Formula.Number number -> 1;
            case Formula.Field field -> 1;
            case Formula.Condition condition -> 2;
            case Formula.Negate negate -> 1 + depth(negate.operand());
            case Formula.Not not -> 1 + depth(not.operand());
            case Formula.Arithmetic arithmetic -> 1 + Math.max(depth(arithmetic.left()), depth(arithmetic.right()));
            case Formula.Compare compare -> 1 + Math.max(depth(compare.left()), depth(compare.right()));
            case Formula.Coalesce coalesce -> 1 + coalesce.values().stream().mapToInt(FormulaParser::depth).max()
                    .orElse(0);
            case Formula.And and -> 1 + and.parts().stream().mapToInt(FormulaParser::depth).max().orElse(0);
            case Formula.Or or -> 1 + or.parts().stream().mapToInt(FormulaParser::depth).max().orElse(0);
        };
    }
}
