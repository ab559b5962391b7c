package org.divergence.core.metrics;

import java.util.ArrayList;
import java.util.List;
import org.divergence.core.stats.EffectMagnitude;

/**
 * One plain-language sentence per dimension, from the dimension's lead numeric metric, e.g. "Hugging Face repositories
 * have 48.8% fewer contributors on average (median 1 vs 1; Cliff's δ = 0.29, small; p &lt; 0.001)". The first median
 * is group b's, the second group a's; δ = P(a &gt; b) − P(a &lt; b), so a positive δ means group a tends to be larger.
 */
public final class Headlines {

    /** A dimension's sentence. */
    public record Headline(Dimension dimension, Metric metric, String sentence) {
    }

    private Headlines() {
    }

    /** The metric each dimension's sentence is about. */
    public static Metric leadMetric(Dimension dimension) {
        return switch (dimension) {
            case COLLABORATION_INTENSITY -> Metric.CONTRIBUTORS;
            case COLLABORATION_OPENNESS -> Metric.PULL_REQUESTS;
            case KNOWLEDGE_EXCHANGE -> Metric.KNOWLEDGE_THREADS;
            case USER_INNOVATION -> Metric.DERIVATIVES;
            case POPULARITY -> Metric.ENDORSEMENTS;
        };
    }

    public static List<Headline> of(PairComparison pair) {
        List<Headline> headlines = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            Metric metric = leadMetric(dimension);
            NumericComparison comparison = (NumericComparison) pair.metric(metric);
            headlines.add(new Headline(dimension, metric, sentence(pair, comparison)));
        }
        return List.copyOf(headlines);
    }

    static String sentence(PairComparison pair, NumericComparison c) {
        String subject = pair.b().subject();
        String noun = c.metric().noun();
        if (c.a().n() == 0 || c.b().n() == 0) {
            Group missing = c.a().n() == 0 ? pair.a() : pair.b();
            return "Nothing to compare: no " + missing.subject() + " with known " + noun + ".";
        }
        String amount;
        if (Double.isNaN(c.meanPctDiff())) {
            amount = "have " + noun + " on average where " + pair.a().subject() + " have none";
        } else if (PaperFormat.percent(c.meanPctDiff()).equals("0.0")) {
            amount = "have as many " + noun + " on average as " + pair.a().subject();
        } else {
            amount = "have " + PaperFormat.percent(c.meanPctDiff()) + "% " + (c.meanPctDiff() < 0 ? "fewer" : "more")
                    + " " + noun + " on average";
        }
        EffectMagnitude magnitude = c.magnitude();
        return subject + " " + amount + " (median " + PaperFormat.number(c.b().median()) + " vs "
                + PaperFormat.number(c.a().median()) + "; Cliff's δ = " + PaperFormat.effect(c.cliffsDelta())
                + (magnitude == null ? "" : ", " + magnitude.word()) + "; p " + pWithRelation(c.pValue()) + ")";
    }

    private static String pWithRelation(double p) {
        String formatted = PaperFormat.pValue(p);
        return formatted.startsWith("<") ? formatted : "= " + formatted;
    }
}
