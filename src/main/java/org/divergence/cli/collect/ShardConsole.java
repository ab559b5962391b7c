package org.divergence.cli.collect;

import java.io.PrintWriter;
import java.util.function.Consumer;
import org.divergence.core.collect.ShardProgress;

/**
 * A ClickHouse collection's progress on standard error: a line when a shard's query is sent (on a terminal, redrawn
 * with the rows stored so far) and one when its rows are stored; shards can take minutes each, so a log shows what is
 * running. Shards stored by an earlier run are not listed again.
 */
final class ShardConsole implements Consumer<ShardProgress> {

    private final ConsoleLine line;
    private final boolean interactive;
    private boolean running;

    ShardConsole(PrintWriter err, boolean interactive) {
        this.line = new ConsoleLine(err);
        this.interactive = interactive;
    }

    @Override
    public synchronized void accept(ShardProgress progress) {
        switch (progress.phase()) {
            case WAITING -> {
            }
            case QUERYING -> {
                running = true;
                if (interactive) {
                    line.draw(progress.describe() + "…", true);
                } else {
                    line.println(progress.describe() + "…");
                }
            }
            case STORING -> {
                if (interactive) {
                    line.draw(progress.describe(), false);
                }
            }
            case STORED -> {
                if (running) {
                    line.println(progress.describe());
                }
            }
        }
    }

    void finish() {
        line.finish();
    }
}
