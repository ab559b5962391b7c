package org.divergence.app.report;

import java.util.List;
import org.divergence.app.compare.CompareFactors;
import org.divergence.core.common.Progress;
import org.divergence.core.report.FactorSection;
import org.divergence.core.report.ReportOptions;
import org.divergence.core.tags.FactorComparison;
import org.divergence.store.project.Project;

/**
 * The report's factor section: every code used as a tag on at least one repository, compared untagged (a) vs
 * tagged (b) under the report's filter and bootstrap, exactly as {@code compare --by tag:NAME} compares them.
 */
final class ReportFactors {

    private ReportFactors() {
    }

    static FactorSection compute(Project project, ReportOptions options, Progress progress) {
        List<FactorComparison> rows = CompareFactors.compareAll(project, options.filter(), options.bootstrap(),
                progress);
        List<FactorSection.Factor> factors = rows.stream()
                .map(row -> new FactorSection.Factor(row.tag().guid(), row.tag().name(), row.tag().color(),
                        row.taggedInProject(), row.comparison()))
                .toList();
        return new FactorSection(true, factors, factors.isEmpty()
                ? "No repository is tagged with a factor yet (Repositories → Tags, or the tag command)." : null);
    }
}
