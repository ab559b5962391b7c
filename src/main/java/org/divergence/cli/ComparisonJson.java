package org.divergence.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.GroupSummary;
import org.divergence.core.metrics.MetricComparison;
import org.divergence.core.metrics.NumericComparison;
import org.divergence.core.metrics.PairComparison;
import org.divergence.core.metrics.ShareComparison;
import org.divergence.core.metrics.ShareSummary;
import org.divergence.core.stats.EffectMagnitude;
import org.divergence.core.stats.Interval;

/**
 * The {@code compare --json} document (shapes in docs/metrics.md). A split with one pair (platform) is flat:
 * {"group_by", "groups", "metrics"}; a split with several pairs (repo_type) lists {"groups", "metrics"} under
 * "comparisons". Numbers are full doubles; undefined figures are null.
 */
final class ComparisonJson {

    private ComparisonJson() {
    }

    static ObjectNode of(ComparisonReport report) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("group_by", report.split().groupBy());
        if (report.isSinglePair()) {
            fill(root, report.comparisons().getFirst());
        } else {
            ArrayNode comparisons = root.putArray("comparisons");
            for (PairComparison pair : report.comparisons()) {
                fill(comparisons.addObject(), pair);
            }
        }
        ObjectNode filters = root.putObject("filters");
        ArrayNode where = filters.putArray("where");
        report.filter().whereItems().forEach(where::add);
        filters.put("created_from", report.filter().createdFrom() == null ? null
                : report.filter().createdFrom().toString());
        filters.put("created_to", report.filter().createdTo() == null ? null : report.filter().createdTo().toString());
        ObjectNode bootstrap = root.putObject("bootstrap");
        bootstrap.put("statistic", "median_b - median_a");
        bootstrap.put("method", "percentile");
        bootstrap.put("resamples", report.bootstrap().resamples());
        bootstrap.put("seed", report.bootstrap().seed());
        bootstrap.put("confidence", report.bootstrap().level());
        root.put("rows_read", report.rowsRead());
        return root;
    }

    private static void fill(ObjectNode node, PairComparison pair) {
        node.putArray("groups").add(pair.a().key()).add(pair.b().key());
        ArrayNode metrics = node.putArray("metrics");
        for (MetricComparison comparison : pair.metrics()) {
            ObjectNode metric = metrics.addObject();
            metric.put("metric", comparison.metric().key());
            metric.put("dimension", comparison.metric().dimension().key());
            metric.put("kind", comparison.metric().kind().key());
            switch (comparison) {
                case NumericComparison c -> numeric(metric, c);
                case ShareComparison c -> share(metric, c);
            }
            EffectMagnitude magnitude = comparison.magnitude();
            metric.put("magnitude", magnitude == null ? null : magnitude.word());
        }
    }

    private static void numeric(ObjectNode metric, NumericComparison c) {
        summary(metric.putObject("a"), c.a());
        summary(metric.putObject("b"), c.b());
        number(metric, "mann_whitney_u", c.mannWhitneyU());
        number(metric, "p_value", c.pValue());
        number(metric, "cliffs_delta", c.cliffsDelta());
        number(metric, "mean_pct_diff", c.meanPctDiff());
        number(metric, "z", c.z());
        interval(metric, "cliffs_delta_ci", c.cliffsDeltaInterval());
        number(metric, "median_diff", c.medianDiff());
        interval(metric, "median_diff_ci", c.medianDiffInterval());
    }

    private static void share(ObjectNode metric, ShareComparison c) {
        summary(metric.putObject("a"), c.a());
        summary(metric.putObject("b"), c.b());
        number(metric, "chi_square", c.chiSquare());
        number(metric, "p_value", c.pValue());
        number(metric, "share_diff", c.shareDiff());
        number(metric, "cohens_h", c.cohensH());
    }

    private static void summary(ObjectNode group, GroupSummary summary) {
        group.put("n", summary.n());
        number(group, "mean", summary.mean());
        number(group, "median", summary.median());
        number(group, "q1", summary.q1());
        number(group, "q3", summary.q3());
    }

    private static void summary(ObjectNode group, ShareSummary summary) {
        group.put("n", summary.n());
        number(group, "share", summary.share());
        group.put("count", summary.count());
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    private static void interval(ObjectNode node, String key, Interval interval) {
        if (interval == null) {
            node.putNull(key);
            return;
        }
        ObjectNode out = node.putObject(key);
        number(out, "low", interval.low());
        number(out, "high", interval.high());
        out.put("confidence", interval.level());
    }
}
