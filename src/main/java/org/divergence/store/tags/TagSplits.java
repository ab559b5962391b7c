package org.divergence.store.tags;

import org.divergence.core.tags.FactorTag;
import org.divergence.core.tags.TagSplit;
import org.divergence.store.project.Project;

/** Resolves "tag:NAME" groupings against a project: the tag's code and the ids of the repositories carrying it. */
public final class TagSplits {

    public static final String PREFIX = "tag:";

    private TagSplits() {
    }

    public static boolean isTagGrouping(String by) {
        return by != null && by.strip().regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** "tag:Compute requirements" → untagged vs tagged; an unknown or ambiguous name is invalid input. */
    public static TagSplit byName(Project project, String by) {
        String name = by.strip().substring(PREFIX.length());
        return of(project, new RepositoryTags(project).resolve(name));
    }

    public static TagSplit of(Project project, FactorTag tag) {
        return new TagSplit(tag, new RepositoryTags(project).taggedIds(tag.codeId()));
    }
}
