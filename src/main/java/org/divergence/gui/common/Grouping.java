package org.divergence.gui.common;

import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.GroupSplits;

/** The groupings the Compare view offers. */
public enum Grouping {
    PLATFORM("GitHub vs Hugging Face", GroupSplits.PLATFORM),
    REPO_TYPE("Code vs each Hugging Face type", GroupSplits.REPO_TYPE),
    /** Untagged vs tagged repositories for a code of the codebook; the split is made from the project. */
    TAG("Untagged vs a factor tag", null);

    private final String label;
    private final GroupSplit split;

    Grouping(String label, GroupSplit split) {
        this.label = label;
        this.split = split;
    }

    /** The built-in split; a tag grouping has none (see {@code store.tags.TagSplits}). */
    public GroupSplit split() {
        if (split == null) {
            throw new IllegalStateException(name() + " is resolved against the project");
        }
        return split;
    }

    public boolean isTag() {
        return this == TAG;
    }

    @Override
    public String toString() {
        return label;
    }
}
