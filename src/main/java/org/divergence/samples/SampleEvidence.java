package org.divergence.samples;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.divergence.core.evidence.FindingRef;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.evidence.EvidenceStore;
import org.divergence.store.evidence.InterpretationStore;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;

/**
 * Puts the sample project's evidence links and joint display interpretations in place
 * ({@code sample-datasets/interviews/evidence.csv} and {@code interpretations.csv}), so a newcomer's joint display is
 * filled in. Times are fixed, like the sample codings', so the sample project and reports on it are reproducible.
 */
public final class SampleEvidence {

    static final String FIXED_TIME_BASE = "2026-01-16T09:00:00Z";

    private SampleEvidence() {
    }

    public static void populate(Project project) {
        List<NamedCsvRecord> links = readCsv("evidence.csv");
        List<NamedCsvRecord> interpretations = readCsv("interpretations.csv");
        project.write(EnumSet.of(DataArea.EVIDENCE), connection -> {
            Instant base = Instant.parse(FIXED_TIME_BASE);
            int n = 0;
            for (NamedCsvRecord row : links) {
                FindingRef target = FindingRef.parse(row.getField("target"));
                boolean segment = !row.getField("quote").isEmpty();
                long id = segment ? codingId(connection, row) : codeId(connection, row.getField("code"));
                EvidenceStore.insertFixed(connection, segment ? id : null, segment ? null : id, target,
                        row.getField("note"), base.plusSeconds(60L * n++).toString());
            }
            for (NamedCsvRecord row : interpretations) {
                FindingRef target = FindingRef.parse(row.getField("target"));
                InterpretationStore.insertFixed(connection, target, row.getField("text"),
                        base.plusSeconds(60L * n++).toString());
            }
            return null;
        });
    }

    /** The sample coding of this file, coder and code whose text is the quote. */
    private static long codingId(Connection connection, NamedCsvRecord row) throws SQLException {
        String quote = row.getField("quote");
        List<long[]> codings = CodingStore.codingsByNames(connection, row.getField("file"), row.getField("coder"),
                row.getField("code"));
        for (long[] coding : codings) {
            String text = TranscriptStore.text(connection, coding[3]);
            int at = text.indexOf(quote);
            if (at >= 0) {
                int start = text.codePointCount(0, at);
                if (coding[1] == start && coding[2] == start + quote.codePointCount(0, quote.length())) {
                    return coding[0];
                }
            }
        }
        throw new IllegalStateException("Sample evidence names a coding that does not exist: " + row);
    }

    private static long codeId(Connection connection, String name) throws SQLException {
        return CodebookStore.codeIdByName(connection, name)
                .orElseThrow(() -> new IllegalStateException("Sample evidence names an unknown code: " + name));
    }

    private static List<NamedCsvRecord> readCsv(String name) {
        try (InputStream in = SampleEvidence.class.getResourceAsStream(SampleInterviews.RESOURCE_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled sample file " + SampleInterviews.RESOURCE_FOLDER
                        + name);
            }
            try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                return reader.stream().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
