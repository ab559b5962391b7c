package org.divergence.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.EffectMagnitude;

/**
 * One plain-language sentence per dimension, from the dimension's lead numeric metric, e.g. "Hugging Face repositories
 * have 48.8% fewer contributors on average (median 1 vs 1; Cliff's δ = 0.29, small; Holm-adjusted p &lt; 0.001)". The
 * first median is group b's, the second group a's; δ = P(a &gt; b) − P(a &lt; b), so a positive δ means group a tends to
 * be larger. The p-value is Holm-adjusted over the comparison's metrics. On a zero-inflated metric (both medians 0,
 * or at least {@link #ZERO_INFLATED} of a group's values 0) a difference of means says little, so the sentence leads
 * with the share of repositories with any; and it names the metric's caveat where Hugging Face repositories are
 * compared (docs/decisions/0102-honest-headlines.md).
 */
public final class Headlines {

    /** A group with at least this share of zeros makes the metric zero-inflated. */
    public static final double ZERO_INFLATED = 0.75;

    /** A dimension's sentence. */
    public record Headline(Dimension dimension, Metric metric, String sentence) {
    }

    private static final Map<Dimension, BuiltInMetric> LEAD_METRICS = Map.of(
            Dimension.COLLABORATION_INTENSITY, BuiltInMetric.CONTRIBUTORS,
            Dimension.COLLABORATION_OPENNESS, BuiltInMetric.PULL_REQUESTS,
            Dimension.KNOWLEDGE_EXCHANGE, BuiltInMetric.KNOWLEDGE_THREADS,
            Dimension.USER_INNOVATION, BuiltInMetric.DERIVATIVES,
            Dimension.POPULARITY, BuiltInMetric.ENDORSEMENTS);

    private Headlines() {
    }

    /** The metric each built-in dimension's sentence is about; null for a custom metric's dimension. */
    public static BuiltInMetric leadMetric(Dimension dimension) {
        return LEAD_METRICS.get(dimension);
    }

    /** The sentences of a pair compared among the repositories the filter selects. */
    public static List<Headline> of(PairComparison pair, RepositoryFilter filter) {
        List<Headline> headlines = new ArrayList<>();
        for (Dimension dimension : Dimension.builtIn()) {
            Metric metric = leadMetric(dimension);
            NumericComparison comparison = (NumericComparison) pair.metric(metric);
            String caveat = caveat(metric, filter);
            headlines.add(new Headline(dimension, metric, sentence(pair, comparison)
                    + (caveat == null ? "" : " " + caveat)));
        }
        return List.copyOf(headlines);
    }

    static String sentence(PairComparison pair, NumericComparison c) {
        String noun = c.metric().noun();
        if (c.a().n() == 0 || c.b().n() == 0) {
            Group missing = c.a().n() == 0 ? pair.a() : pair.b();
            return "Nothing to compare: no " + missing.subject() + " with known " + noun + ".";
        }
        String lead = isZeroInflated(c) ? nonZeroShares(pair, c) : meanDifference(pair, c);
        EffectMagnitude magnitude = c.magnitude();
        return lead + " (median " + PaperFormat.number(c.b().median()) + " vs " + PaperFormat.number(c.a().median())
                + "; Cliff's δ = " + PaperFormat.effect(c.cliffsDelta())
                + (magnitude == null ? "" : ", " + magnitude.word()) + "; " + holm(c.significance()) + ").";
    }

    /** Both medians 0, or at least {@link #ZERO_INFLATED} of either group's values 0. */
    public static boolean isZeroInflated(NumericComparison c) {
        return c.a().median() == 0 && c.b().median() == 0 || c.a().zeroShare() >= ZERO_INFLATED
                || c.b().zeroShare() >= ZERO_INFLATED;
    }

    private static String meanDifference(PairComparison pair, NumericComparison c) {
        String subject = pair.b().subject();
        String noun = c.metric().noun();
        if (Double.isNaN(c.meanPctDiff())) {
            return subject + " have " + noun + " on average where " + pair.a().subject() + " have none";
        }
        if (PaperFormat.percent(c.meanPctDiff()).equals("0.0")) {
            return subject + " have as many " + noun + " on average as " + pair.a().subject();
        }
        return subject + " have " + PaperFormat.percent(c.meanPctDiff()) + "% "
                + (c.meanPctDiff() < 0 ? "fewer" : "more") + " " + noun + " on average";
    }

    private static String nonZeroShares(PairComparison pair, NumericComparison c) {
        return PaperFormat.share(1 - c.b().zeroShare()) + " of " + pair.b().subject() + " have any "
                + c.metric().noun() + ", against " + PaperFormat.share(1 - c.a().zeroShare()) + " of "
                + pair.a().subject();
    }

    private static String holm(Significance significance) {
        if (Double.isNaN(significance.holm())) {
            return "no test";
        }
        String formatted = PaperFormat.pValue(significance.holm());
        return "Holm-adjusted p " + (formatted.startsWith("<") ? formatted : "= " + formatted);
    }

    /**
     * The metric's caveat when it applies to this filter: Hugging Face repositories can be among those compared, and
     * for the pull requests' and discussions' start date, repositories created before it can be.
     */
    public static String caveat(Metric metric, RepositoryFilter filter) {
        String caveat = metric.caveat();
        boolean huggingFace = (filter.platforms().isEmpty() || filter.platforms().contains(Platform.HUGGINGFACE))
                && (filter.repoTypes().isEmpty() || filter.repoTypes().stream().anyMatch(type -> type != RepoType.CODE));
        boolean olderIncluded = filter.createdFrom() == null
                || filter.createdFrom().isBefore(BuiltInMetric.HUGGING_FACE_COMMUNITY_SINCE);
        return caveat == null || !huggingFace || metric.caveatIsAboutAge() && !olderIncluded ? null : caveat;
    }
}
