package org.divergence.exchange.repositories;

import org.divergence.core.repositories.RepositoryRow;

/** Receives what a {@link RowSource} reads: valid rows, and (with --skip-invalid) the rows it rejected. */
public interface RowSink {
    void accept(RepositoryRow row, SourceLocation location);

    /** {@code raw} is the row as it stood in the file (CSV fields, or the JSON text), for the side file. */
    void reject(SourceLocation location, String reason, java.util.List<String> raw);

    /** What the file holds, when the source can say more than its format (a Parquet Hub snapshot); before any row. */
    default void describe(SourceDetails details) {
    }
}
