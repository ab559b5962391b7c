package org.divergence.render.report;

import java.util.List;
import java.util.Map;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.GroupSplits;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricComparisons;
import org.divergence.core.metrics.MetricInput;
import org.divergence.core.metrics.RepositoryCounts;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.BootstrapMedianDifference;

/** A small comparison and a small coded corpus to build report parts from. */
final class ReportFixtures {

    static final BootstrapMedianDifference.Settings BOOTSTRAP = new BootstrapMedianDifference.Settings(200, 7, 0.95);

    private ReportFixtures() {
    }

    /** GitHub code: 4 repositories; Hugging Face: 2 models and a dataset (hand-checkable, as in the compare tests). */
    static ComparisonReport comparison(GroupSplit split) {
        return comparison(split, Stratification.NONE);
    }

    /** Stratified, the repositories were created in 2021 and 2022 (alternately, in the order listed). */
    static ComparisonReport comparison(GroupSplit split, Stratification stratification) {
        boolean byYear = stratification == Stratification.CREATED_YEAR;
        MetricAccumulator accumulator = new MetricAccumulator(split, byYear);
        RepositoryCounts row = new RepositoryCounts();
        long[][] github = {{1, 10, 0, 0, 2, 5, 1}, {3, 30, 4, 2, 0, 50, 3}, {2, 5, 1, 1, 1, 0, 0}, {1, 2, 0, 0, 0, 1, 0}};
        long[][] huggingFace = {{1, 4, 0, 0, 0, 0, 0}, {1, 3, 1, 0, 0, 2, 0}, {1, 1, 0, 0, 0, 0, 1}};
        for (int i = 0; i < github.length; i++) {
            add(accumulator, row, Platform.GITHUB, RepoType.CODE, github[i], byYear ? (2021 + i % 2) * 12 : -1);
        }
        for (int i = 0; i < huggingFace.length; i++) {
            add(accumulator, row, Platform.HUGGINGFACE, i < 2 ? RepoType.MODEL : RepoType.DATASET, huggingFace[i],
                    byYear ? (2021 + i % 2) * 12 : -1);
        }
        return MetricComparisons.compare(accumulator, RepositoryFilter.ALL, BOOTSTRAP, stratification,
                Progress.NONE);
    }

    static ComparisonReport comparison() {
        return comparison(GroupSplits.PLATFORM);
    }

    /** contributors, commits, pull_requests, merged, knowledge threads, endorsements, derivatives. */
    private static void add(MetricAccumulator accumulator, RepositoryCounts row, Platform platform, RepoType type,
                            long[] c, int createdMonth) {
        row.clear().set(0, platform, type).setCreatedMonth(createdMonth);
        row.set(MetricInput.CONTRIBUTORS, c[0]).set(MetricInput.COMMITS, c[1]).set(MetricInput.PULL_REQUESTS, c[2])
                .set(MetricInput.MERGED_PULL_REQUESTS, c[3]).set(MetricInput.KNOWLEDGE_THREADS, c[4])
                .set(MetricInput.ENDORSEMENTS, c[5]).set(MetricInput.DERIVATIVES, c[6]);
        accumulator.add(row);
    }

    static final long FACTORS = 1;
    static final long COMPUTE = 2;
    static final long BLACK_BOX = 3;
    static final long GOVERNANCE = 4;

    static Codebook codebook() {
        return new Codebook(List.of(
                new Code(FACTORS, "g-factors", null, "Factors", "#555555", "Root", null, null, null, 0),
                new Code(COMPUTE, "g-compute", FACTORS, "Compute", "#D55E00", "Hardware and money", null, null, null,
                        0),
                new Code(BLACK_BOX, "g-black-box", FACTORS, "Black box", "#0072B2", null, null, null, null, 1),
                new Code(GOVERNANCE, "g-governance", FACTORS, "Governance", "#999999", null, null, null, null, 2)));
    }

    static final Map<String, String> P1 = Map.of("role", "maintainer", "years", "12");
    static final Map<String, String> P2 = Map.of("role", "fine-tuner", "years", "3");

    /** Two transcripts (cases P1 and P2), coded by Ana and Ben; compute overlaps black box in P1. */
    static List<CodedSegment> segments() {
        return List.of(
                segment(11, 1, "P1", P1, COMPUTE, "Ana", 10, 40, "It needed a GPU for most of a day."),
                segment(12, 1, "P1", P1, BLACK_BOX, "Ben", 30, 60, "With weights there is nothing to read."),
                segment(13, 1, "P1", P1, COMPUTE, "Ben", 10, 40, "It needed a GPU for most of a day."),
                segment(14, 2, "P2", P2, COMPUTE, "Ana", 5, 20, "A LoRA costs a few euros."),
                segment(15, 2, "P2", P2, GOVERNANCE, "Ana", 100, 130, "The safety team decides."),
                segment(16, 2, "P2", P2, COMPUTE, "Ben", 200, 230, "Pre-training is another universe."));
    }

    private static CodedSegment segment(long id, long transcript, String caseName, Map<String, String> attributes,
                                        long code, String coder, int start, int end, String text) {
        String path = codebook().path(code);
        return new CodedSegment(id, "guid-" + id, transcript, "T" + transcript, caseName, attributes, code, path,
                coder, start, end, text, "2026-01-15T09:00:00Z");
    }
}
