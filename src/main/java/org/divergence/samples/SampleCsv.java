package org.divergence.samples;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.divergence.core.repositories.CanonicalColumns;
import org.divergence.core.repositories.CountColumn;

/** Writes a synthetic, calibrated repository sample as canonical CSV (see sample-datasets/README.md). */
public final class SampleCsv {

    /** The extra columns the bundled sample carries, to show how extra columns are kept and filtered on. */
    public static final List<String> EXTRA_COLUMNS = List.of("language", "license", "pipeline_tag");

    private SampleCsv() {
    }

    public static void write(Path out, long seed, int github, int huggingFace, boolean withExtraColumns) {
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(writer)) {
            List<String> header = new ArrayList<>(CanonicalColumns.ALL);
            if (withExtraColumns) {
                header.addAll(EXTRA_COLUMNS);
            }
            csv.writeRecord(header);
            String[] record = new String[header.size()];
            CountColumn[] counts = CountColumn.values();
            new SyntheticRepositories(seed, withExtraColumns).generate(github, huggingFace, row -> {
                record[0] = row.platform().code();
                record[1] = row.type().code();
                record[2] = row.fullName();
                record[3] = row.createdAt() == null ? "" : row.createdAt();
                for (int i = 0; i < counts.length; i++) {
                    long value = row.count(counts[i]);
                    record[4 + i] = value < 0 ? "" : Long.toString(value);
                }
                for (int i = 0; withExtraColumns && i < EXTRA_COLUMNS.size(); i++) {
                    Object value = row.extra().get(EXTRA_COLUMNS.get(i));
                    record[4 + counts.length + i] = value == null ? "" : value.toString();
                }
                csv.writeRecord(record);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + out, e);
        }
    }
}
