package org.divergence.app.repositories;

import java.util.EnumSet;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.ImportBatches;
import org.divergence.store.tags.TagRules;

/**
 * Takes an import back: the batch's repositories are removed or restored to their earlier values, and the tag rules
 * are applied again (restored values may match differently, docs/tags.md), in one transaction.
 */
public final class RemoveImportBatch {

    private RemoveImportBatch() {
    }

    /** Returns how many repositories were deleted and how many restored. */
    public static long[] remove(Project project, long batchId) {
        return project.write(EnumSet.of(DataArea.REPOSITORIES, DataArea.BATCHES, DataArea.TAGS), connection -> {
            long[] removed = ImportBatches.remove(connection, batchId);
            TagRules.reapplyAll(connection);
            return removed;
        });
    }
}
