package org.divergence.store.project;

/** What a committed write changed, so that open views refresh only what they show. */
public enum DataArea {
    REPOSITORIES, BATCHES, TRANSCRIPTS, CASES, CODEBOOK, CODINGS, MEMOS, TAGS, EVIDENCE, CRAWLS, META,
    /** Custom metric definitions. */
    METRICS
}
