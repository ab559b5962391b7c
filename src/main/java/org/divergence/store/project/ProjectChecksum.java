package org.divergence.store.project;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.divergence.core.common.Progress;

/**
 * The SHA-256 of a project's content: every content table (by name) with its column names and its parts' digests in
 * key order, each part's digest being the SHA-256 of its rows in key order, each value with its type
 * ({@link ContentDigests}). It does not depend on how SQLite laid the pages out (WAL checkpoints, VACUUM, a backup
 * copy or a migration that adds empty tables give the same checksum), only on the data; see
 * docs/decisions/0080-reproducible-reports.md and 0136-content-checksum-from-stored-digests.md. The parts' digests
 * are stored with the rows, so this reads a few thousand digests, not every row; a part changed since its digest
 * was stored is recomputed here. Bookkeeping that changes without the data changing is left out.
 */
public final class ProjectChecksum {

    /** Says in the report what the checksum covers. */
    public static final String SCOPE = "SHA-256 over every table's column names and the SHA-256 of each part of "
            + "its rows (1,024 keys), rows in key order, each value with its type (bookkeeping tables schema_version "
            + "and project_meta, the metric summary derived from the repositories and these digests left out); "
            + "independent of the file's page layout, so a copy or backup of the same data gives the same checksum.";

    private ProjectChecksum() {
    }

    public static String of(Project project, Progress progress) {
        return project.read(connection -> of(connection, progress));
    }

    public static String of(Connection connection, Progress progress) throws SQLException {
        return of(connection, true, progress);
    }

    /**
     * The same checksum computed from the rows alone, ignoring the stored digests: what {@link #of} must equal (the
     * tests' and the benchmark's reference; as slow as reading every row).
     */
    public static String fromRows(Connection connection, Progress progress) throws SQLException {
        return of(connection, false, progress);
    }

    private static String of(Connection connection, boolean useStored, Progress progress) throws SQLException {
        ContentEncoder encoder = new ContentEncoder();
        List<String> tables = ContentDigests.tables(connection);
        int done = 0;
        for (String table : tables) {
            progress.checkCancelled();
            progress.update(done++, tables.size(), "Checksumming the project (" + table + ")");
            ContentDigests.Layout layout = ContentDigests.layout(connection, table);
            List<ContentDigests.Part> parts = ContentDigests.parts(connection, layout, useStored);
            // A table counts from its first row: a migration that adds empty tables changes nothing.
            if (parts.isEmpty()) {
                continue;
            }
            encoder.text("table");
            encoder.text(table);
            for (String column : layout.columns()) {
                encoder.text(column);
            }
            for (ContentDigests.Part part : parts) {
                encoder.tag('P');
                encoder.value(part.partA());
                encoder.value(part.partB());
                encoder.integer(part.rows());
                encoder.bytes('B', part.sha256());
            }
        }
        return HexFormat.of().formatHex(encoder.finish());
    }
}
