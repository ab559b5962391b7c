package org.divergence.core.charts;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import org.divergence.core.metrics.Group;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.repositories.MetricRange;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;

/**
 * What a click on a chart element stands for (linked browsing): one group's repositories, optionally only those with
 * the metric in a range (a box, a bin, a share's "has it") or created in a period (a month of the time view). Turned
 * into a {@link RepositoryFilter} on top of the chart's own filter for the Repositories table.
 */
public record ChartSelection(int groupIndex, MetricRange range, LocalDate createdFrom, LocalDate createdTo,
                             String description) {

    public static ChartSelection group(int groupIndex, String description) {
        return new ChartSelection(groupIndex, null, null, null, description);
    }

    public static ChartSelection range(int groupIndex, MetricRange range, String description) {
        return new ChartSelection(groupIndex, range, null, null, description);
    }

    public static ChartSelection created(int groupIndex, LocalDate from, LocalDate to, String description) {
        return new ChartSelection(groupIndex, null, from, to, description);
    }

    /**
     * The chart's filter narrowed to this selection; empty when the grouping cannot be expressed as a filter of the
     * Repositories table (only platform and repository type can).
     */
    public Optional<RepositoryFilter> apply(RepositoryFilter base, GroupSplit split) {
        if (groupIndex < 0 || groupIndex >= split.groups().size()) {
            return Optional.empty();
        }
        Group group = split.groups().get(groupIndex);
        RepositoryFilter filter;
        switch (split.groupBy()) {
            case "platform" -> {
                Optional<Platform> platform = Platform.ofCode(group.key());
                if (platform.isEmpty()) {
                    return Optional.empty();
                }
                filter = base.withPlatforms(EnumSet.of(platform.get()));
            }
            case "repo_type" -> {
                Optional<RepoType> type = RepoType.ofCode(group.key());
                if (type.isEmpty()) {
                    return Optional.empty();
                }
                filter = base.withRepoTypes(EnumSet.of(type.get()));
            }
            default -> {
                return Optional.empty();
            }
        }
        if (range != null) {
            filter = filter.withMetricRange(range);
        }
        if (createdFrom != null || createdTo != null) {
            LocalDate from = later(base.createdFrom(), createdFrom);
            LocalDate to = earlier(base.createdTo(), createdTo);
            if (from != null && to != null && from.isAfter(to)) {
                to = from;
            }
            filter = filter.withCreated(from, to);
        }
        return Optional.of(filter);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
