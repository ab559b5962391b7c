package org.divergence.core.coding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodingAnalysisTest {

    private static Coding coding(long transcript, long code, int start, int end) {
        return new Coding(0, "g", transcript, code, 1, start, end, "t");
    }

    @Test
    void countsOverlappingPairsPerTranscript() {
        List<Coding> codings = List.of(coding(1, 10, 0, 10), coding(1, 20, 5, 15), coding(1, 20, 10, 12),
                coding(2, 20, 0, 3), coding(2, 30, 3, 9), coding(2, 10, 2, 4));
        long[][] matrix = CodingAnalysis.cooccurrence(codings, List.of(10L, 20L, 30L));
        assertArrayEquals(new long[] {2, 2, 1}, matrix[0]);
        assertArrayEquals(new long[] {2, 3, 0}, matrix[1]);
        assertArrayEquals(new long[] {1, 0, 1}, matrix[2]);
    }

    @Test
    void frequenciesByAttributeAndCaseByCode() {
        CodedSegment a = segment("P1", Map.of("role", "fine-tuner"), "F/A");
        CodedSegment b = segment("P1", Map.of("role", "fine-tuner"), "F/A");
        CodedSegment c = segment("P2", Map.of("role", "maintainer"), "F/B");
        CodedSegment d = segment("P3", Map.of(), "F/A");
        CodingAnalysis.Table table = CodingAnalysis.frequenciesByAttribute(List.of(a, b, c, d), "role",
                List.of("F/A", "F/B"));
        assertEquals(List.of("(no value)", "fine-tuner", "maintainer"), table.rows());
        assertArrayEquals(new long[] {2, 0}, table.counts()[1]);
        assertArrayEquals(new long[] {1, 0}, table.cases()[1]);
        CodingAnalysis.Table matrix = CodingAnalysis.caseByCode(List.of(a, b, c, d), List.of("F/A", "F/B"));
        assertEquals(List.of("P1", "P2", "P3"), matrix.rows());
        assertArrayEquals(new long[] {2, 0}, matrix.counts()[0]);
        assertArrayEquals(new long[] {0, 1}, matrix.counts()[1]);
    }

    @Test
    void searchFindsCaseInsensitiveHitsInCodePoints() {
        List<TextSearch.Hit> hits = TextSearch.findAll("😀 Fork, fork; forks", "fork", true);
        assertEquals(List.of(new TextSearch.Hit(2, 6), new TextSearch.Hit(8, 12)), hits);
        assertEquals(3, TextSearch.findAll("😀 Fork, fork; forks", "fork", false).size());
    }

    private static CodedSegment segment(String caseName, Map<String, String> attributes, String path) {
        return new CodedSegment(1, "g", 1, "t", caseName, attributes, 1, path, "Ana", 0, 1, "x", "t");
    }
}
