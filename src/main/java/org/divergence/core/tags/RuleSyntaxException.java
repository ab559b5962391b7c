package org.divergence.core.tags;

import org.divergence.core.common.InvalidInputException;

/**
 * A tag rule that cannot be parsed or does not fit its columns, with the character (counted from 1) where the
 * problem is: "at character 17: expected a value after '='".
 */
public final class RuleSyntaxException extends InvalidInputException {

    private final int position;
    private final String reason;

    public RuleSyntaxException(int position, String reason) {
        super("at character " + position + ": " + reason);
        this.position = position;
        this.reason = reason;
    }

    /** The character, counted from 1, where the problem was found. */
    public int position() {
        return position;
    }

    /** The message without its position. */
    public String reason() {
        return reason;
    }
}
