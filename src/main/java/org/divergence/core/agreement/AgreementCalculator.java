package org.divergence.core.agreement;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the agreement of two coders transcript by transcript. Every unit of every transcript added counts,
 * including text neither coder coded; a unit counts as coded by a coder with a code when any part of it carries
 * that code from that coder. Character units use interval arithmetic on merged ranges (no per-character loops), so
 * long transcripts cost O(k log k) per code with k codings; other units are marked in bit sets by binary search.
 */
public final class AgreementCalculator {

    /** A code as the result names it: its id and its path in the hierarchy. */
    public record CodeRef(long id, String path) {
    }

    private final AgreementUnit unit;
    private long totalUnits;
    /** Per code: both, a_only, b_only summed over transcripts (neither follows from the total). */
    private final Map<Long, long[]> sums = new HashMap<>();
    private final List<Disagreement> disagreements = new ArrayList<>();

    public AgreementCalculator(AgreementUnit unit) {
        this.unit = unit;
    }

    public AgreementUnit unit() {
        return unit;
    }

    /**
     * Adds a transcript of {@code length} code points; {@code text} is needed for units other than characters.
     * The codings are coder A's and coder B's on this transcript, any order, any codes.
     */
    public void addTranscript(long transcriptId, int length, String text, List<CodedRange> codingsA,
                              List<CodedRange> codingsB) {
        if (unit == AgreementUnit.CHARACTER) {
            addCharacters(transcriptId, length, codingsA, codingsB);
        } else {
            if (text == null) {
                throw new IllegalArgumentException(unit.code() + " units need the transcript's text");
            }
            addUnits(transcriptId, length, TextUnits.of(text, unit), codingsA, codingsB);
        }
    }

    /** Adds a transcript with the units given (for tests and reference data); not for character units. */
    public void addTranscript(long transcriptId, int length, UnitSpans units, List<CodedRange> codingsA,
                              List<CodedRange> codingsB) {
        if (unit == AgreementUnit.CHARACTER) {
            addCharacters(transcriptId, length, codingsA, codingsB);
        } else {
            addUnits(transcriptId, length, units, codingsA, codingsB);
        }
    }

    private void addCharacters(long transcriptId, int length, List<CodedRange> codingsA, List<CodedRange> codingsB) {
        totalUnits += length;
        Map<Long, List<CodedRange>> byCodeA = byCode(codingsA);
        Map<Long, List<CodedRange>> byCodeB = byCode(codingsB);
        for (long codeId : codes(byCodeA, byCodeB)) {
            int[] a = Intervals.merge(byCodeA.getOrDefault(codeId, List.of()), length);
            int[] b = Intervals.merge(byCodeB.getOrDefault(codeId, List.of()), length);
            long lengthA = Intervals.length(a);
            long lengthB = Intervals.length(b);
            long both = Intervals.intersectionLength(a, b);
            long[] sum = sums.computeIfAbsent(codeId, key -> new long[3]);
            sum[0] += both;
            sum[1] += lengthA - both;
            sum[2] += lengthB - both;
            Intervals.difference(a, b, (start, end) -> disagreements.add(new Disagreement(transcriptId, codeId,
                    start, end, Disagreement.Side.A_ONLY)));
            Intervals.difference(b, a, (start, end) -> disagreements.add(new Disagreement(transcriptId, codeId,
                    start, end, Disagreement.Side.B_ONLY)));
        }
    }

    private void addUnits(long transcriptId, int length, UnitSpans units, List<CodedRange> codingsA,
                          List<CodedRange> codingsB) {
        totalUnits += units.count();
        Map<Long, List<CodedRange>> byCodeA = byCode(codingsA);
        Map<Long, List<CodedRange>> byCodeB = byCode(codingsB);
        for (long codeId : codes(byCodeA, byCodeB)) {
            BitSet a = mark(units, byCodeA.getOrDefault(codeId, List.of()), length);
            BitSet b = mark(units, byCodeB.getOrDefault(codeId, List.of()), length);
            BitSet both = (BitSet) a.clone();
            both.and(b);
            long[] sum = sums.computeIfAbsent(codeId, key -> new long[3]);
            int bothCount = both.cardinality();
            sum[0] += bothCount;
            sum[1] += a.cardinality() - bothCount;
            sum[2] += b.cardinality() - bothCount;
            BitSet onlyA = (BitSet) a.clone();
            onlyA.andNot(b);
            BitSet onlyB = (BitSet) b.clone();
            onlyB.andNot(a);
            List<Disagreement> here = new ArrayList<>();
            onlyA.stream().forEach(i -> here.add(new Disagreement(transcriptId, codeId, units.start(i), units.end(i),
                    Disagreement.Side.A_ONLY)));
            onlyB.stream().forEach(i -> here.add(new Disagreement(transcriptId, codeId, units.start(i), units.end(i),
                    Disagreement.Side.B_ONLY)));
            here.sort(Comparator.comparingInt(Disagreement::start));
            disagreements.addAll(here);
        }
    }

    /** The units touched by any of the ranges. */
    private static BitSet mark(UnitSpans units, List<CodedRange> ranges, int length) {
        BitSet marked = new BitSet(units.count());
        for (CodedRange range : ranges) {
            int start = Math.max(0, range.start());
            int end = Math.min(length, range.end());
            if (end <= start) {
                continue;
            }
            for (int i = units.firstEndingAfter(start); i < units.count() && units.start(i) < end; i++) {
                marked.set(i);
            }
        }
        return marked;
    }

    private static Map<Long, List<CodedRange>> byCode(List<CodedRange> codings) {
        Map<Long, List<CodedRange>> byCode = new LinkedHashMap<>();
        for (CodedRange coding : codings) {
            byCode.computeIfAbsent(coding.codeId(), key -> new ArrayList<>()).add(coding);
        }
        return byCode;
    }

    private static List<Long> codes(Map<Long, List<CodedRange>> a, Map<Long, List<CodedRange>> b) {
        LinkedHashMap<Long, Boolean> all = new LinkedHashMap<>();
        a.keySet().forEach(id -> all.put(id, true));
        b.keySet().forEach(id -> all.put(id, true));
        return List.copyOf(all.keySet());
    }

    /**
     * The result for the codes at least one coder applied, in the order of {@code codebook} (codes missing from it
     * follow, named by id); overall pools those codes' tables.
     */
    public AgreementResult result(String coderA, String coderB, List<CodeRef> codebook) {
        List<CodeAgreement> rows = new ArrayList<>();
        Map<Long, Boolean> listed = new HashMap<>();
        AgreementCounts overall = AgreementCounts.ZERO;
        for (CodeRef code : codebook) {
            long[] sum = sums.get(code.id());
            if (sum != null && listed.putIfAbsent(code.id(), true) == null) {
                AgreementCounts counts = counts(sum);
                rows.add(new CodeAgreement(code.id(), code.path(), counts));
                overall = overall.plus(counts);
            }
        }
        for (Map.Entry<Long, long[]> entry : sums.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            if (!listed.containsKey(entry.getKey())) {
                AgreementCounts counts = counts(entry.getValue());
                rows.add(new CodeAgreement(entry.getKey(), "(code " + entry.getKey() + ")", counts));
                overall = overall.plus(counts);
            }
        }
        return new AgreementResult(unit, coderA, coderB, totalUnits, rows, overall, disagreements);
    }

    private AgreementCounts counts(long[] sum) {
        return AgreementCounts.of(sum[0], sum[1], sum[2], totalUnits - sum[0] - sum[1] - sum[2]);
    }
}
