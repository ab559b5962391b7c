package org.divergence.exchange.common;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.divergence.core.common.InvalidInputException;

/**
 * A refusal in our words, naming the file and what is wrong; what the format library said (POI, PDFBox, the ZIP or
 * XML reader) goes to the log, at FINE, for whoever debugs it, and stays the exception's cause.
 */
public final class Refusal {

    private static final Logger LOG = Logger.getLogger(Refusal.class.getName());

    private Refusal() {
    }

    public static InvalidInputException of(String message, Throwable libraryError) {
        LOG.log(Level.FINE, message, libraryError);
        return new InvalidInputException(message, libraryError);
    }
}
