package org.divergence.core.tags;

/** The comparison operators of tag rules (the store spells each in SQL: {@code store.expressions.RuleSql}). */
public enum RuleOperator {
    EQUAL("="),
    NOT_EQUAL("!="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    RuleOperator(String symbol) {
        this.symbol = symbol;
    }

    /** As rules are written (and printed back). */
    public String symbol() {
        return symbol;
    }

    /** True for {@code =} and {@code !=}, the only operators that make sense on platform and type codes. */
    public boolean isEquality() {
        return this == EQUAL || this == NOT_EQUAL;
    }
}
