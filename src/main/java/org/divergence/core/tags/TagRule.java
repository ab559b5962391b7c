package org.divergence.core.tags;

/**
 * A saved rule: repositories matching {@code expression} carry the code {@code codeId} as a tag. The expression is
 * kept as written and parsed again whenever the rule is applied; {@code matches} is how many repositories it tags.
 */
public record TagRule(long id, long codeId, String expression, String createdAt, long matches) {

    /** The rule's parsed form (always valid: rules are parsed before they are saved). */
    public RuleExpression parsed() {
        return RuleParser.parse(expression);
    }
}
