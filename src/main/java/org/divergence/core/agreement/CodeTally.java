package org.divergence.core.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What one code gathers over the transcripts added: how many units exactly k coders coded (k ≥ 1; the units nobody
 * coded follow from the total), the 2 × 2 counts of every pair of coders, and for unitizing alpha every coder's
 * merged character ranges per transcript.
 */
final class CodeTally {

    /** One coder's merged ranges on one transcript. */
    private record Piece(long transcriptId, int coder, int[] ranges) {
    }

    private final int coders;
    private final long[] coded;
    /** Per pair of coders (a < b, in order): units both coded, only a, only b. */
    private final long[][] pairs;
    private final List<Piece> pieces = new ArrayList<>();

    CodeTally(int coders) {
        this.coders = coders;
        this.coded = new long[coders + 1];
        this.pairs = new long[coders * (coders - 1) / 2][3];
    }

    void addRanges(long transcriptId, int[][] merged) {
        for (int coder = 0; coder < coders; coder++) {
            if (merged[coder].length > 0) {
                pieces.add(new Piece(transcriptId, coder, merged[coder]));
            }
        }
    }

    /** Counts {@code units} units coded by the coders in {@code mask}. */
    void addUnits(long mask, long units) {
        coded[Long.bitCount(mask)] += units;
    }

    void addPair(int pair, long both, long onlyA, long onlyB) {
        pairs[pair][0] += both;
        pairs[pair][1] += onlyA;
        pairs[pair][2] += onlyB;
    }

    void add(CodeTally other) {
        for (int k = 1; k <= coders; k++) {
            coded[k] += other.coded[k];
        }
        for (int p = 0; p < pairs.length; p++) {
            addPair(p, other.pairs[p][0], other.pairs[p][1], other.pairs[p][2]);
        }
        pieces.addAll(other.pieces);
    }

    AgreementFigures figures(long units, Double alphaU) {
        long[] histogram = coded.clone();
        histogram[0] = units - Arrays.stream(coded).sum();
        List<PairAgreement> tables = new ArrayList<>();
        int p = 0;
        for (int a = 0; a < coders; a++) {
            for (int b = a + 1; b < coders; b++, p++) {
                long both = pairs[p][0];
                long onlyA = pairs[p][1];
                long onlyB = pairs[p][2];
                tables.add(new PairAgreement(a, b, AgreementCounts.of(both, onlyA, onlyB,
                        units - both - onlyA - onlyB)));
            }
        }
        return new AgreementFigures(Arrays.stream(histogram).boxed().toList(), tables, alphaU);
    }

    /**
     * The code's unitizing disagreements on the continuum: every coder's ranges, shifted to it and in its order. Null
     * when no coder has a range (codings outside the text), which DKPro would not list as a category.
     */
    UnitizingAlpha.Category unitizing(Continuum continuum) {
        if (pieces.isEmpty()) {
            return null;
        }
        long[][] units = new long[coders][];
        for (int coder = 0; coder < coders; coder++) {
            int mine = coder;
            List<Piece> own = pieces.stream().filter(piece -> piece.coder() == mine)
                    .sorted(Comparator.comparingLong(piece -> continuum.offset(piece.transcriptId()))).toList();
            long[] flat = new long[own.stream().mapToInt(piece -> piece.ranges().length).sum()];
            int at = 0;
            for (Piece piece : own) {
                long offset = continuum.offset(piece.transcriptId());
                for (int range : piece.ranges()) {
                    flat[at++] = offset + range;
                }
            }
            units[coder] = flat;
        }
        return UnitizingAlpha.category(units, 0, continuum.length());
    }
}
