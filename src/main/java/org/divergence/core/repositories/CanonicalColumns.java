package org.divergence.core.repositories;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The canonical repository sample: one row per repository, these columns in this order (BRIEF section 3).
 * An empty cell means unknown, never 0.
 */
public final class CanonicalColumns {

    public static final String PLATFORM = "platform";
    public static final String REPO_TYPE = "repo_type";
    public static final String FULL_NAME = "full_name";
    public static final String CREATED_AT = "created_at";

    public static final List<String> ALL;

    static {
        List<String> columns = new ArrayList<>(List.of(PLATFORM, REPO_TYPE, FULL_NAME, CREATED_AT));
        for (CountColumn count : CountColumn.values()) {
            columns.add(count.column());
        }
        ALL = Collections.unmodifiableList(columns);
    }

    private CanonicalColumns() {
    }

    public static boolean isCanonical(String column) {
        return ALL.contains(column);
    }
}
