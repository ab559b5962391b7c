package org.divergence.core.metrics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.divergence.core.stats.FrequencyCounter;
import org.divergence.core.stats.FrequencyTable;

/**
 * What the time view needs, collected in the same pass as the metrics: per group, the repositories created in each
 * month, and per group and creation year each numeric metric's frequency table (so medians and shares by year are
 * exact). Months from {@link #FIRST_YEAR} to {@link #LAST_YEAR} are counted in a plain array; repositories without a
 * creation date, or with one outside that range, are counted as undated. Year tables are created on first use.
 */
public final class CreationTimeline {

    public static final int FIRST_YEAR = 1970;
    public static final int LAST_YEAR = 2100;
    private static final int FIRST_MONTH = FIRST_YEAR * 12;
    private static final int MONTHS = (LAST_YEAR - FIRST_YEAR + 1) * 12;
    private static final int YEARS = LAST_YEAR - FIRST_YEAR + 1;

    private final int metrics;
    private final long[][] monthCounts;
    private final long[] undated;
    /** [group][year − FIRST_YEAR][numeric metric], null until the first value. */
    private final FrequencyCounter[][][] yearCounters;

    CreationTimeline(int groups, int numericMetrics) {
        this.metrics = numericMetrics;
        monthCounts = new long[groups][MONTHS];
        undated = new long[groups];
        yearCounters = new FrequencyCounter[groups][YEARS][];
    }

    /** The month index (year·12 + month − 1) within the counted range, or −1. */
    private static int slot(int month) {
        int slot = month - FIRST_MONTH;
        return month == RepositoryCounts.UNKNOWN_MONTH || slot < 0 || slot >= MONTHS ? -1 : slot;
    }

    /** Counts a repository of the group; returns the year slot its metric values go to, or −1 when undated. */
    int count(int group, int month) {
        return count(group, month, 1);
    }

    /** {@link #count(int, int)} for {@code repositories} repositories at once (a summary cell). */
    int count(int group, int month, long repositories) {
        int slot = slot(month);
        if (slot < 0) {
            undated[group] += repositories;
            return -1;
        }
        monthCounts[group][slot] += repositories;
        return slot / 12;
    }

    void add(int group, int yearSlot, int metric, double value) {
        counter(group, yearSlot, metric).add(value);
    }

    void addAll(int group, int yearSlot, int metric, FrequencyTable table) {
        if (!table.isEmpty()) {
            counter(group, yearSlot, metric).addAll(table);
        }
    }

    private FrequencyCounter counter(int group, int yearSlot, int metric) {
        FrequencyCounter[] counters = yearCounters[group][yearSlot];
        if (counters == null) {
            counters = new FrequencyCounter[metrics];
            yearCounters[group][yearSlot] = counters;
        }
        if (counters[metric] == null) {
            counters[metric] = new FrequencyCounter();
        }
        return counters[metric];
    }

    void addAll(CreationTimeline other) {
        for (int g = 0; g < undated.length; g++) {
            undated[g] += other.undated[g];
            for (int m = 0; m < MONTHS; m++) {
                monthCounts[g][m] += other.monthCounts[g][m];
            }
            for (int y = 0; y < YEARS; y++) {
                FrequencyCounter[] theirs = other.yearCounters[g][y];
                if (theirs == null) {
                    continue;
                }
                for (int m = 0; m < metrics; m++) {
                    if (theirs[m] == null) {
                        continue;
                    }
                    if (yearCounters[g][y] == null) {
                        yearCounters[g][y] = new FrequencyCounter[metrics];
                    }
                    if (yearCounters[g][y][m] == null) {
                        yearCounters[g][y][m] = new FrequencyCounter();
                    }
                    yearCounters[g][y][m].addAll(theirs[m]);
                }
            }
        }
    }

    /** Repositories of the group without a (plausible) creation date. */
    public long undated(int group) {
        return undated[group];
    }

    /** Repositories created per month, from the group's first to its last month with any (months between with 0). */
    public Map<YearMonth, Long> monthly(int group) {
        long[] counts = monthCounts[group];
        int first = 0;
        while (first < MONTHS && counts[first] == 0) {
            first++;
        }
        int last = MONTHS - 1;
        while (last >= first && counts[last] == 0) {
            last--;
        }
        Map<YearMonth, Long> months = new LinkedHashMap<>();
        for (int m = first; m <= last; m++) {
            int month = FIRST_MONTH + m;
            months.put(YearMonth.of(month / 12, month % 12 + 1), counts[m]);
        }
        return months;
    }

    /** The group's repositories created in the year. */
    public long created(int group, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return 0;
        }
        long total = 0;
        for (int m = 0; m < 12; m++) {
            total += monthCounts[group][(year - FIRST_YEAR) * 12 + m];
        }
        return total;
    }

    /** The creation years in which the group has repositories, ascending. */
    public List<Integer> years(int group) {
        List<Integer> years = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            if (created(group, year) > 0) {
                years.add(year);
            }
        }
        return years;
    }

    /** The known values of a numeric metric among the group's repositories created in the year. */
    FrequencyTable table(int group, int year, int metric) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return FrequencyTable.empty();
        }
        FrequencyCounter[] counters = yearCounters[group][year - FIRST_YEAR];
        return counters == null || counters[metric] == null ? FrequencyTable.empty() : counters[metric].toTable();
    }
}
