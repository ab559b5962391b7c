package org.divergence.core.metrics;

import java.util.List;
import org.divergence.core.stats.FrequencyCounter;
import org.divergence.core.stats.FrequencyTable;

/**
 * Collects, row by row, what the comparison needs: per group, each numeric metric's frequency table and each share
 * metric's known / yes counts. Memory grows with the number of distinct values, not with the number of rows, so a
 * scan of millions of repositories stays small. Not thread-safe: parallel scans fill one accumulator each and
 * {@link #addAll} them.
 */
public final class MetricAccumulator {

    private final GroupSplit split;
    private final Metric[] numeric = Metric.numeric().toArray(Metric[]::new);
    private final Metric[] shares = Metric.shares().toArray(Metric[]::new);
    private final FrequencyCounter[][] counters;
    private final long[][] shareKnown;
    private final long[][] shareYes;
    private final long[] groupRows;
    private long rowsRead;

    public MetricAccumulator(GroupSplit split) {
        this.split = split;
        int groups = split.groups().size();
        counters = new FrequencyCounter[groups][numeric.length];
        for (FrequencyCounter[] group : counters) {
            for (int m = 0; m < group.length; m++) {
                group[m] = new FrequencyCounter();
            }
        }
        shareKnown = new long[groups][shares.length];
        shareYes = new long[groups][shares.length];
        groupRows = new long[groups];
    }

    public GroupSplit split() {
        return split;
    }

    /** Adds one repository to its group (if it has one). */
    public void add(RepositoryCounts repository) {
        rowsRead++;
        int group = split.groupOf(repository);
        if (group < 0) {
            return;
        }
        groupRows[group]++;
        FrequencyCounter[] groupCounters = counters[group];
        for (int m = 0; m < groupCounters.length; m++) {
            double value = numeric[m].valueOf(repository);
            if (!Double.isNaN(value)) {
                groupCounters[m].add(value);
            }
        }
        for (int s = 0; s < shares.length; s++) {
            double value = shares[s].valueOf(repository);
            if (!Double.isNaN(value)) {
                shareKnown[group][s]++;
                if (value > 0) {
                    shareYes[group][s]++;
                }
            }
        }
    }

    /** Adds what another accumulator of the same split collected (e.g. another partition of the table). */
    public void addAll(MetricAccumulator other) {
        if (other.split != split) {
            throw new IllegalArgumentException("different splits");
        }
        rowsRead += other.rowsRead;
        for (int g = 0; g < groupRows.length; g++) {
            groupRows[g] += other.groupRows[g];
            for (int m = 0; m < numeric.length; m++) {
                counters[g][m].addAll(other.counters[g][m]);
            }
            for (int s = 0; s < shares.length; s++) {
                shareKnown[g][s] += other.shareKnown[g][s];
                shareYes[g][s] += other.shareYes[g][s];
            }
        }
    }

    /** Rows seen, including those in no group. */
    public long rowsRead() {
        return rowsRead;
    }

    /** Repositories in the group. */
    public long rows(int group) {
        return groupRows[group];
    }

    /** The group's known values of a numeric metric. */
    public FrequencyTable table(int group, Metric metric) {
        return counters[group][List.of(numeric).indexOf(metric)].toTable();
    }

    /** Repositories of the group for which the share metric is known. */
    public long shareKnown(int group, Metric metric) {
        return shareKnown[group][List.of(shares).indexOf(metric)];
    }

    /** Repositories of the group that have the share metric's property. */
    public long shareYes(int group, Metric metric) {
        return shareYes[group][List.of(shares).indexOf(metric)];
    }
}
