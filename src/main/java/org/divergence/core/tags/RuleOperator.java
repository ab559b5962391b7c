package org.divergence.core.tags;

/** The comparison operators of tag rules, each with its fixed SQL spelling. */
public enum RuleOperator {
    EQUAL("=", "="),
    NOT_EQUAL("!=", "<>"),
    LESS("<", "<"),
    LESS_OR_EQUAL("<=", "<="),
    GREATER(">", ">"),
    GREATER_OR_EQUAL(">=", ">=");

    private final String symbol;
    private final String sql;

    RuleOperator(String symbol, String sql) {
        this.symbol = symbol;
        this.sql = sql;
    }

    /** As rules are written (and printed back). */
    public String symbol() {
        return symbol;
    }

    /** The SQL operator: a fixed fragment. */
    public String sql() {
        return sql;
    }

    /** True for {@code =} and {@code !=}, the only operators that make sense on platform and type codes. */
    public boolean isEquality() {
        return this == EQUAL || this == NOT_EQUAL;
    }
}
