package org.divergence.exchange.repositories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardwood.HardwoodContext;
import dev.hardwood.InputFile;
import dev.hardwood.reader.ColumnReaders;
import dev.hardwood.reader.ParquetFileReader;
import dev.hardwood.schema.ColumnProjection;
import dev.hardwood.schema.FileSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RowProblem;

/**
 * Parquet files: the canonical columns, or a Hugging Face Hub snapshot in the Hub's own field names
 * ({@link ParquetLayout}). Read with Hardwood's column API in batches of {@value #BATCH_ROWS} rows, one page in
 * flight per column, after {@link ParquetLimits} has checked that the pages are small enough to stream; rows are
 * numbered from 1 in messages ({@code FILE:ROW: column "…": …}).
 */
final class ParquetRowSource implements RowSource {

    /**
     * Rows per batch. Each column holds a few batches besides its page, so small batches leave the collector more
     * room: with 1,024 rather than 4,096 the 2-million-row benchmark pauses for GC half as often (docs/decisions/0110).
     */
    static final int BATCH_ROWS = 1024;
    private static final int DECODE_THREADS = 2;
    /** Held so that the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final Logger HARDWOOD_LOG = Logger.getLogger("dev.hardwood");

    static {
        // Hardwood decodes up to 8 pages ahead per column by default, which needs ~300 MB for a Hub snapshot; one
        // page ahead streams it in ~100 MB (docs/decisions/0110). Read once, when Hardwood's reader classes load.
        if (System.getProperty("hardwood.internal.maxOutstanding") == null) {
            System.setProperty("hardwood.internal.maxOutstanding", "1");
        }
        // Hardwood reports at INFO what it found (e.g. "SIMD support: disabled"), which is noise on our console.
        HARDWOOD_LOG.setLevel(Level.WARNING);
    }

    private final Optional<RepoType> huggingFaceType;

    ParquetRowSource(Optional<RepoType> huggingFaceType) {
        this.huggingFaceType = huggingFaceType;
    }

    @Override
    public void read(CountingInput input, RowSink sink, boolean skipInvalid, Progress progress) {
        Path file = input.file();
        String fileName = ParquetLimits.name(file);
        ParquetLimits.checkFooter(file);
        try (HardwoodContext context = HardwoodContext.create(DECODE_THREADS);
             ParquetFileReader reader = hardwood(fileName, () -> ParquetFileReader.open(InputFile.of(file), context))) {
            FileSchema schema = reader.getFileSchema();
            ParquetLayout layout = ParquetLayout.of(fileName, schema, huggingFaceType);
            ParquetLimits.checkPages(file, reader.getFileMetaData().rowGroups(), layout.fields());
            sink.describe(layout.details());
            long totalRows = Math.max(1, reader.getFileMetaData().numRows());
            try (ColumnReaders readers = hardwood(fileName, () -> reader.buildColumnReaders(
                    ColumnProjection.columns(layout.fields().toArray(String[]::new))).batchSize(BATCH_ROWS).build())) {
                ParquetLayout.Bound bound = layout.bind(schema, readers);
                long row = 0;
                while (nextBatch(fileName, readers, bound)) {
                    int count = readers.getRecordCount();
                    for (int r = 0; r < count; r++) {
                        row++;
                        SourceLocation location = SourceLocation.line(file, row);
                        try {
                            sink.accept(bound.row(r), location);
                        } catch (RowProblem problem) {
                            if (!skipInvalid) {
                                throw new InvalidInputException(location + ": " + problem.describe());
                            }
                            sink.reject(location, problem.describe(), List.of(raw(bound, r)));
                        }
                    }
                    progress.checkCancelled();
                    progress.update(input.size() * row / totalRows, input.size(),
                            String.format("%,d of %,d rows read", row, totalRows));
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(fileName + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Advances to the next batch and takes its values; the reader's own failures become a message naming the file. */
    private static boolean nextBatch(String fileName, ColumnReaders readers, ParquetLayout.Bound bound)
            throws IOException {
        return hardwood(fileName, () -> {
            if (!readers.nextBatch()) {
                return false;
            }
            bound.load();
            return true;
        });
    }

    private interface Read<T> {
        T get() throws IOException;
    }

    /**
     * A call into the reader: what it throws for a damaged or unsupported file (it has no exception type of its own)
     * is invalid input naming the file.
     */
    private static <T> T hardwood(String fileName, Read<T> call) throws IOException {
        try {
            return call.get();
        } catch (InvalidInputException | CancelledException | RowProblem e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
            throw new InvalidInputException(fileName + ": cannot be read as Parquet (" + cause.getMessage() + ")", e);
        }
    }

    /** The row as JSON, for the rejected rows' side file. */
    private static String raw(ParquetLayout.Bound bound, int row) {
        ObjectNode node = JsonInput.MAPPER.createObjectNode();
        for (ParquetField field : bound.fields()) {
            Object value;
            try {
                value = ParquetValues.plain(field.value(row));
            } catch (RowProblem problem) {
                value = "(" + problem.detail() + ")";
            }
            node.set(field.name(), JsonInput.MAPPER.valueToTree(value));
        }
        return node.toString();
    }

    /** Fields of the file in schema order, for messages. */
    static List<String> fieldNames(FileSchema schema) {
        List<String> names = new ArrayList<>();
        schema.getRootNode().children().forEach(node -> names.add(node.name()));
        return names;
    }
}
