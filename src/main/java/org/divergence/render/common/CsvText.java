package org.divergence.render.common;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * CSV text for the clipboard and small files (a comparison table, the joint display): RFC 4180 quoting by FastCSV,
 * the app's one CSV writer, with LF line ends. A field is quoted only when it holds a comma, a quote or a line break.
 */
public final class CsvText {

    private CsvText() {
    }

    /** The rows (the first is usually the header) as CSV text, each line ended by LF. */
    public static String of(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out)) {
            rows.forEach(csv::writeRecord);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
