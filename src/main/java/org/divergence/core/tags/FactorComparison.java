package org.divergence.core.tags;

import org.divergence.core.metrics.PairComparison;

/**
 * One factor's row for a joint display or report: how many repositories carry the tag, how many were compared on
 * each side (within the report's filter), and the comparison of untagged (a) with tagged (b) repositories.
 */
public record FactorComparison(FactorTag tag, long taggedInProject, long untaggedCompared, long taggedCompared,
                               PairComparison comparison) {
}
