package org.divergence.core.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tokens of a tag rule or of a custom metric's expression, with a cursor, and the errors that name where a
 * problem is (in characters counted from 1). Both languages share words, keywords, quoted text, numbers, dates and
 * comparison symbols; an expression ({@link #expression}) also has {@code + - * /}, and there {@code -} and
 * {@code /} end a word ({@code commits/contributors} is a division; a bare word with a dash must be quoted), except
 * in the name of an extra field ({@code extra.my-key}).
 */
public final class RuleTokens {

    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "IN", "IS", "NULL", "CONTAINS");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern EXPRESSION_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?![\\p{L}\\p{N}_.])");

    public enum Type { WORD, TEXT, NUMBER, DATE, SYMBOL, END }

    /** A token and where it starts and ends in the source (char indexes). */
    public record Token(Type type, String text, int start, int end) {
        public boolean is(String symbol) {
            return type == Type.SYMBOL && text.equals(symbol);
        }

        public boolean isKeyword(String keyword) {
            return type == Type.WORD && text.equalsIgnoreCase(keyword);
        }

        public boolean isKeyword() {
            return type == Type.WORD && KEYWORDS.contains(text.toUpperCase(Locale.ROOT));
        }

        /** One of = == != &lt;&gt; &lt; &lt;= &gt; &gt;=. */
        public boolean isComparison() {
            return type == Type.SYMBOL && RuleTokens.comparison(text) != null;
        }
    }

    private final String source;
    private final boolean expression;
    private final List<Token> tokens;
    private int next;

    private RuleTokens(String source, boolean expression) {
        this.source = source;
        this.expression = expression;
        this.tokens = expression ? lexExpression(source) : lexRule(source);
    }

    /** The tokens of a tag rule; throws {@link RuleSyntaxException} at a character no token can start with. */
    public static RuleTokens rule(String source) {
        return new RuleTokens(source, false);
    }

    /** The tokens of an expression, with arithmetic operators. */
    public static RuleTokens expression(String source) {
        return new RuleTokens(source, true);
    }

    public String source() {
        return source;
    }

    /** The current token (the end token at the end). */
    public Token peek() {
        return tokens.get(next);
    }

    /** The token {@code ahead} places after the current one (the end token beyond the end). */
    public Token peek(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    /** Moves past the current token and returns it. */
    public Token take() {
        Token token = tokens.get(next);
        if (token.type() != Type.END) {
            next++;
        }
        return token;
    }

    /** The token before the current one, or null at the start. */
    public Token previous() {
        return next == 0 ? null : tokens.get(next - 1);
    }

    public RuleSyntaxException error(Token token, String reason) {
        return new RuleSyntaxException(position(token.start()), reason);
    }

    /** Characters counted from 1, in code points (an emoji is one character). */
    public int position(int charIndex) {
        return source.codePointCount(0, Math.min(charIndex, source.length())) + 1;
    }

    /** A token as messages quote it: 'commits', or the end of the rule (or expression). */
    public String describe(Token token) {
        return token.type() == Type.END ? "the end of the " + (expression ? "expression" : "rule")
                : "'" + abbreviate(token.text()) + "'";
    }

    /** The operator a comparison symbol spells, or null. */
    public static RuleOperator comparison(String symbol) {
        return switch (symbol) {
            case "=", "==" -> RuleOperator.EQUAL;
            case "!=", "<>" -> RuleOperator.NOT_EQUAL;
            case "<" -> RuleOperator.LESS;
            case "<=" -> RuleOperator.LESS_OR_EQUAL;
            case ">" -> RuleOperator.GREATER;
            case ">=" -> RuleOperator.GREATER_OR_EQUAL;
            default -> null;
        };
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "…" : text;
    }

    // Lexing -------------------------------------------------------------------------------------------------------

    private List<Token> lexRule(String text) {
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
                i = quoted(text, i, result);
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
                while (i < length && isRuleWordPart(text.charAt(i))) {
                    i++;
                }
                result.add(new Token(Type.WORD, text.substring(start, i), start, i));
            } else if ("()<>=!,".indexOf(c) >= 0) {
                i = symbol(text, i, result);
            } else {
                throw unexpected(text, start, c == ';' || c == '-' ? "; a rule is one expression (no ; or -- comments)"
                        : "");
            }
        }
        result.add(new Token(Type.END, "", length, length));
        return result;
    }

    private List<Token> lexExpression(String text) {
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
            boolean signed = c == '-' && i + 1 < length && Character.isDigit(text.charAt(i + 1))
                    && !endsOperand(result);
            if (c == '\'') {
                i = quoted(text, i, result);
            } else if (Character.isDigit(c) || signed) {
                var date = EXPRESSION_DATE.matcher(text).region(i, length);
                var number = NUMBER.matcher(text).region(i, length);
                if (!signed && date.lookingAt()) {
                    i = date.end();
                    result.add(new Token(Type.DATE, text.substring(start, i), start, i));
                } else {
                    number.lookingAt();
                    i = number.end();
                    if (i < length && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_'
                            || text.charAt(i) == '.')) {
                        int end = i;
                        while (end < length && (Character.isLetterOrDigit(text.charAt(end))
                                || text.charAt(end) == '.' || text.charAt(end) == '_')) {
                            end++;
                        }
                        throw new RuleSyntaxException(position(start), "'" + abbreviate(text.substring(start, end))
                                + "' is neither a number nor a date (YYYY-MM-DD); quote text: '"
                                + abbreviate(text.substring(start, end)) + "'");
                    }
                    result.add(new Token(Type.NUMBER, text.substring(start, i), start, i));
                }
            } else if (Character.isLetter(c) || c == '_') {
                i++;
                boolean extra = text.regionMatches(true, start, "extra.", 0, "extra.".length());
                while (i < length && (isExpressionWordPart(text.charAt(i)) || extra && text.charAt(i) == '-')) {
                    i++;
                }
                result.add(new Token(Type.WORD, text.substring(start, i), start, i));
            } else if ("()<>=!,".indexOf(c) >= 0) {
                i = symbol(text, i, result);
            } else if ("+-*/".indexOf(c) >= 0) {
                result.add(new Token(Type.SYMBOL, String.valueOf(c), start, i + 1));
                i++;
            } else {
                throw unexpected(text, start, c == ';' ? "; an expression is one formula (no ;)" : "");
            }
        }
        result.add(new Token(Type.END, "", length, length));
        return result;
    }

    /** True when the last token ends a value, so a following '-' subtracts rather than signs a number. */
    private static boolean endsOperand(List<Token> result) {
        if (result.isEmpty()) {
            return false;
        }
        Token last = result.getLast();
        return switch (last.type()) {
            case WORD -> !last.isKeyword();
            case TEXT, NUMBER, DATE -> true;
            case SYMBOL -> last.is(")");
            case END -> false;
        };
    }

    /** A quoted text from the quote at {@code i}; returns the index after it. */
    private int quoted(String text, int i, List<Token> result) {
        int start = i;
        int length = text.length();
        StringBuilder value = new StringBuilder();
        i++;
        while (i < length) {
            char d = text.charAt(i);
            if (d == '\'') {
                if (i + 1 < length && text.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                result.add(new Token(Type.TEXT, value.toString(), start, i + 1));
                return i + 1;
            }
            value.append(d);
            i++;
        }
        throw new RuleSyntaxException(position(start), "this ' starts a text that is never closed; end it with ' "
                + "(write '' for a ' inside the text)");
    }

    /** A comparison symbol, parenthesis or comma at {@code i}; returns the index after it. */
    private int symbol(String text, int i, List<Token> result) {
        String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
        if (two.equals("<=") || two.equals(">=") || two.equals("!=") || two.equals("<>") || two.equals("==")) {
            result.add(new Token(Type.SYMBOL, two, i, i + 2));
            return i + 2;
        }
        if (text.charAt(i) == '!') {
            throw new RuleSyntaxException(position(i), "'!' must be followed by '=' (not equal: != )");
        }
        result.add(new Token(Type.SYMBOL, String.valueOf(text.charAt(i)), i, i + 1));
        return i + 1;
    }

    private RuleSyntaxException unexpected(String text, int start, String hint) {
        String shown = new String(Character.toChars(text.codePointAt(start)));
        return new RuleSyntaxException(position(start), "unexpected character '" + shown + "'"
                + (text.charAt(start) == '"' ? "; quote text with single quotes: 'like this'" : hint));
    }

    private static boolean isRuleWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '/';
    }

    private static boolean isExpressionWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private static boolean isNumberPart(char c, char previous) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':'
                || c == '+' && (previous == 'e' || previous == 'E');
    }
}
