package org.divergence.cli.collect;

import java.io.PrintWriter;
import java.util.function.Consumer;
import org.divergence.core.collect.ShardProgress;

/**
 * A ClickHouse collection's progress on standard error: a line when a shard's query is sent and one when its rows are
 * stored (shards can take minutes each, so a log shows what is running); on a terminal the running shard's row count
 * is redrawn in place. Shards stored by an earlier run are not listed again.
 */
final class ShardConsole implements Consumer<ShardProgress> {

    private static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean interactive;
    private boolean running;
    private boolean drawn;
    private long lastDraw;

    ShardConsole(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public synchronized void accept(ShardProgress progress) {
        switch (progress.phase()) {
            case WAITING -> {
            }
            case QUERYING -> {
                running = true;
                line(progress.describe() + "…", !interactive);
            }
            case STORING -> {
                long now = System.nanoTime();
                if (interactive && now - lastDraw >= INTERVAL_NANOS) {
                    lastDraw = now;
                    line(progress.describe(), false);
                }
            }
            case STORED -> {
                if (running) {
                    line(progress.describe(), true);
                }
            }
        }
    }

    private void line(String text, boolean keep) {
        if (keep) {
            err.println((drawn ? "\r\u001B[K" : "") + text);
            drawn = false;
        } else {
            err.print("\r" + text + "\u001B[K");
            drawn = true;
        }
        err.flush();
    }

    synchronized void finish() {
        if (drawn) {
            err.print("\r\u001B[K");
            err.flush();
            drawn = false;
        }
    }
}
