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

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ConsoleLine line;
    private final boolean interactive;
    private Instant announcedWait;

    CrawlConsole(PrintWriter err, boolean interactive) {
        this.line = new ConsoleLine(err);
        this.interactive = interactive;
    }

    @Override
    public synchronized void accept(CrawlProgress progress) {
        if (interactive) {
            line.draw(progress.describe(), progress.waiting());
            return;
        }
        if (progress.waiting() && !progress.waitingUntil().equals(announcedWait)) {
            announcedWait = progress.waitingUntil();
            line.println("waiting " + CrawlProgress.clock(progress.waitLeft()) + " (until "
                    + TIME.format(progress.waitingUntil()) + "): " + progress.waitReason());
        }
    }

    void finish() {
        line.finish();
    }
}
