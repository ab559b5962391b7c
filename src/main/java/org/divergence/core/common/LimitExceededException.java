package org.divergence.core.common;

/**
 * Input refused because it passes one of the readers' documented limits (a record, an entry, a text longer than a
 * 256 MB heap is meant to hold): the message names the file and the limit. Still invalid input (exit code 3).
 */
public class LimitExceededException extends InvalidInputException {
    public LimitExceededException(String message) {
        super(message);
    }
}
