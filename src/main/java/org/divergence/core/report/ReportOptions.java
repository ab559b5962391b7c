package org.divergence.core.report;

import java.time.Instant;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.BootstrapMedianDifference;

/**
 * What a report is made of, besides the project: the grouping ({@code --by}: platform, repo_type, tag:NAME), the
 * repository filter, the bootstrap settings, the time of generation (null: none, so that the same project and options
 * give the same bytes), and whether to compare within creation years too ({@code --stratify created_year}).
 */
public record ReportOptions(String groupBy, RepositoryFilter filter, BootstrapMedianDifference.Settings bootstrap,
                            Instant generatedAt, Stratification stratification) {

    public ReportOptions {
        groupBy = groupBy == null || groupBy.isBlank() ? "platform" : groupBy.strip();
        filter = filter == null ? RepositoryFilter.ALL : filter;
        bootstrap = bootstrap == null ? BootstrapMedianDifference.Settings.DEFAULT : bootstrap;
        stratification = stratification == null ? Stratification.NONE : stratification;
    }

    /** Not stratified. */
    public ReportOptions(String groupBy, RepositoryFilter filter, BootstrapMedianDifference.Settings bootstrap,
                         Instant generatedAt) {
        this(groupBy, filter, bootstrap, generatedAt, Stratification.NONE);
    }

    /** Every repository, by platform, the default bootstrap, no timestamp: what {@code compare} does by default. */
    public static ReportOptions defaults() {
        return new ReportOptions("platform", RepositoryFilter.ALL, BootstrapMedianDifference.Settings.DEFAULT, null);
    }

    public ReportOptions withFilter(RepositoryFilter value) {
        return new ReportOptions(groupBy, value, bootstrap, generatedAt, stratification);
    }

    public ReportOptions withGroupBy(String value) {
        return new ReportOptions(value, filter, bootstrap, generatedAt, stratification);
    }

    public ReportOptions withGeneratedAt(Instant value) {
        return new ReportOptions(groupBy, filter, bootstrap, value, stratification);
    }

    public ReportOptions withStratification(Stratification value) {
        return new ReportOptions(groupBy, filter, bootstrap, generatedAt, value);
    }
}
