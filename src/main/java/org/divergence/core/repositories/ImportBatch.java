package org.divergence.core.repositories;

import java.time.Instant;

/** One import (a file, or a live collection): where the repositories came from and what it did. */
public record ImportBatch(long id, String sourceName, String sourceSha256, String format, Instant importedAt,
                          long rowsRead, long added, long updated, long skipped, long currentRepositories) {
}
