package org.divergence.core.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;

/**
 * The canonical columns a tag rule can test, each with the kind of value it holds. The column names are the fixed
 * names of the project's {@code repository} table; a rule's own text never reaches SQL.
 */
public enum RuleColumn {
    PLATFORM("platform", Kind.PLATFORM),
    REPO_TYPE("repo_type", Kind.REPO_TYPE),
    FULL_NAME("full_name", Kind.TEXT),
    CREATED_AT("created_at", Kind.DATE),
    CONTRIBUTORS(CountColumn.CONTRIBUTORS),
    COMMITS(CountColumn.COMMITS),
    PULL_REQUESTS(CountColumn.PULL_REQUESTS),
    MERGED_PULL_REQUESTS(CountColumn.MERGED_PULL_REQUESTS),
    ISSUES(CountColumn.ISSUES),
    DISCUSSIONS(CountColumn.DISCUSSIONS),
    STARS(CountColumn.STARS),
    FORKS(CountColumn.FORKS),
    DOWNLOADS(CountColumn.DOWNLOADS),
    LIKES(CountColumn.LIKES),
    DERIVATIVES(CountColumn.DERIVATIVES);

    /** What a column holds, which decides the operators and values it accepts. */
    public enum Kind {
        /** github or huggingface. */
        PLATFORM,
        /** code, model, dataset or space. */
        REPO_TYPE,
        /** Free text (the repository's name). */
        TEXT,
        /** An ISO-8601 date or instant, compared by day. */
        DATE,
        /** A whole number ≥ 0. */
        COUNT
    }

    private final String column;
    private final Kind kind;

    RuleColumn(String column, Kind kind) {
        this.column = column;
        this.kind = kind;
    }

    RuleColumn(CountColumn count) {
        this(count.column(), Kind.COUNT);
    }

    /** The fixed column name in the project's {@code repository} table. */
    public String column() {
        return column;
    }

    public Kind kind() {
        return kind;
    }

    /** The allowed text values of a platform or type column; empty for other columns. */
    public List<String> allowedValues() {
        List<String> values = new ArrayList<>();
        if (kind == Kind.PLATFORM) {
            for (Platform platform : Platform.values()) {
                values.add(platform.code());
            }
        } else if (kind == Kind.REPO_TYPE) {
            for (RepoType type : RepoType.values()) {
                values.add(type.code());
            }
        }
        return values;
    }

    /** By column name, ignoring case; "name" is accepted for full_name. */
    public static Optional<RuleColumn> of(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("name")) {
            return Optional.of(FULL_NAME);
        }
        for (RuleColumn column : values()) {
            if (column.column.equals(key)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** "platform, repo_type, …, derivatives": for messages that list what is accepted. */
    public static String names() {
        List<String> names = new ArrayList<>();
        for (RuleColumn column : values()) {
            names.add(column.column);
        }
        return String.join(", ", names);
    }
}
