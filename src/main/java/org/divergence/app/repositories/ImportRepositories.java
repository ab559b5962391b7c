package org.divergence.app.repositories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.SummaryCells;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.exchange.repositories.CountingInput;
import org.divergence.exchange.repositories.ImportFormat;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.exchange.repositories.RejectedRows;
import org.divergence.exchange.repositories.RowSink;
import org.divergence.exchange.repositories.RowSource;
import org.divergence.exchange.repositories.SourceDetails;
import org.divergence.exchange.repositories.SourceLocation;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.SqlWork;
import org.divergence.store.project.StoreException;
import org.divergence.store.repositories.DerivativeCounts;
import org.divergence.store.repositories.ImportBatches;
import org.divergence.store.repositories.RepositoryTableWriter;
import org.divergence.store.tags.TagRules;

/**
 * Imports repository samples into a project, all files of one call in one transaction: either every file is
 * imported (one batch each) or — on bad input, an error or a cancel — the project stays exactly as it was. Tag rules
 * are applied to what the import added or updated in the same transaction, whoever imports.
 *
 * <p>Reading and writing overlap on two threads: a reader thread parses and checks the file while the project's
 * writer thread inserts what it has read, so a study-sized CSV takes about as long as SQLite needs to store it.
 */
public final class ImportRepositories {

    private static final Logger LOG = Logger.getLogger(ImportRepositories.class.getName());

    /** @param details what the file turned out to hold, when its format alone does not say (or null) */
    public record FileReport(Path file, ImportFormat format, String sha256, long batchId, long rowsRead, long added,
                             long updated, long skipped, Path rejectedFile, SourceDetails details) {
    }

    public record Report(List<FileReport> files) {
        public long added() {
            return files.stream().mapToLong(FileReport::added).sum();
        }

        public long updated() {
            return files.stream().mapToLong(FileReport::updated).sum();
        }

        public long skipped() {
            return files.stream().mapToLong(FileReport::skipped).sum();
        }

        public long imported() {
            return added() + updated();
        }

        /** The command line's one-line summary. */
        public String summary() {
            return String.format("imported %d repositories (%d added, %d updated, %d skipped) from %d file(s)",
                    imported(), added(), updated(), skipped(), files.size());
        }
    }

    private static final int CHUNK = 1024;
    private static final Object END = new Object();

    private final Project project;
    private boolean soleUser;

    public ImportRepositories(Project project) {
        this.project = project;
    }

    /**
     * Says that nothing else reads the project while this import runs (the command line), so the import may use
     * {@link Project#writeAlone}; the app keeps the WAL, so its other screens can read during an import.
     */
    public ImportRepositories asSoleUser() {
        soleUser = true;
        return this;
    }

    public Report importFiles(List<Path> files, ImportOptions options, Progress progress) {
        if (files.isEmpty()) {
            throw new InvalidInputException("No input files given");
        }
        Map<Path, ImportFormat> formats = new LinkedHashMap<>();
        long totalBytes = 0;
        for (Path file : files) {
            formats.put(file, ImportFormat.detect(file));
            totalBytes += sizeOf(file);
        }
        long allBytes = totalBytes;
        SqlWork<Report> work = connection -> {
            try (DerivativeCounts derivatives = DerivativeCounts.open()) {
                return importAll(connection, formats, options, progress, allBytes, derivatives);
            }
        };
        Set<DataArea> changes = EnumSet.of(DataArea.REPOSITORIES, DataArea.BATCHES);
        return soleUser ? project.writeAlone(changes, work) : project.write(changes, work);
    }

