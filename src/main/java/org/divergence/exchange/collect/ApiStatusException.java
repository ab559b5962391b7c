package org.divergence.exchange.collect;

import org.divergence.core.common.NetworkException;

/**
 * The API answered, but not with the data: 404 (no such repository), 401 (token refused), 403 that is not a rate
 * limit, 410, 451 … The message names the request and the API's own explanation; it never holds request headers.
 */
public class ApiStatusException extends NetworkException {

    private final int status;

    public ApiStatusException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The repository does not exist (any more), or may not be shown: nothing to retry. */
    public boolean isGone() {
        return status == 404 || status == 410 || status == 451;
    }
}
