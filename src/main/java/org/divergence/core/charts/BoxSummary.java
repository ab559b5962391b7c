package org.divergence.core.charts;

import org.divergence.core.metrics.Group;
import org.divergence.core.stats.FrequencyTable;

/**
 * One group's box: the quartiles and median exactly as the comparison computes them (NumPy's linear percentiles of
 * the raw values), the mean, whiskers at the most extreme observations within 1.5 interquartile ranges of the box
 * (the range measured on the chart's {@link ValueScale}), and the observations beyond the whiskers summarised as
 * counts with the minimum and maximum instead of drawn one by one.
 */
public record BoxSummary(int groupIndex, Group group, long n, double mean, double min, double q1, double median,
                         double q3, double max, double whiskerLow, double whiskerHigh, long belowWhisker,
                         long aboveWhisker) {

    /** Tukey's multiplier of the interquartile range for the whiskers' reach. */
    public static final double WHISKER_REACH = 1.5;

    public static BoxSummary of(int groupIndex, Group group, FrequencyTable table, ValueScale scale) {
        long n = table.n();
        if (n == 0) {
            return new BoxSummary(groupIndex, group, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        double q1 = table.quantile(0.25);
        double q3 = table.quantile(0.75);
        double low = scale.forward(q1);
        double high = scale.forward(q3);
        double reach = WHISKER_REACH * (high - low);
        double lowFence = low - reach;
        double highFence = high + reach;
        double whiskerLow = q1;
        double whiskerHigh = q3;
        long below = 0;
        long above = 0;
        boolean lowFound = false;
        for (int i = 0; i < table.distinct(); i++) {
            double value = table.value(i);
            double position = scale.forward(value);
            if (position < lowFence) {
                below += table.count(i);
            } else if (position > highFence) {
                above += table.count(i);
            } else {
                if (!lowFound) {
                    whiskerLow = Math.min(value, q1);
                    lowFound = true;
                }
                whiskerHigh = Math.max(value, q3);
            }
        }
        return new BoxSummary(groupIndex, group, n, table.mean(), table.value(0), q1, table.median(), q3,
                table.value(table.distinct() - 1), whiskerLow, whiskerHigh, below, above);
    }

    public boolean isEmpty() {
        return n == 0;
    }
}
