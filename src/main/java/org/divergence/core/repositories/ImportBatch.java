package org.divergence.core.repositories;

import java.time.Instant;

/**
 * One import (a file, or a live collection): where the repositories came from and what it did.
 *
 * @param query for a batch a database server computed (a shard of {@code collect clickhouse}): the query and where it
 *              ran; null otherwise
 */
public record ImportBatch(long id, String sourceName, String sourceSha256, String format, Instant importedAt,
                          long rowsRead, long added, long updated, long skipped, long currentRepositories,
                          BatchQuery query) {

    public ImportBatch withQuery(BatchQuery value) {
        return new ImportBatch(id, sourceName, sourceSha256, format, importedAt, rowsRead, added, updated, skipped,
                currentRepositories, value);
    }
}
