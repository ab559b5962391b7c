package org.divergence.core.common;

/**
 * Input the user gave us is wrong: a file that is not a project, a malformed row, a bad option value.
 * The message names the place (file, line, column or field) and is shown to the user as it is.
 * The command line maps it to exit code 3.
 */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
