package org.divergence.core.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Scores passages against a code's coded passages (its examples): a passage's score is its highest cosine similarity
 * to any example, −1 to 1, and the example that gave it is the closest example, shown beside it for review.
 */
public final class Suggestions {

    /**
     * The score from which a passage is suggested or coded automatically unless the user picks another (ADR 0122):
     * on the sample interviews it has the best balance of precision and recall (F1) of the thresholds {@code bench
     * semantic} tries (see docs/ai-coding.md).
     */
    public static final double DEFAULT_THRESHOLD = 0.45;

    /** A passage with its score and the row of its closest example. */
    public record Suggestion(PassageIndex.Scored passage, int closestExampleRow) {
        public double score() {
            return passage.score();
        }
    }

    private Suggestions() {
    }

    /**
     * The passages accepted by {@code candidate} whose score is at least {@code threshold}, best first. Empty when
     * there are no examples.
     */
    public static List<Suggestion> score(PassageIndex index, List<Integer> exampleRows, IntPredicate candidate,
                                         double threshold) {
        List<Suggestion> found = new ArrayList<>();
        if (exampleRows.isEmpty()) {
            return found;
        }
        List<float[]> examples = exampleRows.stream().map(index::vector).toList();
        for (int row = 0; row < index.size(); row++) {
            if (!candidate.test(row)) {
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            int bestExample = -1;
            for (int e = 0; e < examples.size(); e++) {
                double similarity = index.similarity(examples.get(e), row);
                if (similarity > best) {
                    best = similarity;
                    bestExample = exampleRows.get(e);
                }
            }
            if (best >= threshold) {
                found.add(new Suggestion(new PassageIndex.Scored(index.entry(row), row, best), bestExample));
            }
        }
        found.sort((a, b) -> PassageIndex.BEST_FIRST.compare(a.passage(), b.passage()));
        return found;
    }

    /** The rows of passages that overlap one of the given coded ranges (the code's examples). */
    public static List<Integer> rowsOverlapping(PassageIndex index, List<PassageIndex.Entry> codedRanges) {
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < index.size(); row++) {
            PassageIndex.Entry passage = index.entry(row);
            for (PassageIndex.Entry coded : codedRanges) {
                if (passage.overlaps(coded.transcriptId(), coded.start(), coded.end())) {
                    rows.add(row);
                    break;
                }
            }
        }
        return rows;
    }
}
