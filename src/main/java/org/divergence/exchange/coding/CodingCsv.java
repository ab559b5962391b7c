package org.divergence.exchange.coding;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.coding.CodingAnalysis;

/**
 * The spreadsheet exports of coding work (RFC 4180, UTF-8, CRLF): one row per coded segment, and the case × code
 * matrix. The report feature reuses both.
 */
public final class CodingCsv {

    public static final List<String> SEGMENT_COLUMNS_BEFORE_ATTRIBUTES = List.of("source", "case");
    public static final List<String> SEGMENT_COLUMNS_AFTER_ATTRIBUTES =
            List.of("code", "coder", "start", "end", "text");

    private CodingCsv() {
    }

    /**
     * Columns: source, case, one column per case attribute (in the order given), code (its path), coder, start and
     * end (code points, end exclusive), text.
     */
    public static void writeSegments(Writer out, List<CodedSegment> segments, List<String> attributeNames)
            throws IOException {
        List<String> attributeColumns = new ArrayList<>();
        Set<String> fixed = new LinkedHashSet<>(SEGMENT_COLUMNS_BEFORE_ATTRIBUTES);
        fixed.addAll(SEGMENT_COLUMNS_AFTER_ATTRIBUTES);
        for (String name : attributeNames) {
            attributeColumns.add(fixed.contains(name) ? "attribute:" + name : name);
        }
        try (CsvWriter csv = writer(out)) {
            List<String> header = new ArrayList<>(SEGMENT_COLUMNS_BEFORE_ATTRIBUTES);
            header.addAll(attributeColumns);
            header.addAll(SEGMENT_COLUMNS_AFTER_ATTRIBUTES);
            csv.writeRecord(header);
            for (CodedSegment segment : segments) {
                List<String> row = new ArrayList<>();
                row.add(segment.transcript());
                row.add(nullToEmpty(segment.caseName()));
                for (String name : attributeNames) {
                    row.add(nullToEmpty(segment.caseAttributes().get(name)));
                }
                row.add(segment.codePath());
                row.add(segment.coder());
                row.add(Integer.toString(segment.start()));
                row.add(Integer.toString(segment.end()));
                row.add(segment.text());
                csv.writeRecord(row);
            }
        }
    }

    /** Columns: case, then one column per code path; cells count coded segments. */
    public static void writeMatrix(Writer out, CodingAnalysis.Table matrix) throws IOException {
        try (CsvWriter csv = writer(out)) {
            List<String> header = new ArrayList<>();
            header.add("case");
            header.addAll(matrix.columns());
            csv.writeRecord(header);
            for (int r = 0; r < matrix.rows().size(); r++) {
                List<String> row = new ArrayList<>();
                row.add(matrix.rows().get(r));
                for (int c = 0; c < matrix.columns().size(); c++) {
                    row.add(Long.toString(matrix.count(r, c)));
                }
                csv.writeRecord(row);
            }
        }
    }

    /** Columns: code, then one column per code (the same order); cells count overlapping codings, the diagonal codings. */
    public static void writeCooccurrence(Writer out, List<String> codePaths, long[][] counts) throws IOException {
        try (CsvWriter csv = writer(out)) {
            List<String> header = new ArrayList<>();
            header.add("code");
            header.addAll(codePaths);
            csv.writeRecord(header);
            for (int i = 0; i < codePaths.size(); i++) {
                List<String> row = new ArrayList<>();
                row.add(codePaths.get(i));
                for (long count : counts[i]) {
                    row.add(Long.toString(count));
                }
                csv.writeRecord(row);
            }
        }
    }

    private static CsvWriter writer(Writer out) {
        return CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(new NonClosingWriter(out));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The caller owns the writer; closing the CSV writer only flushes it. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
