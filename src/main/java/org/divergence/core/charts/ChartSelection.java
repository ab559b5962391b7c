package org.divergence.core.charts;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.divergence.core.metrics.Group;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.repositories.MetricRange;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.tags.TagSplit;

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
     * Repositories table (platform, repository type and factor tag groupings can).
     */
    public Optional<RepositoryFilter> apply(RepositoryFilter base, GroupSplit split) {
        if (groupIndex < 0 || groupIndex >= split.groups().size()) {
            return Optional.empty();
        }
        Optional<RepositoryFilter> grouped = groupFilter(base, split, groupIndex);
        if (grouped.isEmpty()) {
            return Optional.empty();
        }
        RepositoryFilter filter = grouped.get();
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

    /** The base filter narrowed to one group of the split. */
    private static Optional<RepositoryFilter> groupFilter(RepositoryFilter base, GroupSplit split, int index) {
        if (split instanceof TagSplit tagSplit) {
            RepositoryFilter.Tag tag = new RepositoryFilter.Tag(tagSplit.tag().codeId(), tagSplit.tag().name());
            // Group a is the untagged repositories, group b the tagged ones (TagSplit's order).
            return Optional.of(index == 0 ? base.withoutTags(Set.of(tag)) : base.withTags(Set.of(tag)));
        }
        String key = split.groups().get(index).key();
        return switch (split.groupBy()) {
            case "platform" -> Platform.ofCode(key).map(platform -> base.withPlatforms(EnumSet.of(platform)));
            case "repo_type" -> RepoType.ofCode(key).map(type -> base.withRepoTypes(EnumSet.of(type)));
            default -> Optional.empty();
        };
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
