package org.divergence.exchange.repositories;

import java.time.LocalDate;
import java.util.Optional;
import org.divergence.core.repositories.RepoType;

/**
 * How repository files are read: {@code skipInvalid} imports the valid rows and sets the rejected ones aside;
 * {@code huggingFaceType} tells API JSON or a Parquet snapshot of unknown kind which Hugging Face type it holds;
 * {@code asOf} is the date a population snapshot was taken (its downloads are the 30 days before), recorded with
 * each batch, or null; {@code columns} maps CSV columns named differently onto the canonical ones.
 */
public record ImportOptions(boolean skipInvalid, Optional<RepoType> huggingFaceType, LocalDate asOf,
                            ColumnMappings columns) {

    public ImportOptions(boolean skipInvalid, Optional<RepoType> huggingFaceType) {
        this(skipInvalid, huggingFaceType, null, ColumnMappings.NONE);
    }

    public ImportOptions(boolean skipInvalid, Optional<RepoType> huggingFaceType, LocalDate asOf) {
        this(skipInvalid, huggingFaceType, asOf, ColumnMappings.NONE);
    }

    public ImportOptions(boolean skipInvalid, Optional<RepoType> huggingFaceType, ColumnMappings columns) {
        this(skipInvalid, huggingFaceType, null, columns);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(false, Optional.empty());
    }
}
