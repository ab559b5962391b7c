package org.divergence.app.compare;

import java.util.ArrayList;
import java.util.List;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.core.tags.FactorComparison;
import org.divergence.core.tags.FactorTag;
import org.divergence.core.tags.TagSplit;
import org.divergence.core.tags.TagUsage;
import org.divergence.store.project.Project;
import org.divergence.store.tags.RepositoryTags;
import org.divergence.store.tags.TagSplits;

/**
 * Per factor (a code used as a tag), how many repositories carry it and how tagged repositories compare with
 * untagged ones: the rows a joint display or report shows next to the factor's quotes. Same metrics and statistics
 * as {@code compare --by tag:NAME}.
 */
public final class CompareFactors {

    private CompareFactors() {
    }

    /** Every code that at least one repository carries, in codebook order. */
    public static List<FactorComparison> compareAll(Project project, RepositoryFilter filter,
                                                    BootstrapMedianDifference.Settings bootstrap,
                                                    Progress progress) {
        List<FactorComparison> rows = new ArrayList<>();
        for (TagUsage usage : new RepositoryTags(project).usage()) {
            progress.checkCancelled();
            if (usage.repositories() > 0) {
                rows.add(compare(project, usage.tag(), filter, bootstrap, progress));
            }
        }
        return rows;
    }

    /** One factor: untagged (a) vs tagged (b) within the filter. */
    public static FactorComparison compare(Project project, FactorTag tag, RepositoryFilter filter,
                                           BootstrapMedianDifference.Settings bootstrap, Progress progress) {
        TagSplit split = TagSplits.of(project, tag);
        MetricAccumulator accumulator = CompareRepositories.tables(project, split, filter, progress);
        ComparisonReport report = CompareRepositories.compare(accumulator, filter, bootstrap,
                Stratification.NONE, progress);
        return new FactorComparison(tag, split.taggedCount(), accumulator.rows(0), accumulator.rows(1),
                report.comparisons().getFirst());
    }
}
