package org.divergence.core.common;

/** A platform API could not be reached or kept failing; the command line maps it to exit code 4. */
public class NetworkException extends RuntimeException {
    public NetworkException(String message) {
        super(message);
    }

    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
