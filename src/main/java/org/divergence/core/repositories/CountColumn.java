package org.divergence.core.repositories;

/** The canonical sample's count columns, in file order. A count is a whole number ≥ 0, or unknown (NULL). */
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

    private final String column;

    CountColumn(String column) {
        this.column = column;
    }

    /** The column's name in files and in the project's {@code repository} table. */
    public String column() {
        return column;
    }

    public static java.util.Optional<CountColumn> ofColumn(String name) {
        for (CountColumn count : values()) {
            if (count.column.equals(name)) {
                return java.util.Optional.of(count);
            }
        }
        return java.util.Optional.empty();
    }
}
