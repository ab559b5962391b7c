package org.divergence.exchange.repositories;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.RepositoryRow;

/** Test access to the importers' parsing alone (no project): what the fuzz targets exercise. */
public final class RepositoryParsing {

    private RepositoryParsing() {
    }

    /** Parses the file in the given format; returns the number of rows accepted plus rejected. */
    public static long parse(Path file, ImportFormat format, boolean skipInvalid) throws Exception {
        long[] rows = {0};
        CountingInput input = CountingInput.open(file);
        try {
            format.source(ImportOptions.defaults()).read(input, new RowSink() {
                @Override
                public void accept(RepositoryRow row, SourceLocation location) {
                    rows[0]++;
                }

                @Override
                public void reject(SourceLocation location, String reason, List<String> raw) {
                    rows[0]++;
                }
            }, skipInvalid, Progress.NONE);
            input.finishSha256();
        } finally {
            input.closeFile();
        }
        return rows[0];
    }

    public static Path write(Path folder, String name, byte[] bytes) throws Exception {
        Path file = folder.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
