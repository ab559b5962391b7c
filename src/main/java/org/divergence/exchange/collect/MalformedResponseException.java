package org.divergence.exchange.collect;

import org.divergence.core.common.NetworkException;

/**
 * The API's answer could not be used: not JSON, JSON of an unexpected shape, too large, or a next-page link to
 * another site. Treated like a network fault: the crawl stops there and can be resumed.
 */
public class MalformedResponseException extends NetworkException {

    public MalformedResponseException(String message) {
        super(message);
    }

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
