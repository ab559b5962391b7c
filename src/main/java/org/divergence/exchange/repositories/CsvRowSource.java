package org.divergence.exchange.repositories;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.CanonicalColumns;
import org.divergence.core.repositories.CanonicalValues;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.core.repositories.RowProblem;

/**
 * The canonical sample as CSV (RFC 4180, UTF-8 with or without BOM, CRLF or LF), parsed by FastCSV. Columns named
 * differently are read through the import's {@link ColumnMappings}.
 */
final class CsvRowSource implements RowSource {

    private final ColumnMappings mappings;

    CsvRowSource(ColumnMappings mappings) {
        this.mappings = mappings;
    }

    /** Bounds memory on a pathological line (e.g. 100 MB without a newline): the read fails instead. */
    private static final int MAX_RECORD_CHARS = 4 * 1024 * 1024;
    private static final int PROGRESS_EVERY = 1 << 14;
    /** Where a column the mapping says the file lacks would be: its cells read as empty. */
    private static final int ABSENT_COLUMN = -1;
    private static final java.util.regex.Pattern RECORD_START = java.util.regex.Pattern.compile("started in line (\\d+)");

    @Override
    public void read(CountingInput input, RowSink sink, boolean skipInvalid, Progress progress) {
        CsvReader<CsvRecord> reader = reader(input);
        String fileName = input.file().getFileName().toString();
        long lastLine = 1;
        try (reader) {
            Header header = null;
            long rows = 0;
            for (CsvRecord record : reader) {
                lastLine = record.getStartingLineNumber();
                if (header == null) {
                    header = Header.of(record, fileName, mappings);
                    continue;
                }
                SourceLocation location = SourceLocation.line(input.file(), lastLine);
                try {
                    if (record.getFieldCount() != header.width()) {
                        throw new RowProblem(null, "has " + record.getFieldCount() + " fields, but the header has "
                                + header.width());
                    }
                    sink.accept(header.parse(record), location);
                } catch (RowProblem problem) {
                    if (!skipInvalid) {
                        throw new InvalidInputException(location + ": " + problem.describe());
                    }
                    sink.reject(location, problem.describe(), record.getFields());
                }
                if (++rows % PROGRESS_EVERY == 0) {
                    progress.checkCancelled();
                    progress.update(input.position(), input.size(), String.format("%,d rows read", rows));
                }
            }
        } catch (UncheckedIOException e) {
            throw asInvalidInput(e.getCause(), fileName, lastLine);
        } catch (CsvParseException e) {
            String detail = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            java.util.regex.Matcher started = RECORD_START.matcher(String.valueOf(e.getMessage()));
            long line = started.find() ? Long.parseLong(started.group(1)) : lastLine;
            if (detail != null && detail.contains("maximum buffer size")) {
                throw new InvalidInputException(fileName + ":" + line + ": a record is longer than "
                        + MAX_RECORD_CHARS / (1024 * 1024) + " MiB; is this really the canonical CSV?", e);
            }
            throw new InvalidInputException(fileName + ":" + line + ": malformed CSV: " + detail, e);
        } catch (IOException e) {
            throw asInvalidInput(e, fileName, lastLine);
        }
    }

    private static CsvReader<CsvRecord> reader(CountingInput input) {
        return CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(false)
                .skipEmptyLines(true)
                .maxBufferSize(MAX_RECORD_CHARS)
                .ofCsvRecord(new CheckedCsvText(input, input.file()));
    }

    /** The column names of a CSV file's first row, stripped; empty when it has none or cannot be read. */
    static List<String> header(java.nio.file.Path file) {
        try {
            CountingInput input = CountingInput.open(file);
            try (CsvReader<CsvRecord> reader = reader(input)) {
                for (CsvRecord record : reader) {
                    return record.getFields().stream().map(String::strip).toList();
                }
            } finally {
                input.closeFile();
            }
        } catch (IOException | RuntimeException e) {
            // The preview's own read reports what is wrong with the file.
        }
        return List.of();
    }

    private static InvalidInputException asInvalidInput(Throwable cause, String fileName, long line) {
        if (cause instanceof CheckedCsvText.Problem problem) {
            return new InvalidInputException(problem.getMessage(), problem);
        }
        String message = cause == null ? "read error" : cause.getMessage();
        if (message != null && message.contains("maximum buffer size")) {
            return new InvalidInputException(fileName + ":" + line + ": a record is longer than "
                    + MAX_RECORD_CHARS / (1024 * 1024) + " MiB; is this really the canonical CSV?", cause);
        }
        return new InvalidInputException(fileName + ": cannot be read (" + message + ")", cause);
    }

