package org.divergence.core.tags;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.divergence.core.tags.RuleTokens.Token;
import org.divergence.core.tags.RuleTokens.Type;

/**
 * Parses tag rules (grammar in docs/tags.md). Every problem is a {@link RuleSyntaxException} naming the character
 * where it is and what was expected there. Values are checked against their column (numbers for counts, dates for
 * created_at, known codes for platform and repo_type), so a rule that parses always means something.
 *
 * <pre>
 * rule      := or
 * or        := and { OR and }
 * and       := unary { AND unary }
 * unary     := NOT unary | '(' or ')' | condition
 * condition := field ( op value | [NOT] IN '(' value { ',' value } ')' | IS [NOT] NULL | [NOT] CONTAINS value )
 * field     := column | extra.NAME { .NAME }
 * op        := = | != | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;=
 * value     := 'text' | number | date | word
 * </pre>
 */
public final class RuleParser {

    /** Longer rules are refused: a rule is a line a person writes, not a generated program. */
    public static final int MAX_LENGTH = 10_000;
    /** How deep NOT and parentheses may nest (expressions share the limit). */
    public static final int MAX_DEPTH = 64;
    static final int MAX_LIST = 1_000;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern EXTRA_KEY = Pattern.compile("[\\p{L}\\p{N}_-]+");

    private final RuleTokens tokens;
    private int depth;

    private RuleParser(RuleTokens tokens) {
        this.tokens = tokens;
    }

    /** Parses a rule; throws {@link RuleSyntaxException} with the position of the first problem. */
    public static RuleExpression parse(String rule) {
        if (rule == null || rule.isBlank()) {
            throw new RuleSyntaxException(1, "the rule is empty; write a condition such as commits > 100 or "
                    + "platform = huggingface AND repo_type = model");
        }
        if (rule.length() > MAX_LENGTH) {
            throw new RuleSyntaxException(MAX_LENGTH + 1, "the rule is longer than " + MAX_LENGTH + " characters");
        }
        RuleParser parser = new RuleParser(RuleTokens.rule(rule));
        RuleExpression expression = parser.or();
        Token rest = parser.peek();
        if (rest.type() != Type.END) {
            if (rest.is(")")) {
                throw parser.error(rest, "this ')' closes no '('");
            }
            throw parser.error(rest, "unexpected " + parser.describe(rest) + " after a complete condition; join "
                    + "conditions with AND or OR");
        }
        return expression;
    }

    /**
     * One condition of a rule ({@code field op value}, {@code IN}, {@code IS NULL}, {@code CONTAINS}) at the cursor
     * of another language's tokens: how custom metric expressions test text, dates and lists as rules do.
     */
    public static RuleExpression condition(RuleTokens tokens) {
        return new RuleParser(tokens).condition();
    }

    /** The field a word names: a canonical column or {@code extra.NAME}; unknown names are refused. */
    public static RuleField field(RuleTokens tokens, Token token) {
        return new RuleParser(tokens).field(token);
    }

    // Grammar ------------------------------------------------------------------------------------------------------

    private RuleExpression or() {
        List<RuleExpression> parts = new ArrayList<>(List.of(and()));
        while (peek().isKeyword("OR")) {
            tokens.take();
            parts.add(and());
        }
        return parts.size() == 1 ? parts.getFirst() : new RuleExpression.Or(parts);
    }

