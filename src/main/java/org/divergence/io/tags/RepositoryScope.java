package org.divergence.io.tags;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Which repositories a rule is applied to: all of them, those of some import batches (what an import added or
 * updated: their rows carry the new batch id), or one repository (what live collection just stored). The
 * condition is a fixed fragment; the ids are bound.
 */
record RepositoryScope(String condition, List<Object> parameters) {

    static final RepositoryScope ALL = new RepositoryScope("1 = 1", List.of());

    static RepositoryScope batches(Collection<Long> batchIds) {
        if (batchIds.isEmpty()) {
            return new RepositoryScope("0 = 1", List.of());
        }
        return new RepositoryScope("batch_id IN (" + String.join(", ", Collections.nCopies(batchIds.size(), "?"))
                + ")", List.copyOf(batchIds));
    }

    static RepositoryScope repository(long repositoryId) {
        return new RepositoryScope("id = ?", List.of(repositoryId));
    }
}
