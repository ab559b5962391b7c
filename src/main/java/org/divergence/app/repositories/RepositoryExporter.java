package org.divergence.app.repositories;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.CanonicalColumns;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.RepositorySql;

/**
 * Writes the canonical sample back out, as CSV or JSON Lines (chosen by the file's extension), for R, pandas and
 * replication packages. Extra columns follow the canonical ones (sorted by name), so importing an export into a new
 * project gives the same rows. The file is written under a temporary name and moved into place when complete.
 */
public final class RepositoryExporter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RepositoryExporter() {
    }

    /** Returns how many repositories were written. */
    public static long export(Project project, Path out, RepositoryFilter filter, Progress progress) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".jsonl") && !name.endsWith(".ndjson")) {
            throw new InvalidInputException(out + ": choose a .csv or .jsonl file to export to");
        }
        Path temporary = out.resolveSibling(out.getFileName() + ".partial");
        try {
            if (out.getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            long written = project.read(connection -> {
                RepositorySql where = RepositorySql.where(filter);
                List<String> extraColumns = extraColumns(connection, where);
                long total = count(connection, where);
                try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    return csv ? writeCsv(connection, where, extraColumns, writer, total, progress)
                            : writeJsonLines(connection, where, writer, total, progress);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(temporary);
            throw new InvalidInputException(out + ": cannot be written (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    private static List<String> extraColumns(Connection connection, RepositorySql where) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT j.key FROM repository,"
                + " json_each(repository.extra) j WHERE repository.extra IS NOT NULL AND " + where.condition()
                + " ORDER BY j.key")) {
            where.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static long count(Connection connection, RepositorySql where) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM repository WHERE " + where.condition())) {
            where.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static PreparedStatement rows(Connection connection, RepositorySql where) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT " + RepositorySql.CANONICAL_SELECT
                + ", extra FROM repository WHERE " + where.condition() + " ORDER BY platform, full_name");
        where.bind(statement, 1);
        statement.setFetchSize(1000);
        return statement;
    }

    private static long writeCsv(Connection connection, RepositorySql where, List<String> extraColumns,
                                 Writer writer, long total, Progress progress) throws SQLException, IOException {
        int canonical = CanonicalColumns.ALL.size();
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(new BufferedWriter(writer));
        List<String> header = new ArrayList<>(CanonicalColumns.ALL);
        header.addAll(extraColumns);
        csv.writeRecord(header);
        long written = 0;
        String[] record = new String[canonical + extraColumns.size()];
        try (PreparedStatement statement = rows(connection, where); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                for (int i = 0; i < canonical; i++) {
                    String value = rs.getString(i + 1);
                    record[i] = value == null ? "" : value;
                }
                java.util.Arrays.fill(record, canonical, record.length, "");
                String extra = rs.getString(canonical + 1);
                if (extra != null) {
                    JsonNode object = JSON.readTree(extra);
                    for (int i = 0; i < extraColumns.size(); i++) {
                        JsonNode value = object.get(extraColumns.get(i));
                        if (value != null && !value.isNull()) {
                            record[canonical + i] = value.isValueNode() ? value.asText() : value.toString();
                        }
                    }
                }
                csv.writeRecord(record);
                tick(++written, total, progress);
            }
        }
        csv.flush();
        return written;
    }

    private static long writeJsonLines(Connection connection, RepositorySql where, Writer writer, long total,
                                       Progress progress) throws SQLException, IOException {
        long written = 0;
        try (PreparedStatement statement = rows(connection, where); ResultSet rs = statement.executeQuery();
             JsonGenerator json = JSON.getFactory().createGenerator(writer)) {
            json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            List<String> columns = CanonicalColumns.ALL;
            while (rs.next()) {
                ObjectNode row = JSON.createObjectNode();
                for (int i = 0; i < columns.size(); i++) {
                    Object value = rs.getObject(i + 1);
                    if (value == null) {
                        row.putNull(columns.get(i));
                    } else if (i < 4) {
                        row.put(columns.get(i), value.toString());
                    } else {
                        row.put(columns.get(i), ((Number) value).longValue());
                    }
                }
                String extra = rs.getString(columns.size() + 1);
                if (extra != null) {
                    Iterator<Map.Entry<String, JsonNode>> fields = JSON.readTree(extra).fields();
                    while (fields.hasNext()) {
                        Map.Entry<String, JsonNode> field = fields.next();
                        row.set(field.getKey(), field.getValue());
                    }
                }
                JSON.writeTree(json, row);
                tick(++written, total, progress);
            }
            json.writeRaw('\n');
        }
        return written;
    }

    private static void tick(long written, long total, Progress progress) {
        if (written % 16384 == 0) {
            progress.checkCancelled();
            progress.update(written, total, String.format("%,d of %,d written", written, total));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Nothing more to clean up.
        }
    }
}
