package org.divergence.exchange.repositories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.RepositoryRow;

/**
 * The first rows of a file as the importer would read them, and the detected format, so the user can check a file
 * before importing it. A problem in those first rows is reported, not thrown.
 */
public record ImportPreview(Path file, ImportFormat format, long sizeBytes, List<RepositoryRow> rows,
                            boolean moreRows, String problem) {

    /** Reading stops early once enough rows are in. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    public static ImportPreview of(Path file, ImportOptions options, int maxRows) {
        ImportFormat format;
        long size;
        try {
            format = ImportFormat.detect(file);
            size = Files.size(file);
        } catch (InvalidInputException e) {
            return new ImportPreview(file, null, 0, List.of(), false, e.getMessage());
        } catch (IOException e) {
            return new ImportPreview(file, null, 0, List.of(), false, file + ": cannot be read (" + e.getMessage() + ")");
        }
        List<RepositoryRow> rows = new ArrayList<>();
        String problem = null;
        boolean more = false;
        try {
            CountingInput input = CountingInput.open(file);
            try {
                format.source(options.huggingFaceType()).read(input, new RowSink() {
                    @Override
                    public void accept(RepositoryRow row, SourceLocation location) {
                        if (rows.size() == maxRows) {
                            throw new Enough();
                        }
                        rows.add(row);
                    }

                    @Override
                    public void reject(SourceLocation location, String reason, List<String> raw) {
                        // Previews read with skipping off: the first problem is what the user sees.
                    }
                }, false, Progress.NONE);
            } finally {
                input.closeFile();
            }
        } catch (Enough enough) {
            more = true;
        } catch (InvalidInputException e) {
            problem = e.getMessage();
        } catch (IOException e) {
            problem = file + ": cannot be read (" + e.getMessage() + ")";
        }
        return new ImportPreview(file, format, size, List.copyOf(rows), more, problem);
    }
}
