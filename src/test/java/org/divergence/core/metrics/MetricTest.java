package org.divergence.core.metrics;

import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.CountColumn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricTest {

    private static RepositoryCounts repository(Platform platform, long... counts) {
        RepositoryCounts r = new RepositoryCounts().set(1, platform, platform == Platform.GITHUB ? RepoType.CODE
                : RepoType.MODEL);
        CountColumn[] columns = CountColumn.values();
        for (int i = 0; i < counts.length; i++) {
            r.setColumn(columns[i], counts[i]);
        }
        return r;
    }

    private static final long U = RepositoryCounts.UNKNOWN;

    @Test
    void twelveMetricsOverFourDimensionsAndPopularity() {
        assertEquals(12, BuiltInMetric.values().length);
        assertEquals(8, BuiltInMetric.numeric().size());
        assertEquals(4, BuiltInMetric.shares().size());
        assertEquals(List.of("contributors", "commits", "commits_per_contributor", "multi_contributor",
                "pull_requests", "pr_acceptance_rate", "has_pull_requests", "knowledge_threads",
                "has_knowledge_threads", "derivatives", "has_derivatives", "endorsements"),
                Arrays.stream(BuiltInMetric.values()).map(Metric::key).toList());
        assertEquals(Dimension.USER_INNOVATION, BuiltInMetric.HAS_DERIVATIVES.dimension());
        assertEquals(MetricKind.SHARE, BuiltInMetric.MULTI_CONTRIBUTOR.kind());
        assertEquals(BuiltInMetric.PR_ACCEPTANCE_RATE, BuiltInMetric.ofKey("pr_acceptance_rate"));
    }

    @Test
    void githubReadsIssuesForksAndStars() {
        // contributors, commits, pull_requests, merged, issues, discussions, stars, forks, downloads, likes,
        // derivatives
        RepositoryCounts r = repository(Platform.GITHUB, 4, 10, 8, 6, 3, 99, 50, 7, 99, 99, 99);
        assertEquals(4, BuiltInMetric.CONTRIBUTORS.valueOf(r));
        assertEquals(2.5, BuiltInMetric.COMMITS_PER_CONTRIBUTOR.valueOf(r));
        assertEquals(0.75, BuiltInMetric.PR_ACCEPTANCE_RATE.valueOf(r));
        assertEquals(3, BuiltInMetric.KNOWLEDGE_THREADS.valueOf(r));
        assertEquals(7, BuiltInMetric.DERIVATIVES.valueOf(r));
        assertEquals(50, BuiltInMetric.ENDORSEMENTS.valueOf(r));
        assertEquals(1, BuiltInMetric.MULTI_CONTRIBUTOR.valueOf(r));
        assertEquals(1, BuiltInMetric.HAS_PULL_REQUESTS.valueOf(r));
    }

    @Test
    void huggingFaceReadsDiscussionsDerivativesAndLikes() {
        RepositoryCounts r = repository(Platform.HUGGINGFACE, 1, 3, 0, 0, 99, 0, 99, 99, 1000, 12, 2);
        assertEquals(0, BuiltInMetric.KNOWLEDGE_THREADS.valueOf(r));
        assertEquals(0, BuiltInMetric.HAS_KNOWLEDGE_THREADS.valueOf(r));
        assertEquals(2, BuiltInMetric.DERIVATIVES.valueOf(r));
        assertEquals(1, BuiltInMetric.HAS_DERIVATIVES.valueOf(r));
        assertEquals(12, BuiltInMetric.ENDORSEMENTS.valueOf(r));
        assertEquals(0, BuiltInMetric.MULTI_CONTRIBUTOR.valueOf(r));
        assertTrue(Double.isNaN(BuiltInMetric.PR_ACCEPTANCE_RATE.valueOf(r)), "no pull requests: rate unknown");
    }

    @Test
    void unknownInputsAndZeroDenominatorsLeaveOnlyThatMetricUnknown() {
        RepositoryCounts r = repository(Platform.GITHUB, 0, U, 5, U, U, U, 3, U);
        assertTrue(Double.isNaN(BuiltInMetric.COMMITS.valueOf(r)));
        assertTrue(Double.isNaN(BuiltInMetric.COMMITS_PER_CONTRIBUTOR.valueOf(r)), "contributors = 0");
        assertTrue(Double.isNaN(BuiltInMetric.PR_ACCEPTANCE_RATE.valueOf(r)), "merged unknown");
        assertTrue(Double.isNaN(BuiltInMetric.HAS_KNOWLEDGE_THREADS.valueOf(r)));
        assertTrue(Double.isNaN(BuiltInMetric.DERIVATIVES.valueOf(r)));
        assertEquals(0, BuiltInMetric.CONTRIBUTORS.valueOf(r));
        assertEquals(0, BuiltInMetric.MULTI_CONTRIBUTOR.valueOf(r));
        assertEquals(3, BuiltInMetric.ENDORSEMENTS.valueOf(r));
        RepositoryCounts noContributors = repository(Platform.GITHUB, U, 12);
        assertTrue(Double.isNaN(BuiltInMetric.COMMITS_PER_CONTRIBUTOR.valueOf(noContributors)));
    }

    @Test
    void negativeCountsAreRefused() {
        RepositoryCounts r = new RepositoryCounts().set(1, Platform.GITHUB, RepoType.CODE);
        assertThrows(IllegalArgumentException.class, () -> r.set(MetricInput.COMMITS, -1));
    }

    @Test
    void accumulatorSplitsByGroupAndSkipsUnknownValues() {
        MetricAccumulator accumulator = new MetricAccumulator(GroupSplits.REPO_TYPE);
        RepositoryCounts row = new RepositoryCounts();
        row.set(1, Platform.GITHUB, RepoType.CODE).set(MetricInput.CONTRIBUTORS, 3);
        accumulator.add(row);
        row.clear().set(2, Platform.HUGGINGFACE, RepoType.SPACE).set(MetricInput.CONTRIBUTORS, 1);
        accumulator.add(row);
        row.clear().set(3, Platform.HUGGINGFACE, RepoType.SPACE);
        accumulator.add(row);
        assertEquals(3, accumulator.rowsRead());
        assertEquals(2, accumulator.rows(RepoType.SPACE.ordinal()));
        assertEquals(1, accumulator.table(RepoType.SPACE.ordinal(), BuiltInMetric.CONTRIBUTORS).n());
        assertEquals(1, accumulator.shareKnown(RepoType.SPACE.ordinal(), BuiltInMetric.MULTI_CONTRIBUTOR));
        assertEquals(0, accumulator.shareYes(RepoType.SPACE.ordinal(), BuiltInMetric.MULTI_CONTRIBUTOR));
        assertEquals(1, accumulator.shareYes(RepoType.CODE.ordinal(), BuiltInMetric.MULTI_CONTRIBUTOR));
        assertEquals(0, accumulator.rows(RepoType.MODEL.ordinal()));
    }
}
