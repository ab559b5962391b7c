package org.divergence.core.metrics;

import org.divergence.core.stats.FrequencyCounter;
import org.divergence.core.stats.FrequencyTable;

/**
 * Per group, the frequency table of each numeric metric's known values: of every repository read
 * ({@link MetricAccumulator}), or of those created in one year ({@link MetricAccumulator#year(int)}). Share metrics
 * are read off the table of the numeric metric they threshold.
 */
@FunctionalInterface
public interface MetricTables {

    /** The group's known values of a numeric metric. */
    FrequencyTable table(int group, Metric metric);

    /** Repositories of the group for which the share metric is known. */
    default long shareKnown(int group, Metric share) {
        return table(group, share.shareOf()).n();
    }

    /** Repositories of the group that have the share metric's property. */
    default long shareYes(int group, Metric share) {
        FrequencyTable table = table(group, share.shareOf());
        long yes = 0;
        for (int i = 0; i < table.distinct(); i++) {
            if (table.value(i) >= share.threshold()) {
                yes += table.count(i);
            }
        }
        return yes;
    }

    /** The values a metric compares: a numeric metric's table, or a share metric as 0s (has not) and 1s (has). */
    default FrequencyTable values(int group, Metric metric) {
        if (metric.kind() == MetricKind.NUMERIC) {
            return table(group, metric);
        }
        long known = shareKnown(group, metric);
        long yes = shareYes(group, metric);
        FrequencyCounter counter = new FrequencyCounter();
        counter.add(0, known - yes);
        counter.add(1, yes);
        return counter.toTable();
    }
}
