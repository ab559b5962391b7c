package org.divergence.core.collect;

/**
 * A ClickHouse collection as the project records it: what it asks, how many of its shards are stored (each one
 * import batch) with how many rows, and why it last stopped, if it did.
 */
public record ClickHouseCollection(long id, ClickHouseRequest request, int done, long rows, String createdAt,
                                   String updatedAt, String lastError) {

    public int pending() {
        return request.shards() - done;
    }

    public boolean finished() {
        return done >= request.shards();
    }

    /** "3 of 16 shards stored (1,234 rows)". */
    public String progress() {
        return String.format(java.util.Locale.ROOT, "%d of %d %s stored (%,d rows)", done, request.shards(),
                request.shards() == 1 ? "shard" : "shards", rows);
    }
}
