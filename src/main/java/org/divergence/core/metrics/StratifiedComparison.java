package org.divergence.core.metrics;

import java.util.List;

/**
 * A pair compared within strata (creation years): the usual comparison of each stratum's repositories, one combined
 * test per metric across strata, and how many repositories of each group had no stratum (unknown creation date) and
 * were left out.
 */
public record StratifiedComparison(Stratification by, List<Stratum> strata, List<StratifiedTest> tests,
                                   long unknownA, long unknownB) {

    /**
     * One stratum, e.g. "2021", its repositories in group a and b, and its comparison (a group may be empty there:
     * its tests are then undefined).
     */
    public record Stratum(String label, long repositoriesA, long repositoriesB, PairComparison comparison) {
    }

    /**
     * The combined test of one metric across strata: van Elteren's Z for numeric metrics (positive: group a tends
     * higher), the Cochran–Mantel–Haenszel chi-square for shares; NaN when no stratum has both groups; the number
     * of strata that contributed.
     */
    public record StratifiedTest(Metric metric, double statistic, double pValue, int strata) {
    }

    public StratifiedTest test(Metric metric) {
        return tests.stream().filter(test -> test.metric().equals(metric)).findFirst().orElseThrow();
    }
}
