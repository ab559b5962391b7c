package org.divergence.core.metrics;

/** The canonical count columns of a repository (BRIEF section 3); the key is the column's name. */
public enum CountColumn {
    CONTRIBUTORS("contributors"),
    COMMITS("commits"),
    PULL_REQUESTS("pull_requests"),
    MERGED_PULL_REQUESTS("merged_pull_requests"),
    ISSUES("issues"),
    DISCUSSIONS("discussions"),
    STARS("stars"),
    FORKS("forks"),
    DOWNLOADS("downloads"),
    LIKES("likes"),
    DERIVATIVES("derivatives");

    private final String key;

    CountColumn(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
