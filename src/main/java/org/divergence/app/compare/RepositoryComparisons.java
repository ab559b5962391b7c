package org.divergence.app.compare;

import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.GroupSplits;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricComparisons;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.store.metrics.RepositoryMetricsReader;
import org.divergence.store.project.Project;
import org.divergence.store.tags.TagSplits;

/** Compares a project's repositories: what the command line, the GUI and the benchmark all call. */
public final class RepositoryComparisons {

    private RepositoryComparisons() {
    }

    /**
     * Resolves a grouping name against the project: "platform" and "repo_type" are built in. This is where
     * groupings that need the project are resolved (e.g. "tag:NAME": the tag's repository ids, then a split on
     * {@code RepositoryCounts.id()}).
     */
    public static GroupSplit split(Project project, String by) {
        if (TagSplits.isTagGrouping(by)) {
            return TagSplits.byName(project, by);
        }
        try {
            return GroupSplits.builtIn(by);
        } catch (InvalidInputException unknown) {
            throw new InvalidInputException("--by " + by + ": unknown grouping; use platform, repo_type or tag:NAME",
                    unknown);
        }
    }

    public static ComparisonReport compare(Project project, GroupSplit split, RepositoryFilter filter,
                                           BootstrapMedianDifference.Settings bootstrap, Progress progress) {
        MetricAccumulator accumulator = RepositoryMetricsReader.read(project, split, filter, progress);
        progress.update(-1, -1, "Computing statistics");
        return MetricComparisons.compare(accumulator, filter, bootstrap, progress);
    }

    /** How many repositories the project holds (the GUI shows an empty state at 0). */
    public static long repositoryCount(Project project) {
        return RepositoryMetricsReader.repositoryCount(project);
    }
}
