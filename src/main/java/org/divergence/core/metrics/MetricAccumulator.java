package org.divergence.core.metrics;

import java.util.List;
import org.divergence.core.stats.FrequencyCounter;
import org.divergence.core.stats.FrequencyTable;

/**
 * Collects, row by row, what the comparison needs: per group, each numeric metric's frequency table; share metrics
 * are read off the table of the metric they threshold. Memory grows with the number of distinct values, not with the
 * number of rows, so a scan of millions of repositories stays small. Not thread-safe: parallel scans fill one
 * accumulator each and {@link #addAll} them.
 */
public final class MetricAccumulator {

    private final GroupSplit split;
    private final Metric[] numeric = Metric.numeric().toArray(Metric[]::new);
    private final FrequencyCounter[][] counters;
    private final long[] groupRows;
    private long rowsRead;
    /** Tables built since the last change (statistics ask for the same tables several times). */
    private FrequencyTable[][] tables;

    public MetricAccumulator(GroupSplit split) {
        this.split = split;
        int groups = split.groups().size();
        counters = new FrequencyCounter[groups][numeric.length];
        for (FrequencyCounter[] group : counters) {
            for (int m = 0; m < group.length; m++) {
                group[m] = new FrequencyCounter();
            }
        }
        groupRows = new long[groups];
    }

    public GroupSplit split() {
        return split;
    }

    /** Adds one repository to its group (if it has one). */
    public void add(RepositoryCounts repository) {
        tables = null;
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
    }

    /** Adds what another accumulator of the same split collected (e.g. another partition of the table). */
    public void addAll(MetricAccumulator other) {
        if (other.split != split) {
            throw new IllegalArgumentException("different splits");
        }
        tables = null;
        rowsRead += other.rowsRead;
        for (int g = 0; g < groupRows.length; g++) {
            groupRows[g] += other.groupRows[g];
            for (int m = 0; m < numeric.length; m++) {
                counters[g][m].addAll(other.counters[g][m]);
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
        int index = List.of(numeric).indexOf(metric);
        if (index < 0) {
            throw new IllegalArgumentException(metric.key() + " is not a numeric metric");
        }
        if (tables == null) {
            tables = new FrequencyTable[groupRows.length][numeric.length];
        }
        if (tables[group][index] == null) {
            tables[group][index] = counters[group][index].toTable();
        }
        return tables[group][index];
    }

    /** Repositories of the group for which the share metric is known. */
    public long shareKnown(int group, Metric metric) {
        return table(group, metric.shareOf()).n();
    }

    /** Repositories of the group that have the share metric's property. */
    public long shareYes(int group, Metric metric) {
        FrequencyTable table = table(group, metric.shareOf());
        long yes = 0;
        for (int i = 0; i < table.distinct(); i++) {
            if (table.value(i) >= metric.threshold()) {
                yes += table.count(i);
            }
        }
        return yes;
    }
}