    private Report importAll(Connection connection, Map<Path, ImportFormat> formats, ImportOptions options,
                             Progress progress, long allBytes, DerivativeCounts derivatives) throws SQLException {
        List<FileReport> reports = new ArrayList<>();
        long[] doneBytes = {0};
        for (Map.Entry<Path, ImportFormat> entry : formats.entrySet()) {
            long offset = doneBytes[0];
            Progress fileProgress = new Progress() {
                @Override
                public void update(long done, long total, String message) {
                    progress.update(offset + done, allBytes, entry.getKey().getFileName() + ": " + message);
                }

                @Override
                public boolean isCancelled() {
                    return progress.isCancelled();
                }
            };
            reports.add(importOne(connection, entry.getKey(), entry.getValue(), options, fileProgress,
                    derivatives, reports.size() == formats.size() - 1));
            doneBytes[0] += sizeOf(entry.getKey());
        }
        Report report = new Report(List.copyOf(reports));
        progress.update(allBytes, allBytes, "Finishing");
        // Derivatives a snapshot does not count itself: among the models of every file of this import.
        derivatives.apply(connection, reports.stream().filter(file -> file.details() != null
                && file.details().countsDerivatives()).map(FileReport::batchId).toList());
        // Tags follow their rules: whatever the import added or updated is tagged before it commits.
        TagRules.applyToBatches(connection, reports.stream().map(FileReport::batchId).toList());
        return report;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** @param last whether this is the import's last file (its reader then groups the derivative links) */
    private FileReport importOne(Connection connection, Path file, ImportFormat format, ImportOptions options,
                                 Progress progress, DerivativeCounts derivatives, boolean last) throws SQLException {
        long batchId = ImportBatches.begin(connection, file.getFileName().toString(), null, format.code());
        RejectedRows rejected = new RejectedRows(file);
        ReaderThread reader = new ReaderThread(file, format.source(options), options.skipInvalid(),
                rejected, progress, derivatives, last);
        boolean complete = false;
        try (RepositoryTableWriter writer = RepositoryTableWriter.open(connection, batchId)) {
            reader.summary = writer.summaryFilledByCaller();
            reader.digests = writer.digestsFilledByCaller();
            reader.start();
            long rows = 0;
            while (true) {
                Object next = reader.take();
                if (next == END) {
                    break;
                }
                @SuppressWarnings("unchecked")
                List<RepositoryRow> chunk = (List<RepositoryRow>) next;
                for (RepositoryRow row : chunk) {
                    writer.add(row);
                }
                rows += chunk.size();
            }
            RepositoryTableWriter.Outcome outcome = writer.finish();
            rejected.close();
            ImportBatches.finish(connection, batchId, reader.sha256, rows + rejected.count(), outcome.added(),
                    outcome.updated(), rejected.count());
            SourceDetails details = reader.details;
            if (options.asOf() != null || details != null) {
                ImportBatches.describe(connection, batchId, options.asOf() == null ? null : options.asOf().toString(),
                        details == null ? null : details.description());
            }
            complete = true;
            return new FileReport(file, format, reader.sha256, batchId, rows + rejected.count(), outcome.added(),
                    outcome.updated(), rejected.count(), rejected.file(), details);
        } finally {
            reader.stop();
            if (!complete) {
                rejected.discard();
            }
        }
    }

    /** Parses one file on its own thread and hands over chunks of rows; its failure becomes the import's. */
    private static final class ReaderThread implements RowSink {
        private final Path file;
        private final RowSource source;
        private final boolean skipInvalid;
        private final RejectedRows rejected;
        private final Progress progress;
        private final DerivativeCounts derivatives;
        private final boolean groupsDerivatives;
        /**
         * Two chunks ahead is enough to keep the writer busy; more would wait long enough to be promoted to the old
         * generation, which in a small heap beside a Parquet reader's pages makes the collector run several times
         * as often (measured: docs/decisions/0110).
         */
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Thread thread;
        private List<RepositoryRow> chunk = new ArrayList<>(CHUNK);
        /** A bulk load's metric summary, filled here: this thread waits for the writer anyway. Null otherwise. */
        private SummaryCells summary;
        /** A bulk load's content digests, filled here for the same reason. Null otherwise. */
        private RepositoryTableWriter.BulkDigests digests;
        private volatile Throwable failure;
        private volatile String sha256;
        private volatile SourceDetails details;

        /** @param groupsDerivatives the import's last file: once its rows are handed over, group the links */
        ReaderThread(Path file, RowSource source, boolean skipInvalid, RejectedRows rejected, Progress progress,
                     DerivativeCounts derivatives, boolean groupsDerivatives) {
            this.file = file;
            this.source = source;
            this.skipInvalid = skipInvalid;
            this.rejected = rejected;
            this.progress = progress;
            this.derivatives = derivatives;
            this.groupsDerivatives = groupsDerivatives;
            this.thread = new Thread(this::run, "import-reader " + file.getFileName());
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void run() {
            try {
                CountingInput input = CountingInput.open(file);
                try {
                    source.read(input, this, skipInvalid, progress);
                    sha256 = input.finishSha256();
                } finally {
                    input.closeFile();
                }
                hand(chunk);
                hand(END);
            } catch (Throwable e) {
                failure = e;
                queue.clear();
                queue.offer(END);
                return;
            }
            if (summary != null) {
                // While the writer stores the last rows and builds the key index, rather than after it. Were this to
                // fail (a bug), the writer's own attempt to read the summary fails the import the same way.
                try {
                    summary.encodeAhead();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "encoding the metric summary on the reader failed", e);
                }
            }
            if (groupsDerivatives) {
                // While the writer builds the key index; should it fail here, apply() groups again and says why.
                try {
                    derivatives.group();
                } catch (SQLException | RuntimeException e) {
                    LOG.log(Level.FINE, "grouping derivative links on the reader failed", e);
                }
            }
        }

        @Override
        public void accept(RepositoryRow row, SourceLocation location) {
            if (summary != null) {
                summary.add(row);
            }
            if (digests != null) {
                digests.add(row);
            }
            try {
                // Here rather than on the writer: this thread waits for the writer anyway (docs/decisions/0115).
                derivatives.add(row);
            } catch (SQLException e) {
                throw new StoreException(file.getFileName() + ": counting derivatives: database error: "
                        + e.getMessage(), e);
            }
            chunk.add(row);
            if (chunk.size() == CHUNK) {
                hand(chunk);
                chunk = new ArrayList<>(CHUNK);
            }
        }

        @Override
        public void describe(SourceDetails value) {
            details = value;
        }

        @Override
        public void reject(SourceLocation location, String reason, List<String> raw) {
            if (stopped.get()) {
                throw new CancelledException();
            }
            rejected.add(location, reason, raw);
        }

        private void hand(Object item) {
            try {
                while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    if (stopped.get()) {
                        throw new CancelledException();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }

        /** The next chunk, or END; rethrows the reader's failure. */
        Object take() {
            try {
                Object next = queue.take();
                if (next == END && failure != null) {
                    Throwable error = failure;
                    if (error instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (error instanceof Error fatal) {
                        throw fatal;
                    }
                    throw new InvalidInputException(file + ": cannot be read (" + error.getMessage() + ")", error);
                }
                return next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }

        void stop() {
            stopped.set(true);
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
