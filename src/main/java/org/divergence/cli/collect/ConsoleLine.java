package org.divergence.cli.collect;

import java.io.PrintWriter;

/**
 * A collection's status line on standard error: on a terminal it is redrawn in place, at most four times a second
 * unless asked otherwise; lines printed for good clear it first.
 */
final class ConsoleLine {

    private static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintWriter err;
    private long lastDraw;
    private boolean drawn;

    ConsoleLine(PrintWriter err) {
        this.err = err;
    }

    /** Redraws the line, unless it was drawn less than a quarter of a second ago and {@code now} is false. */
    synchronized void draw(String text, boolean now) {
        long time = System.nanoTime();
        if (!now && time - lastDraw < INTERVAL_NANOS) {
            return;
        }
        lastDraw = time;
        err.print("\r" + text + "\u001B[K");
        err.flush();
        drawn = true;
    }

    /** A line that stays. */
    synchronized void println(String text) {
        clear();
        err.println(text);
        err.flush();
    }

    /** Clears the status line before the result is printed. */
    synchronized void finish() {
        clear();
        err.flush();
    }

    private void clear() {
        if (drawn) {
            err.print("\r\u001B[K");
            drawn = false;
        }
    }
}
