package org.divergence.app.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.divergence.app.compare.CompareRepositories;
import org.divergence.core.AppInfo;
import org.divergence.core.coding.CaseAttribute;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.common.Progress;
import org.divergence.core.evidence.EvidenceLink;
import org.divergence.core.evidence.FindingRef;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.report.AgreementSection;
import org.divergence.core.report.CodebookSummary;
import org.divergence.core.report.FactorSection;
import org.divergence.core.report.JointDisplay;
import org.divergence.core.report.JointDisplayBuilder;
import org.divergence.core.report.Provenance;
import org.divergence.store.collect.Crawls;
import org.divergence.core.report.ReportChart;
import org.divergence.core.report.ReportCharts;
import org.divergence.core.report.ReportModel;
import org.divergence.core.report.ReportOptions;
import org.divergence.core.report.SampleDescription;
import org.divergence.store.coding.CaseStore;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.SegmentQuery;
import org.divergence.store.evidence.EvidenceStore;
import org.divergence.store.evidence.InterpretationStore;
import org.divergence.store.project.Project;
import org.divergence.store.project.ProjectChecksum;
import org.divergence.store.report.ReportQueries;

/**
 * Computes a report's model from a project: the comparison exactly as {@code compare} makes it (the same scan and
 * {@link CompareRepositories} call, so the report's numbers are {@code compare --json}'s), the sample description,
 * the codebook, the joint display, the extensions' sections and the provenance with the content checksum.
 */
public final class BuildReport {

    private BuildReport() {
    }

    /** What the live preview shows instead of the content checksum, which is computed when a report is written. */
    public static final String CHECKSUM_ON_EXPORT = "(computed when the report is exported)";

    public static ReportModel build(Project project, ReportOptions options, ReportExtensions extensions,
                                    Progress progress) {
        return build(project, options, extensions, null, true, progress);
    }

    /**
     * For the live preview: reuses {@code comparison} when given (the caller made it with the same grouping, filter and
     * bootstrap, and no repository changed since) and leaves out the content checksum.
     */
    public static ReportModel preview(Project project, ReportOptions options, ReportExtensions extensions,
                                      ComparisonReport comparison, Progress progress) {
        return build(project, options, extensions, comparison, false, progress);
    }

    /** A full report (with the checksum) that reuses a comparison made with the same options, when given. */
    public static ReportModel build(Project project, ReportOptions options, ReportExtensions extensions,
                                    ComparisonReport reuse, Progress progress) {
        return build(project, options, extensions, reuse, true, progress);
    }

    private static ReportModel build(Project project, ReportOptions options, ReportExtensions extensions,
                                     ComparisonReport reuse, boolean checksum, Progress progress) {
        GroupSplit split = CompareRepositories.split(project, options.groupBy());
        progress.update(0, 6, "Describing the sample");
        SampleDescription sample = ReportQueries.describe(project, options.filter());
        progress.checkCancelled();

        ComparisonReport comparison = reuse;
        MetricAccumulator distributions = null;
        if (comparison == null && sample.totalInProject() > 0) {
            // What CompareRepositories.compare does, keeping the per-group tables for the charts: one scan.
            progress.update(1, 6, "Comparing repositories");
            CompareRepositories.Compared compared = CompareRepositories.compareWithTables(project, split,
                    options.filter(), options.bootstrap(), options.stratification(), progress);
            distributions = compared.tables();
            comparison = compared.report();
        }
        progress.checkCancelled();

        progress.update(2, 6, "Reading the codebook and the evidence");
        Qualitative qualitative = project.read(BuildReport::qualitative);

        progress.update(3, 6, "Agreement and factor tags");
        AgreementSection agreement = extensions.agreement().compute(project, progress);
        FactorSection factors = extensions.factors().compute(project, options, progress);
        progress.checkCancelled();

        progress.update(4, 6, "Drawing the charts");
        ReportCharts renderer = extensions.charts().create(project, options, distributions);
        List<ReportChart> charts = new ArrayList<>();
        if (comparison != null && !comparison.comparisons().isEmpty()) {
            for (Dimension dimension : comparison.metrics().dimensions()) {
                charts.addAll(renderer.dimensionCharts(dimension, comparison));
            }
        }

        JointDisplay jointDisplay = new JointDisplayBuilder(comparison, qualitative.codebook(),
                qualitative.segments(), qualitative.attributes(), qualitative.links(), qualitative.interpretations(),
                factors.available() ? factors.factors() : List.of()).build();
        CodebookSummary codebook = CodebookSummary.of(qualitative.codebook(), qualitative.segments(),
                qualitative.coders());

        progress.update(5, 6, "Checksumming the project");
        String contentSha256 = checksum ? ProjectChecksum.of(project, progress) : CHECKSUM_ON_EXPORT;
        Provenance provenance = new Provenance(AppInfo.NAME, AppInfo.version(), project.file().getFileName().toString(),
                contentSha256, ProjectChecksum.SCOPE, split.groupBy(), options.filter().whereItems(),
                options.filter().createdFrom(), options.filter().createdTo(), options.filter().describe(),
                options.bootstrap().resamples(), options.bootstrap().seed(), options.bootstrap().level(),
                renderer.name(), options.generatedAt(), options.stratification(),
                comparison == null ? List.of() : comparison.metrics().custom(),
                project.read(Crawls::drawSummaries));
        progress.update(6, 6, "Report ready");
        return new ReportModel("Divergence report: " + project.name(), sample, comparison, List.copyOf(charts),
                codebook, agreement, jointDisplay, factors, provenance);
    }

    private record Qualitative(Codebook codebook, List<CodedSegment> segments, List<String> attributes,
                               List<String> coders, List<EvidenceLink> links,
                               Map<FindingRef, String> interpretations) {
    }

    private static Qualitative qualitative(Connection connection) throws SQLException {
        Codebook codebook = CodebookStore.load(connection);
        List<CodedSegment> segments = SegmentQuery.segments(connection, SegmentQuery.Filter.ALL);
        List<String> attributes = CaseStore.attributes(connection).stream()
                .sorted(Comparator.comparingInt(CaseAttribute::position).thenComparing(CaseAttribute::name))
                .map(CaseAttribute::name).toList();
        List<String> coders = ReportQueries.coderNames(connection);
        return new Qualitative(codebook, segments, attributes, coders, EvidenceStore.all(connection),
                InterpretationStore.all(connection));
    }

}
