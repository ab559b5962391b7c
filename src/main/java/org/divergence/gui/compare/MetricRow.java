package org.divergence.gui.compare;

import java.util.Locale;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.MetricComparison;
import org.divergence.core.metrics.NumericComparison;
import org.divergence.core.metrics.PaperFormat;
import org.divergence.core.metrics.ShareComparison;
import org.divergence.core.stats.EffectMagnitude;
import org.divergence.core.stats.Interval;

/**
 * One line of the Compare table, formatted for reading: a dimension heading (only {@link #label} set) or a metric
 * with both groups' n / median (or share) / mean, the effect size with its magnitude, and the p-value for papers.
 */
public record MetricRow(String label, String definition, String nA, String nB, String centreA, String centreB,
                        String meanA, String meanB, String effect, String magnitude, String pValue, String details,
                        MetricComparison comparison) {

    static MetricRow heading(Dimension dimension) {
        return new MetricRow(dimension.label(), null, "", "", "", "", "", "", "", "", "", null, null);
    }

    static MetricRow of(MetricComparison comparison, int resamples) {
        EffectMagnitude magnitude = comparison.magnitude();
        String magnitudeWord = magnitude == null ? PaperFormat.UNDEFINED : magnitude.word();
        return switch (comparison) {
            case NumericComparison c -> new MetricRow(c.metric().label(), c.metric().definition(),
                    PaperFormat.count(c.a().n()), PaperFormat.count(c.b().n()), PaperFormat.number(c.a().median()),
                    PaperFormat.number(c.b().median()), PaperFormat.number(c.a().mean()),
                    PaperFormat.number(c.b().mean()), effect("δ", c.cliffsDelta()), magnitudeWord,
                    PaperFormat.pValue(c.pValue()), numericDetails(c, resamples), c);
            case ShareComparison c -> new MetricRow(c.metric().label(), c.metric().definition(),
                    PaperFormat.count(c.a().n()), PaperFormat.count(c.b().n()), PaperFormat.share(c.a().share()),
                    PaperFormat.share(c.b().share()), PaperFormat.UNDEFINED, PaperFormat.UNDEFINED,
                    effect("h", c.cohensH()), magnitudeWord, PaperFormat.pValue(c.pValue()), shareDetails(c), c);
        };
    }

    public boolean isHeading() {
        return comparison == null;
    }

    private static String effect(String symbol, double value) {
        return Double.isNaN(value) ? PaperFormat.UNDEFINED : symbol + " = " + PaperFormat.effect(value);
    }

    private static String numericDetails(NumericComparison c, int resamples) {
        return "Mann–Whitney U = " + PaperFormat.number(c.mannWhitneyU()) + ", z = " + PaperFormat.effect(c.z())
                + ", p = " + scientific(c.pValue()) + "\nCliff's δ = " + PaperFormat.effect(c.cliffsDelta())
                + interval(c.cliffsDeltaInterval()) + "\nQuartiles: a " + PaperFormat.number(c.a().q1()) + " – "
                + PaperFormat.number(c.a().q3()) + ", b " + PaperFormat.number(c.b().q1()) + " – "
                + PaperFormat.number(c.b().q3()) + "\nMedian difference (b − a) = " + PaperFormat.number(c.medianDiff())
                + interval(c.medianDiffInterval()) + (c.medianDiffInterval() == null ? ""
                : " (bootstrap, " + PaperFormat.count(resamples) + " resamples)")
                + "\nMean difference = " + signedPercent(c.meanPctDiff()) + " of a's mean";
    }

    private static String shareDetails(ShareComparison c) {
        return "χ² = " + PaperFormat.number(c.chiSquare()) + " (df = 1, no continuity correction), p = "
                + scientific(c.pValue()) + "\nShares: a " + PaperFormat.count(c.a().count()) + " of "
                + PaperFormat.count(c.a().n()) + ", b " + PaperFormat.count(c.b().count()) + " of "
                + PaperFormat.count(c.b().n()) + "\nDifference (b − a) = "
                + (Double.isNaN(c.shareDiff()) ? PaperFormat.UNDEFINED
                : String.format(Locale.ROOT, "%+.1f percentage points", c.shareDiff() * 100))
                + "\nCohen's h = " + PaperFormat.effect(c.cohensH());
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
