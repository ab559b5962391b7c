package org.divergence.core.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Three coders and more: the histogram of coders per unit, the figures from it against the general formulas, every
 * pair's table, who coded each disagreement, unitizing alpha on the continuum (merged per transcript, name order by
 * code point, ties by id), and the same per transcript.
 */
class MultiCoderAgreementTest {

    private static final List<AgreementCalculator.CodeRef> CODES = List.of(new AgreementCalculator.CodeRef(1, "One"),
            new AgreementCalculator.CodeRef(2, "Two"));
    private static final long A = 1;
    private static final long B = 2;
    private static final long C = 4;

    @Test
    void threeCodersOnCharactersWithTouchingAndOverlappingCodings() {
        AgreementCalculator calculator = new AgreementCalculator(AgreementUnit.CHARACTER, 3, false);
        // A: [0, 10); B: [5, 10) touching [10, 15), one unit [5, 15); C: [0, 10) overlapping [2, 8).
        calculator.addTranscript(1, "t", 30, (String) null, List.of(List.of(range(1, 0, 10)),
                List.of(range(1, 5, 10), range(1, 10, 15)), List.of(range(1, 0, 10), range(1, 2, 8))));
        AgreementResult result = calculator.result(List.of("Ana", "Ben", "Cai"), CODES);
        AgreementFigures figures = result.codes().getFirst().figures();
        assertEquals(List.of(15L, 5L, 5L, 5L), figures.histogram(), "[15, 30) none, [10, 15) one, [0, 5) two, "
                + "[5, 10) all three");
        assertEquals(30, figures.units());
        assertEquals(100.0 * 20 / 30, figures.percentAgreement(), 1e-12);
        assertNull(figures.twoCoders());
        assertNull(figures.kappa());
        assertEquals(List.of(new PairAgreement(0, 1, AgreementCounts.of(5, 5, 5, 15)),
                new PairAgreement(0, 2, AgreementCounts.of(10, 0, 0, 20)),
                new PairAgreement(1, 2, AgreementCounts.of(5, 5, 5, 15))), figures.pairs());
        double[][] matrix = binary(new int[][] {{0, 10}, {5, 15}, {0, 10}}, 30);
        assertEquals(1 - 89.0 * 10 / (60 * 30), figures.alpha(), 1e-15);
        assertEquals(KrippendorffAlpha.of(matrix, KrippendorffAlpha.Level.NOMINAL), figures.alpha(), 1e-15);
        assertEquals(FleissKappa.of(table(matrix)), figures.fleissKappa(), 1e-15);
        assertEquals(UnitizingAlpha.category(new long[][] {{0, 10}, {5, 15}, {0, 10}}, 0, 30).alpha(),
                figures.alphaU());
        assertEquals(List.of(new Disagreement(1, 1, 0, 5, A | C), new Disagreement(1, 1, 10, 15, B)),
                result.disagreements(1));
        assertEquals(List.of("Ana", "Cai"), result.coders(result.disagreements(1).getFirst(), true));
        assertEquals(List.of("Ben"), result.coders(result.disagreements(1).getFirst(), false));
        assertEquals(figures.histogram(), result.overall().histogram(), "one code: overall is that code");
        assertEquals(figures.alphaU(), result.overall().alphaU());
    }

    @Test
    void threeCodersOnSentences() {
        AgreementCalculator calculator = new AgreementCalculator(AgreementUnit.SENTENCE, 3, false);
        String text = "One. Two. Three. Four.";
        calculator.addTranscript(1, "t", text.length(), text, List.of(
                List.of(range(1, 0, 1), range(1, 5, 6)),
                List.of(range(1, 0, 2)),
                List.of(range(1, 1, 8), range(1, 17, 18))));
        AgreementResult result = calculator.result(List.of("A", "B", "C"), CODES);
        AgreementFigures figures = result.codes().getFirst().figures();
        // One: all three; Two: A and C; Three: none; Four: C.
        assertEquals(List.of(1L, 1L, 1L, 1L), figures.histogram());
        assertEquals(List.of(new Disagreement(1, 1, 5, 9, A | C), new Disagreement(1, 1, 17, 22, C)),
                result.disagreements(1));
        assertEquals(AgreementCounts.of(1, 1, 0, 2), figures.pairs().getFirst().counts());
        assertEquals(UnitizingAlpha.category(new long[][] {{0, 1, 5, 6}, {0, 2}, {1, 8, 17, 18}}, 0, text.length())
                .alpha(), figures.alphaU(), "alpha_u on characters whatever the unit");
    }

    /** For two coders the histogram's figures are term for term those of the 2 × 2 table (today's output). */
    @Test
    void twoCodersFiguresAreExactlyTheTwoByTwoTables() {
        Random random = new Random(2);
        for (int i = 0; i < 2000; i++) {
            long both = random.nextInt(50);
            long onlyA = random.nextInt(50);
            long onlyB = random.nextInt(50);
            long neither = random.nextInt(3) == 0 ? 0 : random.nextInt(5000);
            AgreementCounts counts = AgreementCounts.of(both, onlyA, onlyB, neither);
            AgreementFigures figures = new AgreementFigures(List.of(neither, onlyA + onlyB, both),
                    List.of(new PairAgreement(0, 1, counts)), null);
            assertEquals(counts.alpha(), figures.alpha(), counts.toString());
            assertEquals(counts.percentAgreement(), figures.percentAgreement(), counts.toString());
            assertEquals(counts.kappa(), figures.kappa(), counts.toString());
        }
    }