    private RuleExpression and() {
        List<RuleExpression> parts = new ArrayList<>(List.of(unary()));
        while (peek().isKeyword("AND")) {
            tokens.take();
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.getFirst() : new RuleExpression.And(parts);
    }

    private RuleExpression unary() {
        Token token = peek();
        if (++depth > MAX_DEPTH) {
            throw error(token, "the rule nests NOT and parentheses more than " + MAX_DEPTH + " deep");
        }
        try {
            if (token.isKeyword("NOT")) {
                tokens.take();
                return new RuleExpression.Not(unary());
            }
            if (token.is("(")) {
                tokens.take();
                RuleExpression inner = or();
                Token close = peek();
                if (!close.is(")")) {
                    throw error(close, "expected ')' to close the '(' at character " + position(token.start())
                            + (close.type() == Type.END ? "" : ", found " + describe(close)));
                }
                tokens.take();
                return inner;
            }
            return condition();
        } finally {
            depth--;
        }
    }

    private RuleExpression condition() {
        Token token = peek();
        if (token.type() != Type.WORD || token.isKeyword()) {
            String after = tokens.previous() == null ? "" : " after " + describe(tokens.previous());
            throw error(token, "expected a condition" + after + ", such as commits > 100 or platform = huggingface"
                    + (token.type() == Type.END ? "" : "; found " + describe(token)));
        }
        tokens.take();
        RuleField field = field(token);
        Token operator = peek();
        if (operator.isComparison()) {
            tokens.take();
            return compare(field, RuleTokens.comparison(operator.text()), operator);
        }
        boolean negated = false;
        if (operator.isKeyword("NOT")) {
            tokens.take();
            negated = true;
            Token after = peek();
            if (!after.isKeyword("IN") && !after.isKeyword("CONTAINS")) {
                throw error(after, "expected IN or CONTAINS after '" + field.text() + " NOT'");
            }
            operator = after;
        }
        if (operator.isKeyword("IN")) {
            tokens.take();
            return in(field, negated, operator);
        }
        if (operator.isKeyword("CONTAINS")) {
            tokens.take();
            return contains(field, negated, operator);
        }
        if (operator.isKeyword("IS")) {
            tokens.take();
            boolean not = false;
            if (peek().isKeyword("NOT")) {
                tokens.take();
                not = true;
            }
            Token nullToken = peek();
            if (!nullToken.isKeyword("NULL")) {
                throw error(nullToken, "expected NULL after '" + field.text() + " IS" + (not ? " NOT'" : "'")
                        + " (IS tests whether a value is unknown)");
            }
            tokens.take();
            return new RuleExpression.IsNull(field, not);
        }
        throw error(operator, "expected =, !=, <, <=, >, >=, IN, IS or CONTAINS after '" + token.text() + "'"
                + (operator.type() == Type.END ? "" : ", found " + describe(operator)));
    }

    private RuleField field(Token token) {
        String word = token.text();
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.startsWith("extra.")) {
            List<String> path = Arrays.asList(word.substring("extra.".length()).split("\\.", -1));
            for (String key : path) {
                if (!EXTRA_KEY.matcher(key).matches()) {
                    throw error(token, "'" + word + "' is not an extra field name; write extra.NAME, where NAME is"
                            + " a column of the imported file (letters, digits, _ and -)");
                }
            }
            return new RuleField.Extra(path);
        }
        Optional<RuleColumn> column = RuleColumn.of(word);
        if (column.isEmpty()) {
            throw error(token, "unknown field '" + word + "'; use " + RuleColumn.names()
                    + ", or extra.NAME for a kept extra column");
        }
        return new RuleField.Column(column.get());
    }

    private RuleExpression compare(RuleField field, RuleOperator op, Token operator) {
        Token valueToken = peek();
        RuleValue value = value(field, "'" + operator.text() + "'");
        if (field instanceof RuleField.Column column) {
            RuleColumn.Kind kind = column.column().kind();
            if ((kind == RuleColumn.Kind.PLATFORM || kind == RuleColumn.Kind.REPO_TYPE) && !op.isEquality()) {
                throw error(operator, field.text() + " can only be compared with = or != (or IN)");
            }
        }
        check(field, value, valueToken);
        return new RuleExpression.Compare(field, op, value);
    }

    private RuleExpression in(RuleField field, boolean negated, Token keyword) {
        Token open = peek();
        if (!open.is("(")) {
            throw error(open, "expected '(' after IN, e.g. repo_type IN (model, dataset)");
        }
        tokens.take();
        List<RuleValue> values = new ArrayList<>();
        String after = "'('";
        while (true) {
            Token valueToken = peek();
            RuleValue value = value(field, after);
            check(field, value, valueToken);
            if (!values.isEmpty() && field instanceof RuleField.Extra
                    && values.getFirst().getClass() != value.getClass()) {
                throw error(valueToken, "the values of an IN list on " + field.text() + " must all be numbers or "
                        + "all be text");
            }
            values.add(value);
            if (values.size() > MAX_LIST) {
                throw error(valueToken, "an IN list can hold at most " + MAX_LIST + " values");
            }
            Token separator = peek();
            if (separator.is(",")) {
                tokens.take();
                after = "','";
                continue;
            }
            if (separator.is(")")) {
                tokens.take();
                break;
            }
            throw error(separator, "expected ',' or ')' in the IN list opened at character "
                    + position(open.start()) + (separator.type() == Type.END ? "" : ", found " + describe(separator)));
        }
        return new RuleExpression.In(field, negated, values);
    }

