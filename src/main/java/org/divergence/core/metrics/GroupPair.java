package org.divergence.core.metrics;

/** A comparison of group a (the reference, e.g. GitHub) with group b, as indexes into {@link GroupSplit#groups()}. */
public record GroupPair(int a, int b) {
}