    /** Nominal alpha and Fleiss' kappa from the histogram against the general functions on random binary matrices. */
    @Test
    void histogramFiguresMatchTheGeneralFunctions() {
        Random random = new Random(3);
        for (int trial = 0; trial < 300; trial++) {
            int coders = 2 + random.nextInt(6);
            int units = 1 + random.nextInt(60);
            double share = random.nextDouble();
            double[][] matrix = new double[coders][units];
            long[] histogram = new long[coders + 1];
            for (int u = 0; u < units; u++) {
                int k = 0;
                for (int c = 0; c < coders; c++) {
                    matrix[c][u] = random.nextDouble() < share ? 1 : 0;
                    k += (int) matrix[c][u];
                }
                histogram[k]++;
            }
            AgreementFigures figures = new AgreementFigures(java.util.Arrays.stream(histogram).boxed().toList(),
                    List.of(), null);
            Double general = KrippendorffAlpha.of(matrix, KrippendorffAlpha.Level.NOMINAL);
            Double fleiss = FleissKappa.of(table(matrix));
            String where = "trial " + trial;
            if (general == null) {
                assertNull(figures.alpha(), where);
            } else {
                assertEquals(general, figures.alpha(), 1e-12, where);
            }
            if (fleiss == null) {
                assertNull(figures.fleissKappa(), where);
            } else {
                assertEquals(fleiss, figures.fleissKappa(), 1e-12, where);
            }
        }
    }

    /**
     * The continuum orders transcripts by name in code point order: "Ａ" (U+FF21) before "😀" (U+1F600) and "😁",
     * which String.compareTo (UTF-16) would put the other way round; equal names by id. A coding that ends where its
     * transcript ends and one that starts the next are two units, not merged across the boundary.
     */
    @Test
    void unitizingAlphaWorksOnTheContinuumInCodePointOrder() {
        String fullwidth = "\uFF21";
        String emoji = "\uD83D\uDE00";
        String grin = "\uD83D\uDE01";
        assertEquals(true, emoji.compareTo(fullwidth) < 0, "UTF-16 order differs");
        AgreementCalculator calculator = new AgreementCalculator(AgreementUnit.CHARACTER, 2, true);
        calculator.addTranscript(9, emoji, 8, (String) null, List.of(List.of(range(9, 0, 3)),
                List.of(range(9, 1, 3))));
        calculator.addTranscript(4, fullwidth, 10, (String) null, List.of(List.of(range(4, 2, 6), range(4, 6, 10)),
                List.of(range(4, 2, 5))));
        calculator.addTranscript(7, grin, 5, (String) null, List.of(List.of(range(7, 0, 5)), List.of()));
        calculator.addTranscript(3, grin, 6, (String) null, List.of(List.of(), List.of(range(3, 0, 6))));
        AgreementResult result = calculator.result(List.of("A", "B"), CODES);
        // Ａ at 0 (A: [2, 10) merged; B: [2, 5)), 😀 at 10 (A: [10, 13), B: [11, 13)), 😁#3 at 18, 😁#7 at 24.
        long[][] codePointOrder = {{2, 10, 10, 13, 24, 29}, {2, 5, 11, 13, 18, 24}};
        assertEquals(UnitizingAlpha.category(codePointOrder, 0, 29).alpha(), result.overall().alphaU());
        long[][] utf16Order = {{0, 3, 14, 19, 21, 29}, {1, 3, 8, 14, 21, 24}};
        assertNotEquals(UnitizingAlpha.category(utf16Order, 0, 29).alpha(), result.overall().alphaU());

        List<String> names = result.transcripts().stream().map(TranscriptAgreement::transcript).toList();
        assertEquals(List.of(fullwidth, emoji, grin, grin), names);
        assertEquals(3, result.transcripts().get(2).transcriptId(), "equal names by id");
        TranscriptAgreement first = result.transcripts().getFirst();
        assertEquals(10, first.unitsPerCode());
        assertEquals(UnitizingAlpha.category(new long[][] {{2, 10}, {2, 5}}, 0, 10).alpha(),
                first.overall().alphaU(), "alone on its own continuum");
        long bothOverTranscripts = result.transcripts().stream()
                .mapToLong(t -> t.overall().twoCoders().both()).sum();
        assertEquals(result.overall().twoCoders().both(), bothOverTranscripts);
    }

    @Test
    void undefinedWithoutCodings() {
        AgreementCalculator calculator = new AgreementCalculator(AgreementUnit.CHARACTER, 4, false);
        calculator.addTranscript(1, "t", 10, (String) null, List.of(List.of(), List.of(), List.of(), List.of()));
        AgreementResult result = calculator.result(List.of("A", "B", "C", "D"), CODES);
        assertEquals(List.of(), result.codes());
        assertNull(result.overall().alpha());
        assertNull(result.overall().alphaU());
        assertNull(result.overall().fleissKappa());
        assertNull(result.overall().percentAgreement());
        assertEquals(6, result.overall().pairs().size());
    }

    private static CodedRange range(long transcript, int start, int end) {
        return new CodedRange(transcript, 1, start, end);
    }

    /** Each coder's coded ranges as a 0/1 row over {@code length} units. */
    private static double[][] binary(int[][] ranges, int length) {
        double[][] matrix = new double[ranges.length][length];
        for (int c = 0; c < ranges.length; c++) {
            for (int u = ranges[c][0]; u < ranges[c][1]; u++) {
                matrix[c][u] = 1;
            }
        }
        return matrix;
    }

    /** Subjects × (not coded, coded) counts of a 0/1 matrix. */
    private static long[][] table(double[][] matrix) {
        List<long[]> rows = new ArrayList<>();
        for (int u = 0; u < matrix[0].length; u++) {
            long coded = 0;
            for (double[] coder : matrix) {
                coded += (long) coder[u];
            }
            rows.add(new long[] {matrix.length - coded, coded});
        }
        return rows.toArray(long[][]::new);
    }
}
