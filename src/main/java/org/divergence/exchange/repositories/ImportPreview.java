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
 * before importing it. A problem in those first rows is reported, not thrown: {@code problem} is the first one, and
 * {@code fileProblem} says whether it stops the file as a whole (format, encoding, header) or only its row, which
 * "skip invalid rows" sets aside. {@code header} is a CSV file's column names (empty for other formats).
 */
public record ImportPreview(Path file, ImportFormat format, long sizeBytes, List<RepositoryRow> rows,
                            boolean moreRows, String problem, boolean fileProblem, List<String> header) {

    /** Whether the file can be imported as it is, with or without skipping invalid rows. */
    public boolean importable(boolean skipInvalid) {
        return problem == null || !fileProblem && skipInvalid;
    }

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
            return new ImportPreview(file, null, 0, List.of(), false, e.getMessage(), true, List.of());
        } catch (IOException e) {
            return new ImportPreview(file, null, 0, List.of(), false, file + ": cannot be read (" + e.getMessage()
                    + ")", true, List.of());
        }
        List<String> header = format == ImportFormat.CSV ? CsvRowSource.header(file) : List.of();
        List<RepositoryRow> rows = new ArrayList<>();
        List<String> rowProblems = new ArrayList<>();
        String problem = null;
        boolean more = false;
        try {
            CountingInput input = CountingInput.open(file);
            try {
                format.source(options).read(input, new RowSink() {
                    @Override
                    public void accept(RepositoryRow row, SourceLocation location) {
                        if (rows.size() == maxRows) {
                            throw new Enough();
                        }
                        rows.add(row);
                    }

                    @Override
                    public void reject(SourceLocation location, String reason, List<String> raw) {
                        // Read with skipping on, so a bad row is told apart from a bad file; the first is shown.
                        rowProblems.add(location + ": " + reason);
                        if (rows.size() + rowProblems.size() > maxRows) {
                            throw new Enough();
                        }
                    }
                }, true, Progress.NONE);
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
        boolean fileProblem = problem != null;
        if (problem == null && !rowProblems.isEmpty()) {
            problem = rowProblems.getFirst();
        }
        return new ImportPreview(file, format, size, List.copyOf(rows), more, problem, fileProblem, header);
    }
}
