package org.divergence.core.metrics;

import java.util.List;

/**
 * How repositories are split into groups and which groups are compared. Each repository falls into at most one
 * group; each {@link GroupPair} is one comparison, reported with the pair's two group keys.
 *
 * <p>The extension point for further groupings (e.g. {@code --by tag:NAME}, groups ["untagged", "NAME"]): a split
 * that needs more than the row itself gets it before the scan (a tag's repository ids, loaded by the store) and
 * decides {@link #groupOf} from {@link RepositoryCounts#id()}.
 */
public interface GroupSplit {

    /** What the JSON reports as "group_by", e.g. "platform", "repo_type". */
    String groupBy();

    List<Group> groups();

    /** The comparisons, in report order. */
    List<GroupPair> pairs();

    /** The index of the repository's group, or -1 when it takes part in no comparison. */
    int groupOf(RepositoryCounts repository);

    /** True when {@link #groupOf} reads {@link RepositoryCounts#id()}; readers skip loading ids otherwise. */
    default boolean needsRepositoryId() {
        return false;
    }
}
