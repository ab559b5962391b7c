package org.divergence.exchange.repositories;

import java.time.LocalDate;
import java.util.Optional;
import org.divergence.core.repositories.RepoType;

/**
 * How repository files are read: {@code skipInvalid} imports the valid rows and sets the rejected ones aside;
 * {@code huggingFaceType} tells API JSON or a Parquet snapshot of unknown kind which Hugging Face type it holds;
 * {@code asOf} is the date a population snapshot was taken (its downloads are the 30 days before), recorded with
 * each batch, or null.
 */
public record ImportOptions(boolean skipInvalid, Optional<RepoType> huggingFaceType, LocalDate asOf) {

    public ImportOptions(boolean skipInvalid, Optional<RepoType> huggingFaceType) {
        this(skipInvalid, huggingFaceType, null);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(false, Optional.empty());
    }
}
