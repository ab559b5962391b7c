package org.divergence.core.collect;

import java.util.Locale;

/**
 * One step of a ClickHouse collection's shard, for whoever shows it: the query was sent, rows are being stored, or
 * the shard is stored (as import batch {@code batchId}).
 *
 * @param shard   0-based; shown 1-based
 * @param rows    rows stored so far (STORING) or in all (STORED)
 * @param skipped rows set aside because they break a rule of the canonical sample
 * @param stored  how many of the collection's shards are stored, this one included once STORED
 */
public record ShardProgress(long collectionId, int shard, int shards, Phase phase, long rows, long skipped,
                            Long batchId, double seconds, int stored) {

    public enum Phase { WAITING, QUERYING, STORING, STORED }

    /** "shard 3 of 16: 12,345 rows stored (batch 7, 2.1 s)" and the like. */
    public String describe() {
        String name = "shard " + (shard + 1) + " of " + shards + ": ";
        return name + switch (phase) {
            case WAITING -> "waiting";
            case QUERYING -> "the server is aggregating";
            case STORING -> String.format(Locale.ROOT, "storing, %,d rows so far", rows);
            case STORED -> String.format(Locale.ROOT, "%,d %s stored%s (batch %d, %.1f s)", rows,
                    rows == 1 ? "row" : "rows", skipped > 0 ? String.format(Locale.ROOT, ", %,d set aside", skipped)
                    : "", batchId, seconds);
        };
    }
}
