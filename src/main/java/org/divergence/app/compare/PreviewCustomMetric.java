package org.divergence.app.compare;

import java.util.ArrayList;
import java.util.List;
import org.divergence.core.common.Progress;
import org.divergence.core.formulas.CustomMetric;
import org.divergence.core.metrics.Group;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricKind;
import org.divergence.core.metrics.MetricSet;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.FrequencyTable;
import org.divergence.store.metrics.RepositoryMetricsReader;
import org.divergence.store.project.Project;

/**
 * What a custom metric being written would give, before it is saved: per group of the comparison, how many
 * repositories it is known for (its n) and its median or share. The same scan as the comparison, so the n is the
 * one the comparison will report.
 */
public final class PreviewCustomMetric {

    /** One group: its repositories, those the metric is known for, and the median (numbers) or share. */
    public record GroupValues(Group group, long repositories, long known, double centre) {
    }

    private PreviewCustomMetric() {
    }

    public static List<GroupValues> preview(Project project, GroupSplit split, RepositoryFilter filter,
                                            CustomMetric candidate, Progress progress) {
        MetricAccumulator data = RepositoryMetricsReader.read(project, split, filter,
                MetricSet.withCustom(List.of(candidate)), false, progress, 0);
        List<GroupValues> groups = new ArrayList<>();
        for (int g = 0; g < split.groups().size(); g++) {
            FrequencyTable table = data.table(g, candidate);
            double centre = candidate.kind() == MetricKind.SHARE
                    ? (table.n() == 0 ? Double.NaN : (double) data.shareYes(g, candidate) / table.n())
                    : table.median();
            groups.add(new GroupValues(split.groups().get(g), data.rows(g), table.n(), centre));
        }
        return List.copyOf(groups);
    }
}
