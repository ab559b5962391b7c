package org.divergence.samples;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.divergence.core.evidence.FindingRef;
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
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO evidence_link (coding_id, "
                        + "code_id, target_kind, target_key, note, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setObject(1, segment ? id : null);
                    insert.setObject(2, segment ? null : id);
                    insert.setString(3, target.kind().code());
                    insert.setString(4, target.key());
                    insert.setString(5, row.getField("note"));
                    insert.setString(6, base.plusSeconds(60L * n++).toString());
                    insert.executeUpdate();
                }
            }
            for (NamedCsvRecord row : interpretations) {
                FindingRef target = FindingRef.parse(row.getField("target"));
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO interpretation (target_kind, "
                        + "target_key, text, modified_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, target.kind().code());
                    insert.setString(2, target.key());
                    insert.setString(3, row.getField("text"));
                    insert.setString(4, base.plusSeconds(60L * n++).toString());
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The sample coding of this file, coder and code whose text is the quote. */
    private static long codingId(Connection connection, NamedCsvRecord row) throws SQLException {
        String quote = row.getField("quote");
        try (PreparedStatement query = connection.prepareStatement("SELECT g.id, g.start_cp, g.end_cp, t.content "
                + "FROM coding g JOIN transcript t ON t.id = g.transcript_id JOIN coder c ON c.id = g.coder_id "
                + "JOIN code k ON k.id = g.code_id WHERE t.source_file = ? AND c.name = ? AND k.name = ? "
                + "ORDER BY g.id")) {
            query.setString(1, row.getField("file"));
            query.setString(2, row.getField("coder"));
            query.setString(3, row.getField("code"));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String text = rs.getString(4);
                    int at = text.indexOf(quote);
                    if (at >= 0) {
                        int start = text.codePointCount(0, at);
                        if (rs.getInt(2) == start && rs.getInt(3) == start + quote.codePointCount(0, quote.length())) {
                            return rs.getLong(1);
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("Sample evidence names a coding that does not exist: " + row);
    }

    private static long codeId(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM code WHERE name = ? ORDER BY id")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        throw new IllegalStateException("Sample evidence names an unknown code: " + name);
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
