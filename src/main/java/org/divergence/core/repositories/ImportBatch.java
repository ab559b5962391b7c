package org.divergence.core.repositories;

import java.time.Instant;

/**
 * One import (a file, or a live collection): where the repositories came from and what it did.
 *
 * @param asOf the date of the population snapshot the file is (import --as-of), or null
 * @param note how the file was read, when its format alone does not say (e.g. a Hub snapshot's definition of
 *             derivatives), or null
 * @param query for a batch a database server computed (a shard of {@code collect clickhouse}): the query and where it
 *              ran; null otherwise
 */
public record ImportBatch(long id, String sourceName, String sourceSha256, String format, Instant importedAt,
                          long rowsRead, long added, long updated, long skipped, long currentRepositories,
                          String asOf, String note, BatchQuery query) {

    public ImportBatch(long id, String sourceName, String sourceSha256, String format, Instant importedAt,
                       long rowsRead, long added, long updated, long skipped, long currentRepositories) {
        this(id, sourceName, sourceSha256, format, importedAt, rowsRead, added, updated, skipped, currentRepositories,
                null, null, null);
    }

    public ImportBatch(long id, String sourceName, String sourceSha256, String format, Instant importedAt,
                       long rowsRead, long added, long updated, long skipped, long currentRepositories,
                       BatchQuery query) {
        this(id, sourceName, sourceSha256, format, importedAt, rowsRead, added, updated, skipped, currentRepositories,
                null, null, query);
    }

    public ImportBatch withQuery(BatchQuery value) {
        return new ImportBatch(id, sourceName, sourceSha256, format, importedAt, rowsRead, added, updated, skipped,
                currentRepositories, asOf, note, value);
    }

    /** "as of 2026-12-01; Parquet, Hugging Face models snapshot …", or null when there is nothing to add. */
    public String describeNotes() {
        if (asOf == null && note == null) {
            return null;
        }
        return asOf == null ? note : note == null ? "snapshot as of " + asOf : "snapshot as of " + asOf + "; " + note;
    }
}
