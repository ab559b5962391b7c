package org.divergence.core.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a report's numbers come from: the app and version, the project (file name and the SHA-256 of its content),
 * the grouping and filters, the bootstrap settings, the chart renderer, and the time of generation (null unless
 * asked for, so that the same project and options give the same bytes), and the drawn samples the project's
 * crawls collected ({@code collect --ids-file} with a draw record; one line each, empty when none).
 */
public record Provenance(String application, String version, String projectName, String contentSha256,
                         String contentScope, String groupBy, List<String> where, LocalDate createdFrom,
                         LocalDate createdTo, String filterDescription, int resamples, long seed, double confidence,
                         String charts, Instant generatedAt, List<String> sampleDraws) {

    public Provenance {
        where = List.copyOf(where);
        sampleDraws = List.copyOf(sampleDraws);
    }

    /** Without drawn samples. */
    public Provenance(String application, String version, String projectName, String contentSha256,
                      String contentScope, String groupBy, List<String> where, LocalDate createdFrom,
                      LocalDate createdTo, String filterDescription, int resamples, long seed, double confidence,
                      String charts, Instant generatedAt) {
        this(application, version, projectName, contentSha256, contentScope, groupBy, where, createdFrom, createdTo,
                filterDescription, resamples, seed, confidence, charts, generatedAt, List.of());
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
        out.append(" --resamples ").append(resamples).append(" --seed ").append(seed);
        return out.toString();
    }

    private static String quote(String text) {
        return text.matches("[A-Za-z0-9._/+-]+") ? text : "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
