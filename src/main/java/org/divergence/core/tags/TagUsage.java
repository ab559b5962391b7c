package org.divergence.core.tags;

/**
 * How much a factor tag is used: the repositories that carry it (by hand, by rule, or both: each counted once),
 * those tagged by hand, those tagged by at least one rule, and its rules.
 */
public record TagUsage(FactorTag tag, long repositories, long byHand, long byRule, int rules) {

    public boolean isUsed() {
        return repositories > 0 || rules > 0;
    }
}
