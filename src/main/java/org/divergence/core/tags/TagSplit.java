package org.divergence.core.tags;

import java.util.Arrays;
import java.util.List;
import org.divergence.core.metrics.Group;
import org.divergence.core.metrics.GroupPair;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.RepositoryCounts;

/**
 * Untagged (group a) vs tagged (group b) repositories for one factor tag: {@code compare --by tag:NAME}. The
 * tagged repositories' ids are loaded before the scan; membership is a binary search, so the split is cheap at any
 * size and safe to share between scan threads.
 */
public final class TagSplit implements GroupSplit {

    public static final String UNTAGGED = "untagged";

    private final FactorTag tag;
    /** The colour of the untagged repositories on every chart and table. */
    public static final String UNTAGGED_COLOUR = "#999999";

    private final long[] taggedIds;
    private final List<Group> groups;

    /** {@code taggedIds}: the repositories carrying the tag, in any order. */
    public TagSplit(FactorTag tag, long[] taggedIds) {
        this.tag = tag;
        this.taggedIds = taggedIds.clone();
        Arrays.sort(this.taggedIds);
        // The tagged group in the tag's own colour (as in the tag lists), the others grey.
        this.groups = List.of(new Group(UNTAGGED, "Untagged", "untagged repositories", UNTAGGED_COLOUR),
                new Group(tag.name(), tag.name(), "\u201C" + tag.name() + "\u201D repositories", tag.color()));
    }

    public FactorTag tag() {
        return tag;
    }

    /** How many repositories carry the tag (in the whole project, before any filter). */
    public int taggedCount() {
        return taggedIds.length;
    }

    @Override
    public String groupBy() {
        return "tag:" + tag.name();
    }

    @Override
    public List<Group> groups() {
        return groups;
    }

    @Override
    public List<GroupPair> pairs() {
        return List.of(new GroupPair(0, 1));
    }

    @Override
    public int groupOf(RepositoryCounts repository) {
        return Arrays.binarySearch(taggedIds, repository.id()) >= 0 ? 1 : 0;
    }

    @Override
    public boolean needsRepositoryId() {
        return true;
    }

    @Override
    public String toString() {
        return groupBy();
    }
}
