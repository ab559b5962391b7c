package org.divergence.cli.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.GroupSummary;
import org.divergence.core.metrics.MetricComparison;
import org.divergence.core.metrics.MetricKind;
import org.divergence.core.metrics.NumericComparison;
import org.divergence.core.metrics.PairComparison;
import org.divergence.core.metrics.ShareComparison;
import org.divergence.core.metrics.ShareSummary;
import org.divergence.core.metrics.Significance;
import org.divergence.core.metrics.StratifiedComparison;
import org.divergence.core.stats.EffectMagnitude;
import org.divergence.core.stats.Interval;

/**
 * The {@code compare --json} document (shapes in docs/metrics.md). A split with one pair (platform) is flat:
 * {"group_by", "groups", "family_size", "metrics"}; a split with several pairs (repo_type) lists {"groups",
 * "family_size", "metrics"} under "comparisons". Stratified ({@code --stratify created_year}), each pair's object also
 * has "strata" (per year, the same comparison), "stratified" (one combined test per metric) and "unknown_created"
 * (repositories left out per group). Numbers are full doubles (shortest round-trip form); undefined figures are null. Written with
 * Jackson's streaming generator: the object mapper's start-up would cost a command-line run a third of a second.
 */
public final class ComparisonJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ComparisonJson() {
    }

    public static String of(ComparisonReport report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("group_by", report.split().groupBy());
            if (report.isStratified()) {
                json.writeStringField("stratify", report.stratification().key());
            }
            if (report.isSinglePair()) {
                pair(json, report.comparisons().getFirst());
            } else {
                json.writeArrayFieldStart("comparisons");
                for (PairComparison pair : report.comparisons()) {
                    json.writeStartObject();
                    pair(json, pair);
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeObjectFieldStart("filters");
            json.writeArrayFieldStart("where");
            for (String item : report.filter().whereItems()) {
                json.writeString(item);
            }
            json.writeEndArray();
            text(json, "created_from", report.filter().createdFrom());
            text(json, "created_to", report.filter().createdTo());
            json.writeEndObject();
            json.writeObjectFieldStart("bootstrap");
            json.writeStringField("statistic", "median_b - median_a");
            json.writeStringField("method", "percentile");
            json.writeNumberField("resamples", report.bootstrap().resamples());
            json.writeNumberField("seed", report.bootstrap().seed());
            json.writeNumberField("confidence", report.bootstrap().level());
            json.writeEndObject();
            json.writeNumberField("rows_read", report.rowsRead());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void pair(JsonGenerator json, PairComparison pair) throws IOException {
        json.writeArrayFieldStart("groups");
        json.writeString(pair.a().key());
        json.writeString(pair.b().key());
        json.writeEndArray();
        metrics(json, pair);
        StratifiedComparison stratified = pair.stratified();
        if (stratified == null) {
            return;
        }
        json.writeArrayFieldStart("strata");
        for (StratifiedComparison.Stratum stratum : stratified.strata()) {
            json.writeStartObject();
            json.writeStringField("stratum", stratum.label());
            byGroup(json, "repositories", pair, stratum.repositoriesA(), stratum.repositoriesB());
            metrics(json, stratum.comparison());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("stratified");
        for (StratifiedComparison.StratifiedTest test : stratified.tests()) {
            json.writeStartObject();
            json.writeStringField("metric", test.metric().key());
            number(json, test.metric().kind() == MetricKind.NUMERIC ? "van_elteren_z" : "cmh_chi_square",
                    test.statistic());
            number(json, "p_value", test.pValue());
            json.writeNumberField("strata", test.strata());
            json.writeEndObject();
        }
        json.writeEndArray();
        byGroup(json, "unknown_created", pair, stratified.unknownA(), stratified.unknownB());
    }

    private static void byGroup(JsonGenerator json, String key, PairComparison pair, long a, long b)
            throws IOException {
        json.writeObjectFieldStart(key);
        json.writeNumberField(pair.a().key(), a);
        json.writeNumberField(pair.b().key(), b);
        json.writeEndObject();
    }

    /** The family's size and every metric's figures. */
    private static void metrics(JsonGenerator json, PairComparison pair) throws IOException {
        json.writeNumberField("family_size", pair.familySize());
        json.writeArrayFieldStart("metrics");
        for (MetricComparison comparison : pair.metrics()) {
            json.writeStartObject();
            json.writeStringField("metric", comparison.metric().key());
            json.writeStringField("dimension", comparison.metric().dimension().key());
            json.writeStringField("kind", comparison.metric().kind().key());
            if (comparison.metric().isCustom()) {
                json.writeStringField("expression", comparison.metric().expression());
            }
            switch (comparison) {
                case NumericComparison c -> numeric(json, c);
                case ShareComparison c -> share(json, c);
            }
            EffectMagnitude magnitude = comparison.magnitude();
            text(json, "magnitude", magnitude == null ? null : magnitude.word());
            Significance test = comparison.significance();
            text(json, "p_method", test.method() == null ? null : test.method().key());
            number(json, "p_holm", test.holm());
            number(json, "p_bh", test.bh());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void numeric(JsonGenerator json, NumericComparison c) throws IOException {
        summary(json, "a", c.a());
        summary(json, "b", c.b());
        number(json, "mann_whitney_u", c.mannWhitneyU());
        number(json, "p_value", c.pValue());
        number(json, "cliffs_delta", c.cliffsDelta());
        number(json, "mean_pct_diff", c.meanPctDiff());
        number(json, "z", c.z());
        interval(json, "cliffs_delta_ci", c.cliffsDeltaInterval());
        number(json, "median_diff", c.medianDiff());
        interval(json, "median_diff_ci", c.medianDiffInterval());
    }

    private static void share(JsonGenerator json, ShareComparison c) throws IOException {
        summary(json, "a", c.a());
        summary(json, "b", c.b());
        number(json, "chi_square", c.chiSquare());
        number(json, "p_value", c.pValue());
        number(json, "share_diff", c.shareDiff());
        number(json, "cohens_h", c.cohensH());
    }

    private static void summary(JsonGenerator json, String name, GroupSummary summary) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("n", summary.n());
        number(json, "mean", summary.mean());
        number(json, "median", summary.median());
        number(json, "q1", summary.q1());
        number(json, "q3", summary.q3());
        json.writeEndObject();
    }

    private static void summary(JsonGenerator json, String name, ShareSummary summary) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("n", summary.n());
        number(json, "share", summary.share());
        json.writeNumberField("count", summary.count());
        json.writeEndObject();
    }

    private static void number(JsonGenerator json, String key, double value) throws IOException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            json.writeNullField(key);
        } else {
            json.writeNumberField(key, value);
        }
    }

    private static void text(JsonGenerator json, String key, Object value) throws IOException {
        if (value == null) {
            json.writeNullField(key);
        } else {
            json.writeStringField(key, value.toString());
        }
    }

    private static void interval(JsonGenerator json, String key, Interval interval) throws IOException {
        if (interval == null) {
            json.writeNullField(key);
            return;
        }
        json.writeObjectFieldStart(key);
        number(json, "low", interval.low());
        number(json, "high", interval.high());
        json.writeNumberField("confidence", interval.level());
        json.writeEndObject();
    }
}
