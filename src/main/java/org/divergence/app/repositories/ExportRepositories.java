package org.divergence.app.repositories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.exchange.repositories.RepositoryFileWriter;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.RepositoryExportRows;

/**
 * Exports the repositories a filter selects as canonical CSV or JSON Lines, read in one consistent snapshot and
 * written whole or not at all.
 */
public final class ExportRepositories {

    private ExportRepositories() {
    }

    /** Returns how many repositories were written. */
    public static long export(Project project, Path out, RepositoryFilter filter, Progress progress) {
        if (!RepositoryFileWriter.supports(out)) {
            throw new InvalidInputException(out + ": choose a .csv or .jsonl file to export to");
        }
        RepositoryExportRows rows = new RepositoryExportRows(filter);
        try {
            return project.read(connection -> {
                List<String> extraColumns = rows.extraColumns(connection);
                long total = rows.count(connection);
                long[] written = {0};
                try (RepositoryFileWriter writer = new RepositoryFileWriter(out, extraColumns)) {
                    rows.forEach(connection, (canonical, extra) -> {
                        writer.write(canonical, extra);
                        tick(++written[0], total, progress);
                    });
                    writer.commit();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return written[0];
            });
        } catch (UncheckedIOException e) {
            throw new InvalidInputException(out + ": cannot be written (" + e.getCause().getMessage() + ")", e);
        }
    }

    private static void tick(long written, long total, Progress progress) {
        if (written % 16384 == 0) {
            progress.checkCancelled();
            progress.update(written, total, String.format("%,d of %,d written", written, total));
        }
    }
}
