package org.divergence.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.divergence.samples.SampleCsv;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kills (SIGKILL) a separate JVM importing a large CSV at known points of the write, then reopens the project: it
 * passes SQLite's integrity check and holds exactly the state before the import or after it, never a part. Each kill
 * is triggered by the child itself ({@link ImportKillDriver} at a {@link KillPoint}: SQLite's update and commit
 * hooks on the writer connection), which says where it stopped and waits there, so every kill lands where the test says: after the first
 * row, a third, two thirds and all of the rows are written inside the transaction, as it commits, and after it has.
 */
class ImportCrashSafetyTest {

    private static final int ROWS = 150_000;

    @TempDir
    static Path folder;
    static Path bigCsv;
    static Path smallCsv;

    @BeforeAll
    static void writeInputs() {
        bigCsv = folder.resolve("big.csv");
        SampleCsv.write(bigCsv, 7, ROWS / 2, ROWS / 2, true);
        smallCsv = folder.resolve("small.csv");
        SampleCsv.write(smallCsv, 8, 5, 5, true);
    }

    @ParameterizedTest(name = "killed {0} {1}: {2}")
    @CsvSource({"rows, 1, before", "rows, 50000, before", "rows, 100000, before", "rows, 150000, before",
        "commit, 1, before", "committed, , after"})
    void killedImportLeavesTheProjectBeforeOrAfterNeverBetween(String point, String rows, String expected)
            throws Exception {
        Path project = folder.resolve("crash-" + point + "-" + rows + ".divergence");
        assertEquals(0, CliRun.of("import", "--project", project.toString(), smallCsv.toString()).exitCode());
        List<String> before = TableDump.repositories(project);

        String stoppedAt = killAt(project, point, rows);

        assertEquals(List.of("ok"), TableDump.rows(project, "PRAGMA integrity_check"));
        List<String> after = TableDump.repositories(project);
        long batches = Long.parseLong(TableDump.rows(project, "SELECT count(*) FROM import_batch").getFirst());
        if (expected.equals("before")) {
            assertEquals(before, after, "killed " + stoppedAt + ": unchanged");
            assertEquals(1, batches);
        } else {
            assertEquals(before.size() + ROWS, after.size(), "killed " + stoppedAt + ": imported completely");
            assertEquals(2, batches);
            assertTrue(after.containsAll(before));
        }
        assertEquals(List.of("0"), TableDump.rows(project,
                "SELECT count(*) FROM repository WHERE batch_id NOT IN (SELECT id FROM import_batch)"));
        // The project opens normally afterwards: a crash never leaves it locked or unreadable.
        assertEquals(0, CliRun.of("info", "--project", project.toString()).exitCode());
    }

    /**
     * The bulk load into an empty project, which the command line runs with a rollback journal instead of the WAL:
     * killed anywhere in it, the project is empty or complete, and opens in WAL mode again.
     */
    @ParameterizedTest(name = "killed {0} {1}: {2}")
    @CsvSource({"rows, 1, empty", "rows, 75000, empty", "commit, 1, empty", "committed, , complete"})
    void killedBulkLoadIntoAnEmptyProjectLeavesItEmptyOrComplete(String point, String rows, String expected)
            throws Exception {
        Path project = folder.resolve("bulk-" + point + "-" + rows + ".divergence");
        org.divergence.store.project.Project.create(project).close();

        String stoppedAt = killAt(project, point, rows);

        assertEquals(List.of("ok"), TableDump.rows(project, "PRAGMA integrity_check"));
        long repositories = Long.parseLong(TableDump.rows(project, "SELECT count(*) FROM repository").getFirst());
        long batches = Long.parseLong(TableDump.rows(project, "SELECT count(*) FROM import_batch").getFirst());
        if (expected.equals("empty")) {
            assertEquals(0, repositories, "killed " + stoppedAt + ": not imported");
            assertEquals(0, batches, "not imported, so no batch either");
        } else {
            assertEquals(ROWS, repositories, "killed " + stoppedAt + ": imported completely");
            assertEquals(1, batches);
            // The key index is back: the same file again updates every row instead of adding any.
            assertEquals(List.of("0"), TableDump.rows(project, "SELECT count(*) FROM (SELECT 1 FROM repository"
                    + " GROUP BY platform, full_name HAVING count(*) > 1)"));
        }
        assertEquals(0, CliRun.of("info", "--project", project.toString()).exitCode());
        assertEquals(List.of("wal"), TableDump.rows(project, "PRAGMA journal_mode"));
    }

    /** Kills the import at the point and checks it stopped where asked. */
    private static String killAt(Path project, String point, String rows) {
        List<String> args = new ArrayList<>(List.of(project.toString(), bigCsv.toString(), point));
        if (rows != null) {
            args.addAll(List.of("repository", rows));
        }
        String stopped = KillPoint.killAt(ImportKillDriver.class.getName(), args);
        String expected = point.equals("rows") ? "inside the transaction, " + rows + " rows written to repository"
                : point.equals("commit") ? "committing, " + ROWS + " rows written to repository" : "committed";
        assertEquals(expected, stopped);
        return stopped;
    }
}
