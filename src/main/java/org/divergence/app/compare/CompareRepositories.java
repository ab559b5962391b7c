package org.divergence.app.compare;

import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.GroupSplits;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricComparisons;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.store.metrics.CustomMetrics;
import org.divergence.store.metrics.RepositoryMetricsReader;
import org.divergence.store.project.Project;
import org.divergence.store.tags.TagSplits;

/** Compares a project's repositories: what the command line, the GUI and the benchmark all call. */
public final class CompareRepositories {

    private CompareRepositories() {
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

    /** A comparison and the per-group frequency tables it was computed from (the charts beside it draw on them). */
    public record Compared(ComparisonReport report, MetricAccumulator tables) {
    }

    public static ComparisonReport compare(Project project, GroupSplit split, RepositoryFilter filter,
                                           BootstrapMedianDifference.Settings bootstrap, Progress progress) {
        return compare(project, split, filter, bootstrap, Stratification.NONE, progress);
    }

    public static ComparisonReport compare(Project project, GroupSplit split, RepositoryFilter filter,
                                           BootstrapMedianDifference.Settings bootstrap,
                                           Stratification stratification, Progress progress) {
        return compareWithTables(project, split, filter, bootstrap, stratification, progress).report();
    }

    /**
     * One scan of the repositories, then the statistics (also within creation years when stratified: the same scan
     * keeps the tables by year); the tables are kept for charts.
     */
    public static Compared compareWithTables(Project project, GroupSplit split, RepositoryFilter filter,
                                             BootstrapMedianDifference.Settings bootstrap,
                                             Stratification stratification, Progress progress) {
        MetricAccumulator tables = tables(project, split, filter, stratification, progress, 0);
        progress.update(-1, -1, "Computing statistics");
        return new Compared(compare(tables, filter, bootstrap, stratification, progress), tables);
    }

    /** The per-group frequency tables of every metric, from one scan of the repositories the filter selects. */
    public static MetricAccumulator tables(Project project, GroupSplit split, RepositoryFilter filter,
                                           Progress progress) {
        return tables(project, split, filter, Stratification.NONE, progress, 0);
    }

    /**
     * {@link #tables}, also by creation year when stratified, scanned in {@code partitions} parallel parts (0: as the
     * machine suits; benchmarks vary it). The metrics are the built-in ones and the project's custom metrics.
     */
    public static MetricAccumulator tables(Project project, GroupSplit split, RepositoryFilter filter,
                                           Stratification stratification, Progress progress, int partitions) {
        return RepositoryMetricsReader.read(project, split, filter, CustomMetrics.metricSet(project),
                stratification == Stratification.CREATED_YEAR, progress, partitions);
    }

    /** The statistics of tables already read (the benchmark times the scan and the statistics apart). */
    public static ComparisonReport compare(MetricAccumulator tables, RepositoryFilter filter,
                                           BootstrapMedianDifference.Settings bootstrap,
                                           Stratification stratification, Progress progress) {
        return MetricComparisons.compare(tables, filter, bootstrap, stratification, progress);
    }

    /** Whether the project holds any repository (the GUI shows an empty state otherwise); no count of millions. */
    public static boolean hasRepositories(Project project) {
        return RepositoryMetricsReader.hasRepositories(project);
    }
}
