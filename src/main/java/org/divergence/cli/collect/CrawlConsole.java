package org.divergence.cli.collect;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import org.divergence.core.collect.CrawlProgress;

/**
 * A crawl's progress on standard error. On a terminal: one line redrawn in place (at most four times a second, and
 * every second of a wait, as a countdown). Otherwise (scripts, logs): a line only when a wait begins, so that a
 * silent pause is never a mystery.
 */
final class CrawlConsole implements Consumer<CrawlProgress> {

    private static final long INTERVAL_NANOS = 250_000_000L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final PrintWriter err;
    private final boolean interactive;
    private long lastDraw;
    private boolean drawn;
    private Instant announcedWait;

    CrawlConsole(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public synchronized void accept(CrawlProgress progress) {
        if (interactive) {
            long now = System.nanoTime();
            if (now - lastDraw < INTERVAL_NANOS && !progress.waiting()) {
                return;
            }
            lastDraw = now;
            err.print("\r" + progress.describe() + "\u001B[K");
            err.flush();
            drawn = true;
            return;
        }
        if (progress.waiting() && !progress.waitingUntil().equals(announcedWait)) {
            announcedWait = progress.waitingUntil();
            err.println("waiting " + CrawlProgress.clock(progress.waitLeft()) + " (until "
                    + TIME.format(progress.waitingUntil()) + "): " + progress.waitReason());
            err.flush();
        }
    }

    synchronized void finish() {
        if (drawn) {
            err.print("\r\u001B[K");
            err.flush();
            drawn = false;
        }
    }
}
