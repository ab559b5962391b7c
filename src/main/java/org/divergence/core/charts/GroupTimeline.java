package org.divergence.core.charts;

import java.time.YearMonth;
import java.util.List;
import org.divergence.core.metrics.Group;

/**
 * One group over time: repositories created per month (from its first to its last month), those without a creation
 * date, and the metric by creation year — the median for numbers, the share for share metrics — with the year's n.
 */
public record GroupTimeline(int groupIndex, Group group, List<YearMonth> months, long[] created, long undated,
                            List<YearValue> byYear) {

    /** The metric among repositories created in {@code year}: n where it is known, and the median or share. */
    public record YearValue(int year, long n, double value) {
    }

    public long dated() {
        long total = 0;
        for (long count : created) {
            total += count;
        }
        return total;
    }
}
