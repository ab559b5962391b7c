package org.divergence.core.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.stats.FrequencyCounter;
import org.divergence.core.stats.FrequencyTable;

/**
 * Collects, row by row, what the comparison needs: per group, a frequency table of each built-in numeric metric
 * (built-in shares are read off the table of the metric they threshold) and of each custom metric (whose values the
 * reader computed; a custom share's are 0s and 1s). Memory grows with the number of distinct values, not with the
 * number of rows, so a scan of millions of repositories stays small. Not thread-safe: parallel scans fill one
 * accumulator each and {@link #addAll} them.
 */
public final class MetricAccumulator implements MetricTables {

    private final GroupSplit split;
    private final MetricSet metrics;
    /** The built-in numeric metrics, computed from each row's inputs (a plain array: the hot loop's calls inline). */
    private final BuiltInMetric[] builtIn = BuiltInMetric.numeric().toArray(BuiltInMetric[]::new);
    /** Table index of each metric with a table of its own: the built-in numeric ones, then the custom ones. */
    private final Map<Metric, Integer> tableIndex = new HashMap<>();
    private final FrequencyCounter[][] counters;
    private final long[] groupRows;
    /** Counts and metric tables by creation month and year, when the time view asked for them; else null. */
    private final CreationTimeline timeline;
    private long rowsRead;
    /** Tables built since the last change (statistics ask for the same tables several times). */
    private FrequencyTable[][] tables;

    public MetricAccumulator(GroupSplit split) {
        this(split, MetricSet.BUILT_IN, false);
    }

    /** The built-in metrics; with {@code byCreationTime}, also a {@link CreationTimeline}. */
    public MetricAccumulator(GroupSplit split, boolean byCreationTime) {
        this(split, MetricSet.BUILT_IN, byCreationTime);
    }

    /**
     * The tables of these metrics (readers compute the custom ones); with {@code byCreationTime}, also a
     * {@link CreationTimeline} (readers then load creation dates).
     */
    public MetricAccumulator(GroupSplit split, MetricSet metrics, boolean byCreationTime) {
        this.split = split;
        this.metrics = metrics;
        List<Metric> tabled = new ArrayList<>(List.of(builtIn));
        tabled.addAll(metrics.custom());
        for (int i = 0; i < tabled.size(); i++) {
            tableIndex.put(tabled.get(i), i);
        }
        int groups = split.groups().size();
        counters = new FrequencyCounter[groups][tabled.size()];
        for (FrequencyCounter[] group : counters) {
            for (int m = 0; m < group.length; m++) {
                group[m] = new FrequencyCounter();
            }
        }
        groupRows = new long[groups];
        timeline = byCreationTime ? new CreationTimeline(groups, tabled.size()) : null;
    }

    public GroupSplit split() {
        return split;
    }

    /** The metrics collected, in report order. */
    public MetricSet metrics() {
        return metrics;
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
        for (int m = 0; m < builtIn.length; m++) {
            add(group, groupCounters, m, year, builtIn[m].valueOf(repository));
        }
        for (int c = builtIn.length; c < groupCounters.length; c++) {
            add(group, groupCounters, c, year, repository.custom(c - builtIn.length));
        }
    }

    /**
     * Adds a summary cell: its repositories, of one platform and type, created in {@code createdMonth}, as if each
     * had been added row by row (the tables come out the same). Only for accumulators of the built-in metrics.
     */
    public void add(Platform platform, RepoType type, int createdMonth, SummaryCell cell) {
        if (!metrics.custom().isEmpty()) {
            throw new IllegalStateException("a summary holds the built-in metrics only");
        }
        tables = null;
        rowsRead += cell.repositories();
        int group = split.groupOf(new RepositoryCounts().set(0, platform, type));
        if (group < 0) {
            return;
        }
        groupRows[group] += cell.repositories();
        int year = timeline == null ? -1 : timeline.count(group, createdMonth, cell.repositories());
        for (int m = 0; m < builtIn.length; m++) {
            FrequencyTable table = cell.table(builtIn[m]);
            counters[group][m].addAll(table);
            if (year >= 0) {
                timeline.addAll(group, year, m, table);
            }
        }
    }

    private void add(int group, FrequencyCounter[] groupCounters, int m, int year, double value) {
        if (!Double.isNaN(value)) {
            groupCounters[m].add(value);
            if (year >= 0) {
                timeline.add(group, year, m, value);
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
        return timeline.table(group, year, tableIndex(metric));
    }

    /** The tables of the repositories created in the year (needs a timeline). */
    public MetricTables year(int year) {
        return (group, metric) -> tableByYear(group, metric, year);
    }

    /** Adds what another accumulator of the same split collected (e.g. another partition of the table). */
    public void addAll(MetricAccumulator other) {
        if (other.split != split || !other.metrics.equals(metrics) || (other.timeline == null) != (timeline == null)) {
            throw new IllegalArgumentException("different splits or options");
        }
        tables = null;
        rowsRead += other.rowsRead;
        for (int g = 0; g < groupRows.length; g++) {
            groupRows[g] += other.groupRows[g];
            for (int m = 0; m < counters[g].length; m++) {
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

    /** The group's known values of a numeric metric, or of a custom share (0s and 1s). */
    @Override
    public FrequencyTable table(int group, Metric metric) {
        int index = tableIndex(metric);
        if (tables == null) {
            tables = new FrequencyTable[groupRows.length][tableIndex.size()];
        }
        if (tables[group][index] == null) {
            tables[group][index] = counters[group][index].toTable();
        }
        return tables[group][index];
    }

    private int tableIndex(Metric metric) {
        Integer index = tableIndex.get(metric);
        if (index == null) {
            throw new IllegalArgumentException(metric.key() + " has no table of its own here (a built-in share, or"
                    + " a metric this scan did not collect)");
        }
        return index;
    }
}
