package org.divergence.store.repositories;

import java.sql.Connection;
import java.sql.SQLException;
import org.divergence.core.repositories.RepositoryRow;

/**
 * How live collection stores repositories: one at a time, inside the caller's transaction (so a repository's row
 * and the crawl's record that it is done commit together), into a batch like any import.
 */
public final class CollectedRepositories {

    private CollectedRepositories() {
    }

    /** Records the batch a collection run stores into; {@code source} names it, e.g. "GitHub API: search stars:>1000". */
    public static long beginBatch(Connection connection, String source, String format) throws SQLException {
        return ImportBatches.begin(connection, source, null, format);
    }

    /** Adds or updates one repository; returns true when it is new to the project. */
    public static boolean store(Connection connection, long batchId, RepositoryRow row) throws SQLException {
        return RepositoryTableWriter.upsertOne(connection, batchId, row);
    }

    /** Updates the batch's counts after more repositories were stored. */
    public static void updateCounts(Connection connection, long batchId, long read, long added, long updated,
                                    long skipped) throws SQLException {
        ImportBatches.finish(connection, batchId, null, read, added, updated, skipped);
    }
}
