package org.divergence.core.repositories;

/** A repository as the project holds it: its row id, the batch its values came from, and the values. */
public record StoredRepository(long id, long batchId, RepositoryRow row) {

    public String webUrl() {
        return row.platform().webUrl(row.type(), row.fullName());
    }
}
