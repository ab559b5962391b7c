package org.divergence.exchange.repositories;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * With --skip-invalid, the rows an import left out, each with where it stood and why: a CSV side file beside the
 * input ({@code INPUT.rejected.csv}), created only when a row is rejected.
 */
public final class RejectedRows implements AutoCloseable {

    private final Path file;
    private CsvWriter writer;
    private long count;

    public RejectedRows(Path input) {
        this.file = input.resolveSibling(input.getFileName() + ".rejected.csv");
    }

    public void add(SourceLocation location, String reason, List<String> raw) {
        try {
            if (writer == null) {
                writer = CsvWriter.builder().build(file);
                writer.writeRecord("place", "reason", "row");
            }
            List<String> record = new ArrayList<>();
            record.add(location.toString());
            record.add(reason);
            record.addAll(raw);
            writer.writeRecord(record);
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the rejected rows to " + file, e);
        }
    }

    public long count() {
        return count;
    }

    /** The side file, when at least one row was rejected. */
    public Path file() {
        return count == 0 ? null : file;
    }

    /** Removes the side file of an import that did not complete. */
    public void discard() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover side file is harmless and says what it is.
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                writer = null;
            }
        }
    }
}
