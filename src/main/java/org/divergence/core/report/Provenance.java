package org.divergence.core.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.Stratification;

/**
 * Where a report's numbers come from: the app and version, the project (file name and the SHA-256 of its content),
 * the grouping and filters, the bootstrap settings, the chart renderer, the time of generation (null unless asked
 * for, so that the same project and options give the same bytes), the stratification, the definitions of the
 * project's custom metrics (they live in the project, not on the command line), and the drawn samples the project's
 * crawls collected ({@code collect --ids-file} with a draw record; one line each, empty when none).
 */
public record Provenance(String application, String version, String projectName, String contentSha256,
                         String contentScope, String groupBy, List<String> where, LocalDate createdFrom,
                         LocalDate createdTo, String filterDescription, int resamples, long seed, double confidence,
                         String charts, Instant generatedAt, Stratification stratification,
                         List<Metric> customMetrics, List<String> sampleDraws) {

    public Provenance {
        where = List.copyOf(where);
        customMetrics = List.copyOf(customMetrics);
        sampleDraws = List.copyOf(sampleDraws);
    }

    /** Without drawn samples. */
    public Provenance(String application, String version, String projectName, String contentSha256,
                      String contentScope, String groupBy, List<String> where, LocalDate createdFrom,
                      LocalDate createdTo, String filterDescription, int resamples, long seed, double confidence,
                      String charts, Instant generatedAt, Stratification stratification, List<Metric> customMetrics) {
        this(application, version, projectName, contentSha256, contentScope, groupBy, where, createdFrom, createdTo,
                filterDescription, resamples, seed, confidence, charts, generatedAt, stratification, customMetrics,
                List.of());
    }

    /** Each custom metric's definition, e.g. "stars_per_contributor (numeric, custom): stars / contributors". */
    public List<String> customDefinitions() {
        return customMetrics.stream().map(metric -> metric.key() + " (" + metric.kind().key() + ", "
                + metric.dimension().key() + "): " + metric.expression()).toList();
    }

    /** The grouping as reports name it, e.g. "platform" or "platform, within creation years". */
    public String grouping() {
        return stratification == Stratification.NONE ? groupBy
                : groupBy + ", within " + stratification.label() + "s";
    }

    /** The command line that makes the same report again (formats aside). */
    public String command(String projectArgument) {
        StringBuilder out = new StringBuilder("report --project ").append(quote(projectArgument))
                .append(" --by ").append(groupBy);
        for (String item : where) {
            out.append(" --where ").append(item);
        }
        if (createdFrom != null) {
            out.append(" --created-from ").append(createdFrom);
        }
        if (createdTo != null) {
            out.append(" --created-to ").append(createdTo);
        }
        if (stratification != Stratification.NONE) {
            out.append(" --stratify ").append(stratification.key());
        }
        out.append(" --resamples ").append(resamples).append(" --seed ").append(seed);
        return out.toString();
    }

    private static String quote(String text) {
        return text.matches("[A-Za-z0-9._/+-]+") ? text : "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
