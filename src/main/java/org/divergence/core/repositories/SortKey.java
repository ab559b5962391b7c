package org.divergence.core.repositories;

/** The columns the repository table can be sorted by (each canonical column; unknown values sort last). */
public enum SortKey {
    IMPORT_ORDER("id", "Import order"),
    FULL_NAME("full_name", "Name"),
    PLATFORM("platform", "Platform"),
    REPO_TYPE("repo_type", "Type"),
    CREATED_AT("created_at", "Created"),
    CONTRIBUTORS("contributors", "Contributors"),
    COMMITS("commits", "Commits"),
    PULL_REQUESTS("pull_requests", "Pull requests"),
    MERGED_PULL_REQUESTS("merged_pull_requests", "Merged PRs"),
    ISSUES("issues", "Issues"),
    DISCUSSIONS("discussions", "Discussions"),
    STARS("stars", "Stars"),
    FORKS("forks", "Forks"),
    DOWNLOADS("downloads", "Downloads"),
    LIKES("likes", "Likes"),
    DERIVATIVES("derivatives", "Derivatives");

    private final String column;
    private final String label;

    SortKey(String column, String label) {
        this.column = column;
        this.label = label;
    }

    /** A fixed column name of the repository table (never user text). */
    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    public static SortKey of(CountColumn count) {
        return valueOf(count.name());
    }
}
