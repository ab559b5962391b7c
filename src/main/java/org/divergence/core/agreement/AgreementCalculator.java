package org.divergence.core.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.divergence.core.common.InvalidInputException;

/**
 * Computes the agreement of two or more coders transcript by transcript. Every unit of every transcript added
 * counts, including text no coder coded; a unit counts as coded by a coder with a code when any part of it carries
 * that code from that coder. Character units are swept over the coders' merged ranges (no per-character loops), so
 * long transcripts cost O(k log k) per code with k codings; other units are marked in bit sets by binary search.
 * Unitizing alpha always works on characters, on the continuum of all transcripts added (ADR 0090).
 */
public final class AgreementCalculator {

    /** A code as the result names it: its id and its path in the hierarchy. */
    public record CodeRef(long id, String path) {
    }

    /** Coders are told apart by one bit each of a long. */
    public static final int MAX_CODERS = 64;

    /** What one transcript added: its units per code and its codes' tallies (kept only by transcript). */
    private record Added(Continuum.Transcript transcript, long units, Map<Long, CodeTally> codes) {
    }

    private final AgreementUnit unit;
    private final int coders;
    private final boolean byTranscript;
    private long totalUnits;
    private final Map<Long, CodeTally> totals = new HashMap<>();
    private final List<Added> added = new ArrayList<>();
    private final List<Disagreement> disagreements = new ArrayList<>();

    /** {@code byTranscript}: also keep each transcript's own figures (memory grows with transcripts × codes). */
    public AgreementCalculator(AgreementUnit unit, int coders, boolean byTranscript) {
        if (coders < 2 || coders > MAX_CODERS) {
            throw new IllegalArgumentException("agreement compares 2 to " + MAX_CODERS + " coders, not " + coders);
        }
        this.unit = unit;
        this.coders = coders;
        this.byTranscript = byTranscript;
    }

    public AgreementUnit unit() {
        return unit;
    }

    /**
     * Adds a transcript of {@code length} code points; {@code text} is needed for units other than characters.
     * {@code codings.get(i)} are coder i's codings on this transcript, any order, any codes.
     */
    public void addTranscript(long transcriptId, String name, int length, String text,
                              List<List<CodedRange>> codings) {
        if (unit != AgreementUnit.CHARACTER && text == null) {
            throw new IllegalArgumentException(unit.code() + " units need the transcript's text");
        }
        add(new Continuum.Transcript(transcriptId, name, length),
                unit == AgreementUnit.CHARACTER ? null : TextUnits.of(text, unit), codings);
    }

    /** Adds a transcript with the units given (for tests and reference data); ignored for character units. */
    public void addTranscript(long transcriptId, String name, int length, UnitSpans units,
                              List<List<CodedRange>> codings) {
        add(new Continuum.Transcript(transcriptId, name, length), unit == AgreementUnit.CHARACTER ? null : units,
                codings);
    }

    private void add(Continuum.Transcript transcript, UnitSpans units, List<List<CodedRange>> codings) {
        if (codings.size() != coders) {
            throw new IllegalArgumentException("codings of " + codings.size() + " coders, expected " + coders);
        }
        long count = units == null ? transcript.length() : units.count();
        totalUnits += count;
        List<Map<Long, List<CodedRange>>> byCoder = codings.stream().map(AgreementCalculator::byCode).toList();
        Map<Long, CodeTally> here = new LinkedHashMap<>();
        for (long codeId : codes(byCoder)) {
            int[][] merged = new int[coders][];
            for (int coder = 0; coder < coders; coder++) {
                merged[coder] = Intervals.merge(byCoder.get(coder).getOrDefault(codeId, List.of()),
                        transcript.length());
            }
            CodeTally tally = new CodeTally(coders);
            tally.addRanges(transcript.id(), merged);
            if (units == null) {
                addCharacters(tally, transcript.id(), codeId, merged);
            } else {
                addUnits(tally, transcript.id(), codeId, units, merged);
            }
            here.put(codeId, tally);
            totals.computeIfAbsent(codeId, key -> new CodeTally(coders)).add(tally);
        }
        added.add(new Added(transcript, count, byTranscript ? here : Map.of()));
    }

    /** Sweeps the coders' range boundaries: each stretch between two boundaries has one set of coders. */
    private void addCharacters(CodeTally tally, long transcriptId, long codeId, int[][] merged) {
        int n = 0;
        for (int[] ranges : merged) {
            n += ranges.length;
        }
        // position << 7 | starts << 6 | coder: sorted, the boundaries come in text order.
        long[] events = new long[n];
        n = 0;
        for (int coder = 0; coder < coders; coder++) {
            for (int i = 0; i < merged[coder].length; i++) {
                events[n++] = (long) merged[coder][i] << 7 | (i % 2 == 0 ? 64 : 0) | coder;
            }
        }
        Arrays.sort(events);
        long all = everyone();
        long mask = 0;
        int previous = 0;
        for (int i = 0; i < n; ) {
            int position = (int) (events[i] >>> 7);
            if (mask != 0 && position > previous) {
                tally.addUnits(mask, position - previous);
                if (mask != all) {
                    disagreements.add(new Disagreement(transcriptId, codeId, previous, position, mask));
                }
            }
            for (; i < n && (int) (events[i] >>> 7) == position; i++) {
                long bit = 1L << (events[i] & 63);
                mask = (events[i] & 64) != 0 ? mask | bit : mask & ~bit;
            }
            previous = position;
        }
        int pair = 0;
        for (int a = 0; a < coders; a++) {
            for (int b = a + 1; b < coders; b++) {
                long both = Intervals.intersectionLength(merged[a], merged[b]);
                tally.addPair(pair++, both, Intervals.length(merged[a]) - both, Intervals.length(merged[b]) - both);
            }
        }
    }

