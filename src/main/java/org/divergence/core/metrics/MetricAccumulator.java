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
public final class MetricAccumulator implements MetricTables {

    private final GroupSplit split;
    private final Metric[] numeric = Metric.numeric().toArray(Metric[]::new);
    private final FrequencyCounter[][] counters;
    private final long[] groupRows;
    /** Counts and metric tables by creation month and year, when the time view asked for them; else null. */
    private final CreationTimeline timeline;
    private long rowsRead;
    /** Tables built since the last change (statistics ask for the same tables several times). */
    private FrequencyTable[][] tables;

    public MetricAccumulator(GroupSplit split) {
        this(split, false);
    }

    /** With {@code byCreationTime}, also collects a {@link CreationTimeline} (readers then load creation dates). */
    public MetricAccumulator(GroupSplit split, boolean byCreationTime) {
        this.split = split;
        int groups = split.groups().size();
        counters = new FrequencyCounter[groups][numeric.length];
        for (FrequencyCounter[] group : counters) {
            for (int m = 0; m < group.length; m++) {
                group[m] = new FrequencyCounter();
            }
        }
        groupRows = new long[groups];
        timeline = byCreationTime ? new CreationTimeline(groups, numeric.length) : null;
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
        int year = timeline == null ? -1 : timeline.count(group, repository.createdMonth());
        for (int m = 0; m < groupCounters.length; m++) {
            double value = numeric[m].valueOf(repository);
            if (!Double.isNaN(value)) {
                groupCounters[m].add(value);
                if (year >= 0) {
                    timeline.add(group, year, m, value);
                }
            }
        }
    }

    /** True when this accumulator collects by creation time (readers must then set the creation month). */
    public boolean byCreationTime() {
        return timeline != null;
    }

    /** Counts and tables by creation time; null unless constructed with {@code byCreationTime}. */
    public CreationTimeline timeline() {
        return timeline;
    }

    /** The group's known values of a numeric metric among repositories created in the year (needs a timeline). */
    public FrequencyTable tableByYear(int group, Metric metric, int year) {
        if (timeline == null) {
            throw new IllegalStateException("this accumulator does not collect by creation time");
        }
        return timeline.table(group, year, numericIndex(metric));
    }

    /** The tables of the repositories created in the year (needs a timeline). */
    public MetricTables year(int year) {
        return (group, metric) -> tableByYear(group, metric, year);
    }

    /** Adds what another accumulator of the same split collected (e.g. another partition of the table). */
    public void addAll(MetricAccumulator other) {
        if (other.split != split || (other.timeline == null) != (timeline == null)) {
            throw new IllegalArgumentException("different splits or options");
        }
        tables = null;
        rowsRead += other.rowsRead;
        for (int g = 0; g < groupRows.length; g++) {
            groupRows[g] += other.groupRows[g];
            for (int m = 0; m < numeric.length; m++) {
                counters[g][m].addAll(other.counters[g][m]);
            }
        }
        if (timeline != null) {
            timeline.addAll(other.timeline);
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
    @Override
    public FrequencyTable table(int group, Metric metric) {
        int index = numericIndex(metric);
        if (tables == null) {
            tables = new FrequencyTable[groupRows.length][numeric.length];
        }
        if (tables[group][index] == null) {
            tables[group][index] = counters[group][index].toTable();
        }
        return tables[group][index];
    }

    private int numericIndex(Metric metric) {
        int index = List.of(numeric).indexOf(metric);
        if (index < 0) {
            throw new IllegalArgumentException(metric.key() + " is not a numeric metric");
        }
        return index;
    }
}
