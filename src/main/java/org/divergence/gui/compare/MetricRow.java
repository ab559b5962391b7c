package org.divergence.gui.compare;

import java.util.Locale;
import org.divergence.core.metrics.ComparisonColumn;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.EffectDisplay;
import org.divergence.core.metrics.MetricComparison;
import org.divergence.core.metrics.NumericComparison;
import org.divergence.core.metrics.PaperFormat;
import org.divergence.core.metrics.ShareComparison;
import org.divergence.core.metrics.StratifiedComparison;
import org.divergence.core.stats.Interval;

/**
 * One line of the Compare table: a dimension heading (only {@link #label} set) or a metric, whose cells each
 * {@link ComparisonColumn} formats from its comparison; besides them the definition, the test details for the tooltip
 * and, compared within creation years, the p-value of the test across years.
 */
public record MetricRow(String label, String definition, String pWithinYears, String details,
                        MetricComparison comparison) {

    static MetricRow heading(Dimension dimension) {
        return new MetricRow(dimension.label(), null, "", null, null);
    }

    /** {@code acrossYears}: the metric's test across creation years, or null when not shown. */
    static MetricRow of(MetricComparison comparison, int resamples, StratifiedComparison.StratifiedTest acrossYears) {
        String details = switch (comparison) {
            case NumericComparison c -> numericDetails(c, resamples);
            case ShareComparison c -> shareDetails(c);
        };
        return new MetricRow(comparison.metric().label(), comparison.metric().definition(),
                acrossYears == null ? "" : PaperFormat.pValue(acrossYears.pValue()), details, comparison);
    }

    public boolean isHeading() {
        return comparison == null;
    }

    /** This row's cell in a column of the table ("" on a dimension heading). */
    public String cell(ComparisonColumn column) {
        return comparison == null ? (column == ComparisonColumn.METRIC ? label : "") : column.cell(comparison);
    }

    public String nA() {
        return cell(ComparisonColumn.N_A);
    }

    public String nB() {
        return cell(ComparisonColumn.N_B);
    }

    public String centreA() {
        return cell(ComparisonColumn.CENTRE_A);
    }

    public String centreB() {
        return cell(ComparisonColumn.CENTRE_B);
    }

    public String effect() {
        return cell(ComparisonColumn.EFFECT);
    }

    public String magnitude() {
        return cell(ComparisonColumn.MAGNITUDE);
    }

    public String pValue() {
        return cell(ComparisonColumn.P);
    }

    public String pHolm() {
        return cell(ComparisonColumn.P_HOLM);
    }

    public String pBh() {
        return cell(ComparisonColumn.P_BH);
    }

    public String test() {
        return cell(ComparisonColumn.TEST);
    }

    private static String numericDetails(NumericComparison c, int resamples) {
        Interval median = c.medianDiffInterval();
        return "Mann–Whitney U = " + PaperFormat.number(c.mannWhitneyU()) + ", z = " + PaperFormat.effect(c.z())
                + ", p = " + scientific(c.pValue()) + method(c) + "\nCliff's δ = " + PaperFormat.effect(c.cliffsDelta())
                + " (" + EffectDisplay.direction("a") + ")" + interval(c.cliffsDeltaInterval())
                + "\nQuartiles: a " + PaperFormat.number(c.a().q1()) + " – " + PaperFormat.number(c.a().q3()) + ", b "
                + PaperFormat.number(c.b().q1()) + " – " + PaperFormat.number(c.b().q3())
                + "\nMedian difference (a − b) = " + PaperFormat.number(-c.medianDiff())
                + interval(c.medianDiffIntervalAMinusB())
                + (median == null ? "" : " (bootstrap, " + PaperFormat.count(resamples) + " resamples)")
                + "\nMean of b relative to a = " + signedPercent(c.meanPctDiff())
                + "\nZero values: a " + PaperFormat.share(c.a().zeroShare()) + ", b " + PaperFormat.share(c.b().zeroShare());
    }

    private static String shareDetails(ShareComparison c) {
        return "χ² = " + PaperFormat.number(c.chiSquare()) + " (df = 1, no continuity correction), p = "
                + scientific(c.pValue()) + method(c) + "\nShares: a " + PaperFormat.count(c.a().count()) + " of "
                + PaperFormat.count(c.a().n()) + ", b " + PaperFormat.count(c.b().count()) + " of "
                + PaperFormat.count(c.b().n()) + "\nDifference (a − b) = "
                + (Double.isNaN(c.shareDiff()) ? PaperFormat.UNDEFINED
                : String.format(Locale.ROOT, "%+.1f percentage points", -c.shareDiff() * 100))
                + "\nCohen's h = h_a − h_b = " + PaperFormat.effect(EffectDisplay.value(c));
    }

    private static String method(MetricComparison c) {
        return c.significance().method() == null ? "" : " (" + c.significance().method().label() + ")";
    }

    private static String interval(Interval interval) {
        return interval == null ? "" : String.format(Locale.ROOT, ", %d%% CI [%s, %s]",
                Math.round(interval.level() * 100), PaperFormat.number(interval.low()),
                PaperFormat.number(interval.high()));
    }

    private static String scientific(double p) {
        return Double.isNaN(p) ? PaperFormat.UNDEFINED : p == 0 ? "0 (below 1e-323)"
                : String.format(Locale.ROOT, "%.3g", p);
    }

    private static String signedPercent(double percent) {
        return Double.isNaN(percent) ? PaperFormat.UNDEFINED : String.format(Locale.ROOT, "%+.1f%%", percent);
    }
}
