package org.divergence.core.common;

/** Thrown by long-running work when the user cancelled it; whatever it was writing is rolled back. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("Cancelled");
    }
}
