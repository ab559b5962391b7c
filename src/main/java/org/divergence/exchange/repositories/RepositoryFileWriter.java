package org.divergence.exchange.repositories;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.divergence.core.repositories.CanonicalColumns;

/**
 * Writes repositories in the canonical columns, as CSV or JSON Lines (chosen by the file's extension), for R, pandas
 * and replication packages. Extra columns follow the canonical ones (sorted by name), so importing the file into a
 * new project gives the same rows. The file is written under a temporary name and moved into place by
 * {@link #commit()}; closing without committing leaves no file behind.
 */
public final class RepositoryFileWriter implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CANONICAL = CanonicalColumns.ALL.size();

    private final Path out;
    private final Path temporary;
    private final Writer writer;
    private final List<String> extraColumns;
    private final CsvWriter csv;
    private final JsonGenerator json;
    private final String[] record;
    private boolean committed;

    /** True for the extensions this writer knows: .csv, .jsonl, .ndjson. */
    public static boolean supports(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    /** Starts the file (CSV: with its header); {@code extraColumns} are the extra columns a CSV gets, in order. */
    public RepositoryFileWriter(Path out, List<String> extraColumns) throws IOException {
        this.out = out;
        this.temporary = out.resolveSibling(out.getFileName() + ".partial");
        this.extraColumns = List.copyOf(extraColumns);
        if (out.getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        this.writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
        if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(new BufferedWriter(writer));
            this.json = null;
            List<String> header = new ArrayList<>(CanonicalColumns.ALL);
            header.addAll(this.extraColumns);
            csv.writeRecord(header);
        } else {
            this.csv = null;
            this.json = JSON.getFactory().createGenerator(writer);
            json.setRootValueSeparator(new SerializedString("\n"));
        }
        this.record = new String[CANONICAL + this.extraColumns.size()];
    }

    /** One repository: its canonical values (null when unknown) and its extra columns as a JSON object, or null. */
    public void write(Object[] canonical, String extraJson) throws IOException {
        if (csv != null) {
            writeCsv(canonical, extraJson);
        } else {
            writeJson(canonical, extraJson);
        }
    }

    private void writeCsv(Object[] canonical, String extraJson) throws IOException {
        for (int i = 0; i < CANONICAL; i++) {
            record[i] = canonical[i] == null ? "" : canonical[i].toString();
        }
        Arrays.fill(record, CANONICAL, record.length, "");
        if (extraJson != null) {
            JsonNode object = JSON.readTree(extraJson);
            for (int i = 0; i < extraColumns.size(); i++) {
                JsonNode value = object.get(extraColumns.get(i));
                if (value != null && !value.isNull()) {
                    record[CANONICAL + i] = value.isValueNode() ? value.asText() : value.toString();
                }
            }
        }
        csv.writeRecord(record);
    }

    private void writeJson(Object[] canonical, String extraJson) throws IOException {
        List<String> columns = CanonicalColumns.ALL;
        ObjectNode row = JSON.createObjectNode();
        for (int i = 0; i < columns.size(); i++) {
            Object value = canonical[i];
            if (value == null) {
                row.putNull(columns.get(i));
            } else if (i < 4) {
                row.put(columns.get(i), value.toString());
            } else {
                row.put(columns.get(i), ((Number) value).longValue());
            }
        }
        if (extraJson != null) {
            Iterator<Map.Entry<String, JsonNode>> fields = JSON.readTree(extraJson).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                row.set(field.getKey(), field.getValue());
            }
        }
        JSON.writeTree(json, row);
    }

    /** Finishes the file and moves it into place. */
    public void commit() throws IOException {
        if (csv != null) {
            csv.flush();
        } else {
            json.writeRaw('\n');
            json.close();
        }
        writer.close();
        Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    /** Removes the unfinished file unless it was committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            writer.close();
        } catch (IOException ignored) {
            // The file is deleted below.
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // Nothing more to clean up.
        }
    }
}
