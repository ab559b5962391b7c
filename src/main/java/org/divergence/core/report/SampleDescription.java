package org.divergence.core.report;

import java.util.List;
import org.divergence.core.repositories.ImportBatch;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;

/**
 * What the report is about: repositories per platform and type (in the project, and in the report after its
 * filter), the import batches they came from with their SHA-256, and the interviews.
 */
public record SampleDescription(List<TypeCount> counts, List<ImportBatch> batches, Interviews interviews) {

    /** Repositories of one platform and type: in the whole project, and those the report's filter keeps. */
    public record TypeCount(Platform platform, RepoType type, long inProject, long inReport) {
    }

    /** The interview side: transcripts, cases, coders (by name), codes and codings. */
    public record Interviews(long transcripts, long cases, List<String> coders, long codes, long codings) {
    }

    public SampleDescription withBatches(List<ImportBatch> value) {
        return new SampleDescription(counts, List.copyOf(value), interviews);
    }

    public long totalInProject() {
        return counts.stream().mapToLong(TypeCount::inProject).sum();
    }

    public long totalInReport() {
        return counts.stream().mapToLong(TypeCount::inReport).sum();
    }
}