    private void addUnits(CodeTally tally, long transcriptId, long codeId, UnitSpans units, int[][] merged) {
        BitSet[] marked = new BitSet[coders];
        BitSet any = new BitSet(units.count());
        for (int coder = 0; coder < coders; coder++) {
            marked[coder] = mark(units, merged[coder]);
            any.or(marked[coder]);
        }
        long all = everyone();
        for (int i = any.nextSetBit(0); i >= 0; i = any.nextSetBit(i + 1)) {
            long mask = 0;
            for (int coder = 0; coder < coders; coder++) {
                if (marked[coder].get(i)) {
                    mask |= 1L << coder;
                }
            }
            tally.addUnits(mask, 1);
            if (mask != all) {
                disagreements.add(new Disagreement(transcriptId, codeId, units.start(i), units.end(i), mask));
            }
        }
        int pair = 0;
        for (int a = 0; a < coders; a++) {
            for (int b = a + 1; b < coders; b++) {
                BitSet both = (BitSet) marked[a].clone();
                both.and(marked[b]);
                int bothCount = both.cardinality();
                tally.addPair(pair++, bothCount, marked[a].cardinality() - bothCount,
                        marked[b].cardinality() - bothCount);
            }
        }
    }

    private long everyone() {
        return coders == 64 ? -1L : (1L << coders) - 1;
    }

    /** The units touched by any of the merged ranges. */
    private static BitSet mark(UnitSpans units, int[] ranges) {
        BitSet marked = new BitSet(units.count());
        for (int r = 0; r < ranges.length; r += 2) {
            for (int i = units.firstEndingAfter(ranges[r]); i < units.count() && units.start(i) < ranges[r + 1]; i++) {
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

    private static Set<Long> codes(List<Map<Long, List<CodedRange>>> byCoder) {
        Set<Long> all = new LinkedHashSet<>();
        byCoder.forEach(codes -> all.addAll(codes.keySet()));
        return all;
    }

    /**
     * The result for the codes at least one coder applied, in the order of {@code codebook} (codes missing from it
     * follow, named by id); overall pools those codes. {@code coderNames} name the coders in the order of the
     * codings added.
     */
    public AgreementResult result(List<String> coderNames, List<CodeRef> codebook) {
        if (coderNames.size() != coders) {
            throw new IllegalArgumentException(coderNames.size() + " names for " + coders + " coders");
        }
        List<Continuum.Transcript> transcripts = added.stream().map(Added::transcript).toList();
        Continuum continuum = new Continuum(transcripts);
        if (continuum.length() > UnitizingAlpha.MAX_LENGTH) {
            throw new InvalidInputException(String.format("Unitizing alpha works on at most %,d characters of "
                    + "transcripts; these have %,d.", UnitizingAlpha.MAX_LENGTH, continuum.length()));
        }
        Table all = table(totals, totalUnits, continuum, codebook);
        List<TranscriptAgreement> each = new ArrayList<>();
        if (byTranscript) {
            added.stream().sorted((x, y) -> Continuum.ORDER.compare(x.transcript(), y.transcript())).forEach(t -> {
                Table table = table(t.codes(), t.units(), new Continuum(List.of(t.transcript())), codebook);
                each.add(new TranscriptAgreement(t.transcript().id(), t.transcript().name(), t.units(),
                        table.codes(), table.overall()));
            });
        }
        return new AgreementResult(unit, coderNames, totalUnits, all.codes(), all.overall(), disagreements, each);
    }

    private record Table(List<CodeAgreement> codes, AgreementFigures overall) {
    }

    private Table table(Map<Long, CodeTally> tallies, long units, Continuum continuum, List<CodeRef> codebook) {
        List<CodeAgreement> rows = new ArrayList<>();
        List<UnitizingAlpha.Category> unitizing = new ArrayList<>();
        for (CodeRef code : listed(tallies.keySet(), codebook)) {
            UnitizingAlpha.Category category = tallies.get(code.id()).unitizing(continuum);
            if (category != null) {
                unitizing.add(category);
            }
            rows.add(new CodeAgreement(code.id(), code.path(), tallies.get(code.id()).figures(units,
                    category == null ? null : category.alpha())));
        }
        AgreementFigures overall = AgreementFigures.pooled(coders, rows.stream().map(CodeAgreement::figures)
                .toList(), UnitizingAlpha.overall(unitizing));
        return new Table(rows, overall);
    }

    /** The codes with tallies in codebook order, then any others by id. */
    private static List<CodeRef> listed(Set<Long> ids, List<CodeRef> codebook) {
        Map<Long, CodeRef> listed = new LinkedHashMap<>();
        for (CodeRef code : codebook) {
            if (ids.contains(code.id())) {
                listed.putIfAbsent(code.id(), code);
            }
        }
        ids.stream().sorted().filter(id -> !listed.containsKey(id))
                .forEach(id -> listed.put(id, new CodeRef(id, "(code " + id + ")")));
        return List.copyOf(listed.values());
    }
}
