package org.divergence.core.project;

/** What a project holds, in counts: the answer of {@code info} and of the welcome screen. */
public record ProjectSummary(
        String name,
        int schemaVersion,
        long repositories,
        long githubRepositories,
        long huggingFaceRepositories,
        long importBatches,
        long transcripts,
        long cases,
        long codes,
        long codings,
        long coders) {

    public boolean isEmpty() {
        return repositories == 0 && transcripts == 0 && codes == 0;
    }
}
