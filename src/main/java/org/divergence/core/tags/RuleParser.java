package org.divergence.core.tags;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
    static final int MAX_DEPTH = 64;
    static final int MAX_LIST = 1_000;

    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "IN", "IS", "NULL", "CONTAINS");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern EXTRA_KEY = Pattern.compile("[\\p{L}\\p{N}_-]+");

    private enum Type { WORD, TEXT, NUMBER, DATE, SYMBOL, END }

    /** A token and where it starts and ends in the rule (char indexes). */
    private record Token(Type type, String text, int start, int end) {
        boolean is(String symbol) {
            return type == Type.SYMBOL && text.equals(symbol);
        }

        boolean isKeyword(String keyword) {
            return type == Type.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isKeyword() {
            return type == Type.WORD && KEYWORDS.contains(text.toUpperCase(Locale.ROOT));
        }
    }

    private final String source;
    private final List<Token> tokens;
    private int next;
    private int depth;

    private RuleParser(String source) {
        this.source = source;
        this.tokens = lex(source);
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
        RuleParser parser = new RuleParser(rule);
        RuleExpression expression = parser.or();
        Token rest = parser.peek();
        if (rest.type != Type.END) {
            if (rest.is(")")) {
                throw parser.error(rest, "this ')' closes no '('");
            }
            throw parser.error(rest, "unexpected " + describe(rest) + " after a complete condition; join "
                    + "conditions with AND or OR");
        }
        return expression;
    }

    // Grammar ------------------------------------------------------------------------------------------------------

    private RuleExpression or() {
        List<RuleExpression> parts = new ArrayList<>(List.of(and()));
        while (peek().isKeyword("OR")) {
            next++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.getFirst() : new RuleExpression.Or(parts);
    }

    private RuleExpression and() {
        List<RuleExpression> parts = new ArrayList<>(List.of(unary()));
        while (peek().isKeyword("AND")) {
            next++;
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
                next++;
                return new RuleExpression.Not(unary());
            }
            if (token.is("(")) {
                next++;
                RuleExpression inner = or();
                Token close = peek();
                if (!close.is(")")) {
                    throw error(close, "expected ')' to close the '(' at character " + position(token.start)
                            + (close.type == Type.END ? "" : ", found " + describe(close)));
                }
                next++;
                return inner;
            }
            return condition();
        } finally {
            depth--;
        }
    }

    private RuleExpression condition() {
        Token token = peek();
        if (token.type != Type.WORD || token.isKeyword()) {
            String after = next == 0 ? "" : " after " + describe(tokens.get(next - 1));
            throw error(token, "expected a condition" + after + ", such as commits > 100 or platform = huggingface"
                    + (token.type == Type.END ? "" : "; found " + describe(token)));
        }
        next++;
        RuleField field = field(token);
        Token operator = peek();
        if (operator.type == Type.SYMBOL && !operator.is("(") && !operator.is(")") && !operator.is(",")) {
            next++;
            RuleOperator op = operator(operator);
            return compare(field, op, operator);
        }
        boolean negated = false;
        if (operator.isKeyword("NOT")) {
            next++;
            negated = true;
            Token after = peek();
            if (!after.isKeyword("IN") && !after.isKeyword("CONTAINS")) {
                throw error(after, "expected IN or CONTAINS after '" + field.text() + " NOT'");
            }
            operator = after;
        }
        if (operator.isKeyword("IN")) {
            next++;
            return in(field, negated, operator);
        }
        if (operator.isKeyword("CONTAINS")) {
            next++;
            return contains(field, negated, operator);
        }
        if (operator.isKeyword("IS")) {
            next++;
            boolean not = false;
            if (peek().isKeyword("NOT")) {
                next++;
                not = true;
            }
            Token nullToken = peek();
            if (!nullToken.isKeyword("NULL")) {
                throw error(nullToken, "expected NULL after '" + field.text() + " IS" + (not ? " NOT'" : "'")
                        + " (IS tests whether a value is unknown)");
            }
            next++;
            return new RuleExpression.IsNull(field, not);
        }
        throw error(operator, "expected =, !=, <, <=, >, >=, IN, IS or CONTAINS after '" + token.text + "'"
                + (operator.type == Type.END ? "" : ", found " + describe(operator)));
    }

    private RuleField field(Token token) {
        String word = token.text;
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

    private static RuleOperator operator(Token token) {
        return switch (token.text) {
            case "=", "==" -> RuleOperator.EQUAL;
            case "!=", "<>" -> RuleOperator.NOT_EQUAL;
            case "<" -> RuleOperator.LESS;
            case "<=" -> RuleOperator.LESS_OR_EQUAL;
            case ">" -> RuleOperator.GREATER;
            case ">=" -> RuleOperator.GREATER_OR_EQUAL;
            default -> throw new IllegalStateException(token.text);
        };
    }

    private RuleExpression compare(RuleField field, RuleOperator op, Token operator) {
        Token valueToken = peek();
        RuleValue value = value(field, "'" + operator.text + "'");
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
        next++;
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
                next++;
                after = "','";
                continue;
            }
            if (separator.is(")")) {
                next++;
                break;
            }
            throw error(separator, "expected ',' or ')' in the IN list opened at character "
                    + position(open.start) + (separator.type == Type.END ? "" : ", found " + describe(separator)));
        }
        return new RuleExpression.In(field, negated, values);
    }

    private RuleExpression contains(RuleField field, boolean negated, Token keyword) {
        if (field instanceof RuleField.Column column && column.column().kind() != RuleColumn.Kind.TEXT) {
            throw error(keyword, "CONTAINS works on text: full_name or an extra field, not " + field.text());
        }
        Token valueToken = peek();
        value(field, "CONTAINS");
        String text = valueToken.type == Type.TEXT ? valueToken.text : source.substring(valueToken.start,
                valueToken.end);
        if (text.isEmpty()) {
            throw error(valueToken, "CONTAINS needs some text to look for");
        }
        return new RuleExpression.Contains(field, negated, text);
    }

    /** The value at the current token; {@code after} names what precedes it, for the message. */
    private RuleValue value(RuleField field, String after) {
        Token token = peek();
        switch (token.type) {
            case TEXT, DATE -> {
                next++;
                return new RuleValue.Text(token.text);
            }
            case NUMBER -> {
                next++;
                if (field instanceof RuleField.Column column && column.column().kind() == RuleColumn.Kind.TEXT) {
                    return new RuleValue.Text(token.text);
                }
                return new RuleValue.Number(new BigDecimal(token.text));
            }
            case WORD -> {
                if (token.isKeyword("NULL")) {
                    throw error(token, "expected a value after " + after + "; to find unknown values write "
                            + field.text() + " IS NULL");
                }
                if (token.isKeyword()) {
                    throw error(token, "expected a value after " + after + ", found the keyword "
                            + token.text.toUpperCase(Locale.ROOT) + " (quote it, '" + token.text
                            + "', if it is the value)");
                }
                next++;
                return new RuleValue.Text(token.text);
            }
            default -> throw error(token, "expected a value after " + after
                    + (token.type == Type.END ? "" : ", found " + describe(token)));
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
        return tokens.get(next);
    }

    private RuleSyntaxException error(Token token, String reason) {
        return new RuleSyntaxException(position(token.start), reason);
    }

    /** Characters counted from 1, in code points (an emoji is one character). */
    private int position(int charIndex) {
        return source.codePointCount(0, Math.min(charIndex, source.length())) + 1;
    }

    private static String describe(Token token) {
        return switch (token.type) {
            case END -> "the end of the rule";
            case TEXT -> "'" + abbreviate(token.text) + "'";
            default -> "'" + abbreviate(token.text) + "'";
        };
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "…" : text;
    }

    private List<Token> lex(String text) {
        List<Token> result = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < length) {
                    char d = text.charAt(i);
                    if (d == '\'') {
                        if (i + 1 < length && text.charAt(i + 1) == '\'') {
                            value.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    value.append(d);
                    i++;
                }
                if (!closed) {
                    throw new RuleSyntaxException(position(start), "this ' starts a text that is never closed; end "
                            + "it with ' (write '' for a ' inside the text)");
                }
                result.add(new Token(Type.TEXT, value.toString(), start, i));
            } else if (Character.isDigit(c) || c == '-' && i + 1 < length && Character.isDigit(text.charAt(i + 1))) {
                i++;
                while (i < length && isNumberPart(text.charAt(i), text.charAt(i - 1))) {
                    i++;
                }
                String word = text.substring(start, i);
                if (NUMBER.matcher(word).matches()) {
                    result.add(new Token(Type.NUMBER, word, start, i));
                } else if (DATE.matcher(word).matches()) {
                    result.add(new Token(Type.DATE, word, start, i));
                } else {
                    throw new RuleSyntaxException(position(start), "'" + abbreviate(word) + "' is neither a number"
                            + " nor a date (YYYY-MM-DD); quote text: '" + abbreviate(word) + "'");
                }
            } else if (Character.isLetter(c) || c == '_') {
                i++;
                while (i < length && isWordPart(text.charAt(i))) {
                    i++;
                }
                result.add(new Token(Type.WORD, text.substring(start, i), start, i));
            } else if ("()<>=!,".indexOf(c) >= 0) {
                String two = i + 1 < length ? text.substring(i, i + 2) : "";
                if (two.equals("<=") || two.equals(">=") || two.equals("!=") || two.equals("<>")
                        || two.equals("==")) {
                    result.add(new Token(Type.SYMBOL, two, start, i + 2));
                    i += 2;
                } else if (c == '!') {
                    throw new RuleSyntaxException(position(start), "'!' must be followed by '=' (not equal: != )");
                } else {
                    result.add(new Token(Type.SYMBOL, String.valueOf(c), start, i + 1));
                    i++;
                }
            } else {
                int codePoint = text.codePointAt(i);
                String shown = new String(Character.toChars(codePoint));
                String hint = c == '"' ? "; quote text with single quotes: 'like this'"
                        : c == ';' || c == '-' ? "; a rule is one expression (no ; or -- comments)" : "";
                throw new RuleSyntaxException(position(start), "unexpected character '" + shown + "'" + hint);
            }
        }
        result.add(new Token(Type.END, "", length, length));
        return result;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '/';
    }

    private static boolean isNumberPart(char c, char previous) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':'
                || c == '+' && (previous == 'e' || previous == 'E');
    }
}
