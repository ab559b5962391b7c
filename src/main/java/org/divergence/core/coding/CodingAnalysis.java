package org.divergence.core.coding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Counts over coded segments: code frequencies by case attribute, code co-occurrence, the case × code matrix. */
public final class CodingAnalysis {

    /** Label used for cases that have no value for the attribute, and segments of transcripts without a case. */
    public static final String NO_VALUE = "(no value)";

    private CodingAnalysis() {
    }

    /**
     * A table of counts: {@code rows} × {@code columns}. For frequencies the rows are attribute values and the
     * columns code paths; {@code counts} are coded segments and {@code cases} the distinct cases with the code.
     */
    public record Table(List<String> rows, List<String> columns, long[][] counts, long[][] cases) {
        public long count(int row, int column) {
            return counts[row][column];
        }
    }

    /** Coded segments per value of {@code attribute} (rows) and code (columns, in the order given). */
    public static Table frequenciesByAttribute(List<CodedSegment> segments, String attribute, List<String> codePaths) {
        TreeSet<String> values = new TreeSet<>(Comparator.nullsLast(Comparator.<String>naturalOrder()));
        for (CodedSegment segment : segments) {
            values.add(valueOf(segment, attribute));
        }
        List<String> rows = new ArrayList<>(values);
        Map<String, Integer> rowIndex = indexOf(rows);
        Map<String, Integer> columnIndex = indexOf(codePaths);
        long[][] counts = new long[rows.size()][codePaths.size()];
        List<List<Set<String>>> caseSets = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Set<String>> row = new ArrayList<>();
            for (int c = 0; c < codePaths.size(); c++) {
                row.add(new HashSet<>());
            }
            caseSets.add(row);
        }
        for (CodedSegment segment : segments) {
            Integer column = columnIndex.get(segment.codePath());
            if (column == null) {
                continue;
            }
            int row = rowIndex.get(valueOf(segment, attribute));
            counts[row][column]++;
            caseSets.get(row).get(column).add(segment.caseName() == null ? "" : segment.caseName());
        }
        long[][] cases = new long[rows.size()][codePaths.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < codePaths.size(); c++) {
                cases[r][c] = caseSets.get(r).get(c).size();
            }
        }
        return new Table(rows, List.copyOf(codePaths), counts, cases);
    }

    private static String valueOf(CodedSegment segment, String attribute) {
        String value = attribute == null ? null : segment.caseAttributes().get(attribute);
        return value == null || value.isBlank() ? NO_VALUE : value;
    }

    /** Cases (rows, sorted by name) × codes (columns, in the order given): the number of coded segments. */
    public static Table caseByCode(List<CodedSegment> segments, List<String> codePaths) {
        TreeSet<String> names = new TreeSet<>();
        segments.forEach(segment -> names.add(segment.caseName() == null ? NO_VALUE : segment.caseName()));
        List<String> rows = new ArrayList<>(names);
        Map<String, Integer> rowIndex = indexOf(rows);
        Map<String, Integer> columnIndex = indexOf(codePaths);
        long[][] counts = new long[rows.size()][codePaths.size()];
        long[][] present = new long[rows.size()][codePaths.size()];
        for (CodedSegment segment : segments) {
            Integer column = columnIndex.get(segment.codePath());
            if (column != null) {
                int row = rowIndex.get(segment.caseName() == null ? NO_VALUE : segment.caseName());
                counts[row][column]++;
                present[row][column] = 1;
            }
        }
        return new Table(rows, List.copyOf(codePaths), counts, present);
    }

    /**
     * Code co-occurrence: cell (i, j), i ≠ j, counts the pairs of a coding with code i and a coding with code j in the
     * same transcript that overlap by at least one code point; the diagonal counts the codings of each code.
     */
    public static long[][] cooccurrence(List<Coding> codings, List<Long> codeIds) {
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < codeIds.size(); i++) {
            index.put(codeIds.get(i), i);
        }
        long[][] matrix = new long[codeIds.size()][codeIds.size()];
        Map<Long, List<Coding>> byTranscript = new LinkedHashMap<>();
        for (Coding coding : codings) {
            if (index.containsKey(coding.codeId())) {
                byTranscript.computeIfAbsent(coding.transcriptId(), key -> new ArrayList<>()).add(coding);
            }
        }
        for (List<Coding> list : byTranscript.values()) {
            list.sort(Comparator.comparingInt(Coding::start));
            for (int a = 0; a < list.size(); a++) {
                Coding first = list.get(a);
                int i = index.get(first.codeId());
                matrix[i][i]++;
                for (int b = a + 1; b < list.size() && list.get(b).start() < first.end(); b++) {
                    Coding second = list.get(b);
                    int j = index.get(second.codeId());
                    if (i != j) {
                        matrix[i][j]++;
                        matrix[j][i]++;
                    }
                }
            }
        }
        return matrix;
    }

    private static Map<String, Integer> indexOf(List<String> values) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            index.putIfAbsent(values.get(i), i);
        }
        return index;
    }
}