    private RuleExpression contains(RuleField field, boolean negated, Token keyword) {
        if (field instanceof RuleField.Column column && column.column().kind() != RuleColumn.Kind.TEXT) {
            throw error(keyword, "CONTAINS works on text: full_name or an extra field, not " + field.text());
        }
        Token valueToken = peek();
        value(field, "CONTAINS");
        String text = valueToken.type() == Type.TEXT ? valueToken.text() : tokens.source().substring(valueToken.start(),
                valueToken.end());
        if (text.isEmpty()) {
            throw error(valueToken, "CONTAINS needs some text to look for");
        }
        return new RuleExpression.Contains(field, negated, text);
    }

    /** The value at the current token; {@code after} names what precedes it, for the message. */
    private RuleValue value(RuleField field, String after) {
        Token token = peek();
        switch (token.type()) {
            case TEXT, DATE -> {
                tokens.take();
                return new RuleValue.Text(token.text());
            }
            case NUMBER -> {
                tokens.take();
                if (field instanceof RuleField.Column column && column.column().kind() == RuleColumn.Kind.TEXT) {
                    return new RuleValue.Text(token.text());
                }
                return new RuleValue.Number(new BigDecimal(token.text()));
            }
            case WORD -> {
                if (token.isKeyword("NULL")) {
                    throw error(token, "expected a value after " + after + "; to find unknown values write "
                            + field.text() + " IS NULL");
                }
                if (token.isKeyword()) {
                    throw error(token, "expected a value after " + after + ", found the keyword "
                            + token.text().toUpperCase(Locale.ROOT) + " (quote it, '" + token.text()
                            + "', if it is the value)");
                }
                tokens.take();
                return new RuleValue.Text(token.text());
            }
            default -> throw error(token, "expected a value after " + after
                    + (token.type() == Type.END ? "" : ", found " + describe(token)));
        }
    }

    /** Checks a value against the column's kind. */
    private void check(RuleField field, RuleValue value, Token token) {
        if (!(field instanceof RuleField.Column column)) {
            return;
        }
        RuleColumn rule = column.column();
        switch (rule.kind()) {
            case COUNT -> {
                if (!(value instanceof RuleValue.Number)) {
                    throw error(token, rule.column() + " is a count: compare it with a number, not "
                            + describe(token));
                }
            }
            case PLATFORM, REPO_TYPE -> {
                String code = value instanceof RuleValue.Text text ? text.value() : value.text();
                if (!rule.allowedValues().contains(code)) {
                    String allowed = String.join(", ", rule.allowedValues());
                    throw error(token, "unknown " + rule.column() + " " + describe(token) + "; use one of "
                            + allowed);
                }
            }
            case DATE -> {
                String text = value instanceof RuleValue.Text t ? t.value() : value.text();
                boolean valid = DATE.matcher(text).matches();
                if (valid) {
                    try {
                        LocalDate.parse(text);
                    } catch (DateTimeParseException e) {
                        valid = false;
                    }
                }
                if (!valid) {
                    throw error(token, "created_at is compared by day: write a date like 2023-01-01, not "
                            + describe(token));
                }
            }
            case TEXT -> {
                // any text
            }
        }
    }

    // Tokens -------------------------------------------------------------------------------------------------------

    private Token peek() {
        return tokens.peek();
    }

    private RuleSyntaxException error(Token token, String reason) {
        return tokens.error(token, reason);
    }

    private int position(int charIndex) {
        return tokens.position(charIndex);
    }

    private String describe(Token token) {
        return tokens.describe(token);
    }
}