    /** Which field holds which column; the canonical columns may come in any order, extra columns are kept. */
    private record Header(int width, int platform, int repoType, int fullName, int createdAt, int[] counts,
                          List<String> extraNames, int[] extraIndexes) {

        static Header of(CsvRecord record, String fileName, ColumnMappings mappings) {
            Map<String, Integer> positions = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < record.getFieldCount(); i++) {
                String name = record.getField(i).strip();
                if (name.isEmpty()) {
                    throw new InvalidInputException(fileName + ":1: header: column " + (i + 1) + " has no name");
                }
                if (positions.putIfAbsent(name, i) != null) {
                    throw new InvalidInputException(fileName + ":1: header: column \"" + name + "\" appears twice");
                }
                names.add(name);
            }
            ColumnMapping mapping = mappings.forHeader(names);
            Map<String, Integer> canonical = new HashMap<>();
            List<String> mapped = new ArrayList<>();
            for (String column : CanonicalColumns.ALL) {
                String source = positions.containsKey(column) ? column : mapping.source(column).orElse(null);
                if (ColumnMapping.ABSENT.equals(source) && !ColumnMapping.isRequired(column)) {
                    canonical.put(column, ABSENT_COLUMN);
                } else if (source != null && positions.containsKey(source)) {
                    canonical.put(column, positions.get(source));
                    mapped.add(source);
                }
            }
            List<String> missing = CanonicalColumns.ALL.stream().filter(c -> !canonical.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException(fileName + ":1: header: missing column(s) "
                        + String.join(", ", missing.stream().map(c -> "\"" + c + "\"").toList())
                        + hint(missing, names) + "; the canonical header is " + String.join(",", CanonicalColumns.ALL));
            }
            int[] counts = new int[CountColumn.values().length];
            for (CountColumn count : CountColumn.values()) {
                counts[count.ordinal()] = canonical.get(count.column());
            }
            List<String> extraNames = names.stream().filter(name -> !CanonicalColumns.isCanonical(name)
                    && !mapped.contains(name)).toList();
            int[] extraIndexes = extraNames.stream().mapToInt(positions::get).toArray();
            return new Header(names.size(), canonical.get(CanonicalColumns.PLATFORM),
                    canonical.get(CanonicalColumns.REPO_TYPE), canonical.get(CanonicalColumns.FULL_NAME),
                    canonical.get(CanonicalColumns.CREATED_AT), counts, extraNames, extraIndexes);
        }

        private static String hint(List<String> missing, List<String> present) {
            List<String> nearMisses = new ArrayList<>();
            for (String wanted : missing) {
                for (String name : present) {
                    if (!name.equals(wanted) && name.toLowerCase(Locale.ROOT).replace(' ', '_').equals(wanted)) {
                        nearMisses.add("\"" + name + "\" should be \"" + wanted + "\"");
                    }
                }
            }
            return nearMisses.isEmpty() ? "" : " (" + String.join(", ", nearMisses) + ")";
        }

        RepositoryRow parse(CsvRecord record) {
            Platform platformValue = CanonicalValues.platform(record.getField(platform));
            RepoType type = CanonicalValues.repoType(record.getField(repoType), platformValue);
            String name = CanonicalValues.fullName(record.getField(fullName), platformValue);
            RepositoryRow row = new RepositoryRow(platformValue, type, name)
                    .createdAt(CanonicalValues.createdAt(field(record, createdAt), platformValue));
            CountColumn[] columns = CountColumn.values();
            for (int i = 0; i < columns.length; i++) {
                long value = CanonicalValues.count(field(record, counts[i]), columns[i].column());
                if (value >= 0) {
                    row.count(columns[i], value);
                }
            }
            for (int i = 0; i < extraIndexes.length; i++) {
                String value = record.getField(extraIndexes[i]);
                if (!value.isEmpty()) {
                    row.putExtra(extraNames.get(i), value);
                }
            }
            CanonicalValues.checkConsistency(row);
            return row;
        }

        /** A cell, or empty (unknown) for a column the file does not have. */
        private static String field(CsvRecord record, int index) {
            return index == ABSENT_COLUMN ? "" : record.getField(index);
        }
    }
}
