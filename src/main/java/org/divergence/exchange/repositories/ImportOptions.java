package org.divergence.exchange.repositories;

import java.util.Optional;
import org.divergence.core.repositories.RepoType;

/**
 * How repository files are read: {@code skipInvalid} imports the valid rows and sets the rejected ones aside;
 * {@code huggingFaceType} tells API JSON of unknown kind which Hugging Face type it holds; {@code columns} maps CSV
 * columns named differently onto the canonical ones.
 */
public record ImportOptions(boolean skipInvalid, Optional<RepoType> huggingFaceType, ColumnMappings columns) {

    public ImportOptions(boolean skipInvalid, Optional<RepoType> huggingFaceType) {
        this(skipInvalid, huggingFaceType, ColumnMappings.NONE);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(false, Optional.empty());
    }
}
