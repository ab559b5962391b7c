package org.divergence.core.metrics;

/**
 * The one way tables and charts show effect sizes: positive when group a is higher. Cliff's δ = P(a &gt; b) −
 * P(a &lt; b) is shown as the JSON has it; Cohen's h is shown as h_a − h_b, the JSON's {@code cohens_h} (h_b − h_a)
 * negated; a share's difference as share_a − share_b (docs/decisions/0103-effect-sizes-and-one-display-convention.md).
 */
public final class EffectDisplay {

    private EffectDisplay() {
    }

    /** The effect size as displayed: Cliff's δ, or h_a − h_b for shares; NaN when undefined. */
    public static double value(MetricComparison comparison) {
        return switch (comparison) {
            case NumericComparison c -> c.cliffsDelta();
            case ShareComparison c -> -c.cohensH();
        };
    }

    /** "δ" or "h". */
    public static String symbol(MetricComparison comparison) {
        return comparison instanceof NumericComparison ? "δ" : "h";
    }

    /** "δ = 0.29", "h = -0.25", or "—". */
    public static String text(MetricComparison comparison) {
        double value = value(comparison);
        return Double.isNaN(value) ? PaperFormat.UNDEFINED : symbol(comparison) + " = " + PaperFormat.effect(value);
    }

    /** What every effect-size axis and column says, e.g. "positive: GitHub higher". */
    public static String direction(String groupA) {
        return "positive: " + groupA + " higher";
    }
}
