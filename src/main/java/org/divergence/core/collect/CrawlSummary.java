package org.divergence.core.collect;

/** A crawl as the project records it: what was asked, how far it got, and why it stopped if it did. */
public record CrawlSummary(long id, CrawlRequest request, CrawlState state, int total, int done, int failed,
                           long requests, String createdAt, String updatedAt, Long batchId, String lastError) {

    public int pending() {
        return Math.max(0, total - done - failed);
    }

    public boolean resumable() {
        return state != CrawlState.FINISHED;
    }
}
