package org.divergence.core.semantic;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How well suggestions find a code's passages (ADR 0122): for each transcript in turn, its codings of the code are
 * hidden, passages are scored against the coded passages of the other transcripts only, and the passages at or above
 * the threshold are compared with the hidden ones. A passage counts as truly coded when any coding overlaps it.
 */
public final class HoldOutEvaluation {

    /** Passages suggested and coded, suggested but not coded, coded but not suggested; summed over transcripts. */
    public record Counts(int truePositives, int falsePositives, int falseNegatives) {

        public Counts plus(Counts other) {
            return new Counts(truePositives + other.truePositives, falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives);
        }

        /** Of the suggested passages, the share a person coded; NaN when nothing was suggested. */
        public double precision() {
            int suggested = truePositives + falsePositives;
            return suggested == 0 ? Double.NaN : (double) truePositives / suggested;
        }

        /** Of the coded passages, the share suggested; NaN when nothing was coded. */
        public double recall() {
            int coded = truePositives + falseNegatives;
            return coded == 0 ? Double.NaN : (double) truePositives / coded;
        }
    }

    private HoldOutEvaluation() {
    }

    public static Counts evaluate(PassageIndex index, List<PassageIndex.Entry> codings, double threshold) {
        Set<Long> transcripts = new TreeSet<>();
        for (int row = 0; row < index.size(); row++) {
            transcripts.add(index.entry(row).transcriptId());
        }
        Set<Integer> coded = new HashSet<>(Suggestions.rowsOverlapping(index, codings));
        Counts total = new Counts(0, 0, 0);
        for (long held : transcripts) {
            List<Integer> examples = coded.stream().filter(row -> index.entry(row).transcriptId() != held).sorted()
                    .toList();
            Set<Integer> suggested = new HashSet<>();
            for (Suggestions.Suggestion suggestion : Suggestions.score(index, examples,
                    row -> index.entry(row).transcriptId() == held, threshold)) {
                suggested.add(suggestion.passage().row());
            }
            int truePositives = 0;
            int falseNegatives = 0;
            for (int row : coded) {
                if (index.entry(row).transcriptId() == held) {
                    if (suggested.contains(row)) {
                        truePositives++;
                    } else {
                        falseNegatives++;
                    }
                }
            }
            total = total.plus(new Counts(truePositives, suggested.size() - truePositives, falseNegatives));
        }
        return total;
    }
}
