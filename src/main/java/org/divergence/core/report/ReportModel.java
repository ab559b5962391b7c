package org.divergence.core.report;

import java.util.List;
import org.divergence.core.metrics.ComparisonReport;

/**
 * Everything a report shows, computed once and rendered as HTML, Markdown or LaTeX (and drawn by the GUI preview):
 * the sample description, the comparison (null when the project has no repositories to compare), the charts per
 * dimension, the codebook with frequencies, inter-coder agreement, the joint display, the factor tags and the
 * provenance block.
 */
public record ReportModel(String title, SampleDescription sample, ComparisonReport comparison,
                          List<ReportChart> charts, CodebookSummary codebook, AgreementSection agreement,
                          JointDisplay jointDisplay, FactorSection factors, Provenance provenance) {

    /** The sections in report order: (id, title); the HTML uses the ids as anchors. */
    public static final List<Section> SECTIONS = List.of(
            new Section("sample", "Sample"),
            new Section("comparison", "Comparison"),
            new Section("charts", "Charts"),
            new Section("codebook", "Codebook"),
            new Section("agreement", "Inter-coder agreement"),
            new Section("joint-display", "Joint display"),
            new Section("factors", "Factor tags"),
            new Section("provenance", "Provenance"));

    public record Section(String id, String title) {
    }

    public boolean hasComparison() {
        return comparison != null && !comparison.comparisons().isEmpty();
    }
}
