package org.divergence.app.report;

import org.divergence.app.compare.CompareRepositories;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.report.AgreementSection;
import org.divergence.core.report.FactorSection;
import org.divergence.core.report.ReportCharts;
import org.divergence.core.report.ReportOptions;
import org.divergence.render.report.DistributionReportCharts;
import org.divergence.store.project.Project;

/**
 * The parts of a report other features supply: the chart renderer (charts feature), inter-coder agreement (agreement
 * feature) and factor tags (tags feature). {@link #builtIn()} is the one place that wires them; the command line and
 * the GUI both take it from there, so a feature that lands changes one line here.
 */
public record ReportExtensions(Charts charts, Agreement agreement, Factors factors) {

    /**
     * Makes the chart renderer for one report. {@code distributions} are the comparison's per-group tables when the
     * report read them (null when it reused an earlier comparison: the renderer reads them if it needs them).
     */
    @FunctionalInterface
    public interface Charts {
        ReportCharts create(Project project, ReportOptions options, MetricAccumulator distributions);
    }

    /** Computes the agreement section, or says why there is none. */
    @FunctionalInterface
    public interface Agreement {
        AgreementSection compute(Project project, Progress progress);
    }

    /** The factor tags with their counts and comparisons (tagged vs untagged) under the report's filter. */
    @FunctionalInterface
    public interface Factors {
        FactorSection compute(Project project, ReportOptions options, Progress progress);
    }

    /**
     * What this build offers: effect-size charts with JFreeChart box plots, the agreement of all coders by
     * character, and every used factor tag compared tagged vs untagged.
     */
    public static ReportExtensions builtIn() {
        return new ReportExtensions(
                (project, options, distributions) -> new DistributionReportCharts(distributions, comparison ->
                        CompareRepositories.tables(project, comparison.split(), comparison.filter(), Progress.NONE)),
                ReportAgreement::compute,
                ReportFactors::compute);
    }
}
