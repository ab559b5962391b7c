package org.divergence.cli.common;

import java.io.PrintWriter;
import org.divergence.core.common.Progress;

/**
 * Progress on the terminal: a percentage line redrawn in place, at most a few times a second, and only when
 * standard error is a terminal (scripts see nothing but the result).
 */
public final class ConsoleProgress implements Progress {

    private static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean interactive = System.console() != null;
    private long lastUpdate;
    private boolean printed;

    public ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void update(long done, long total, String message) {
        if (!interactive) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastUpdate < INTERVAL_NANOS) {
            return;
        }
        lastUpdate = now;
        String percent = total > 0 ? String.format("%3d%% ", Math.min(100, done * 100 / total)) : "";
        err.print("\r" + percent + (message == null ? "" : message) + "\u001B[K");
        err.flush();
        printed = true;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    /** Clears the progress line before the result is printed. */
    public void finish() {
        if (printed) {
            err.print("\r\u001B[K");
            err.flush();
        }
    }
}
