package org.divergence.core.charts;

import java.util.List;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.StratifiedComparison;
import org.divergence.core.repositories.RepositoryFilter;

/**
 * One metric's Cliff's delta with its interval in every creation year, for every compared pair (a forest plot by
 * year; for a share metric delta is share_a − share_b), with each pair's test across the years and each group's
 * repositories of unknown creation date, which no year counts.
 */
public record YearEffectsData(Metric metric, GroupSplit split, RepositoryFilter filter, List<YearEffect> effects,
                              List<StratifiedComparison.StratifiedTest> acrossYears, List<Long> unknown)
        implements ChartData {

    /** A year's estimate (delta NaN where a group has no repository that year). */
    public record YearEffect(int year, EffectEstimate estimate) {
    }

    @Override
    public ChartType type() {
        return ChartType.EFFECTS;
    }

    /** The years drawn, ascending: those where some pair has an estimate (both groups have repositories). */
    public List<Integer> years() {
        return effects.stream().filter(effect -> !Double.isNaN(effect.estimate().delta())).map(YearEffect::year)
                .distinct().sorted().toList();
    }

    /** Years with repositories in which no pair has an estimate (a group has none that year), ascending. */
    public List<Integer> yearsWithoutEstimate() {
        List<Integer> drawn = years();
        return effects.stream().map(YearEffect::year).filter(year -> !drawn.contains(year)).distinct().sorted()
                .toList();
    }
}
