package org.divergence.core.metrics;

import org.divergence.core.repositories.RepositoryFilter;
import java.util.List;
import org.divergence.core.stats.BootstrapMedianDifference;

/**
 * A full comparison: the metrics compared (built-in and custom), how repositories were grouped, filtered and
 * stratified, the bootstrap settings used, how many rows were read, and one {@link PairComparison} per compared
 * pair of groups.
 */
public record ComparisonReport(MetricSet metrics, GroupSplit split, RepositoryFilter filter,
                               Stratification stratification, BootstrapMedianDifference.Settings bootstrap,
                               long rowsRead, List<PairComparison> comparisons) {

    /** True when the split has a single pair (platform, later tags): the JSON's flat shape. */
    public boolean isSinglePair() {
        return comparisons.size() == 1;
    }

    /** True when every pair was also compared within strata. */
    public boolean isStratified() {
        return stratification != Stratification.NONE;
    }
}
