package org.divergence.gui.compare;

import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.GroupSplits;

/** The groupings the Compare view offers. */
public enum Grouping {
    PLATFORM("GitHub vs Hugging Face", GroupSplits.PLATFORM),
    REPO_TYPE("Code vs each Hugging Face type", GroupSplits.REPO_TYPE);

    private final String label;
    private final GroupSplit split;

    Grouping(String label, GroupSplit split) {
        this.label = label;
        this.split = split;
    }

    public GroupSplit split() {
        return split;
    }

    @Override
    public String toString() {
        return label;
    }
}
