package org.divergence.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.divergence.samples.SampleCsv;
import org.divergence.testsupport.ChildJvm;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills (SIGKILL) a separate JVM that is importing a large CSV at a random moment, then reopens the project: it
 * must pass SQLite's integrity check and hold exactly the state before the import or after it, never a part.
 */
class ImportCrashSafetyTest {

    private static final int ROWS = 150_000;

    @TempDir
    static Path folder;
    static Path bigCsv;
    static Path smallCsv;
    /** How long a whole child run takes here; kill points are fractions of it, so they span the whole import. */
    static long fullRunMillis;

    @BeforeAll
    static void writeInputs() throws Exception {
        bigCsv = folder.resolve("big.csv");
        SampleCsv.write(bigCsv, 7, ROWS / 2, ROWS / 2, true);
        smallCsv = folder.resolve("small.csv");
        SampleCsv.write(smallCsv, 8, 5, 5, true);
        long start = System.nanoTime();
        Process baseline = ChildJvm.start(folder.resolve("baseline.log"), "import", "--project",
                folder.resolve("baseline.divergence").toString(), bigCsv.toString());
        assertEquals(0, baseline.waitFor());
        fullRunMillis = (System.nanoTime() - start) / 1_000_000;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 23, 37, 41, 59, 61})
    void killedImportLeavesTheProjectBeforeOrAfterNeverBetween(long seed) throws Exception {
        Path project = folder.resolve("crash-" + seed + ".divergence");
        assertEquals(0, CliRun.of("import", "--project", project.toString(), smallCsv.toString()).exitCode());
        List<String> before = TableDump.repositories(project);

        double fraction = 0.1 + new java.util.SplittableRandom(seed).nextDouble();
        long delayMillis = (long) (fullRunMillis * fraction);
        Process child = ChildJvm.start(folder.resolve("child-" + seed + ".log"), "import", "--project",
                project.toString(), bigCsv.toString());
        boolean finished = child.waitFor(delayMillis, TimeUnit.MILLISECONDS);
        if (!finished) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        assertEquals(List.of("ok"), TableDump.rows(project, "PRAGMA integrity_check"));
        List<String> after = TableDump.repositories(project);
        long batches = Long.parseLong(TableDump.rows(project, "SELECT count(*) FROM import_batch").getFirst());
        if (after.size() == before.size()) {
            assertEquals(before, after, "not imported, so unchanged");
            assertEquals(1, batches);
        } else {
            assertEquals(before.size() + ROWS, after.size(), "imported completely");
            assertEquals(2, batches);
            assertTrue(after.containsAll(before));
        }
        assertEquals(List.of("0"), TableDump.rows(project,
                "SELECT count(*) FROM repository WHERE batch_id NOT IN (SELECT id FROM import_batch)"));
        // The project opens normally afterwards: a crash never leaves it locked or unreadable.
        assertEquals(0, CliRun.of("info", "--project", project.toString()).exitCode());
        System.out.printf("seed %d: killed at %.0f%% of a full run (%d ms) -> %s%n", seed, fraction * 100, delayMillis,
                finished ? "finished first" : after.size() == before.size() ? "state before" : "state after");
    }

    /**
     * The bulk load into an empty project, which the command line runs with a rollback journal instead of the WAL:
     * killed at any moment, the project is empty or complete, and opens in WAL mode again.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {13, 29, 47})
    void killedBulkLoadIntoAnEmptyProjectLeavesItEmptyOrComplete(long seed) throws Exception {
        Path project = folder.resolve("bulk-" + seed + ".divergence");
        org.divergence.store.project.Project.create(project).close();

        double fraction = 0.1 + new java.util.SplittableRandom(seed).nextDouble();
        long delayMillis = (long) (fullRunMillis * fraction);
        Process child = ChildJvm.start(folder.resolve("bulk-child-" + seed + ".log"), "import", "--project",
                project.toString(), bigCsv.toString());
        boolean finished = child.waitFor(delayMillis, TimeUnit.MILLISECONDS);
        if (!finished) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        assertEquals(List.of("ok"), TableDump.rows(project, "PRAGMA integrity_check"));
        long repositories = Long.parseLong(TableDump.rows(project, "SELECT count(*) FROM repository").getFirst());
        long batches = Long.parseLong(TableDump.rows(project, "SELECT count(*) FROM import_batch").getFirst());
        if (repositories == 0) {
            assertEquals(0, batches, "not imported, so no batch either");
        } else {
            assertEquals(ROWS, repositories, "imported completely");
            assertEquals(1, batches);
            // The key index is back: the same file again updates every row instead of adding any.
            assertEquals(List.of("0"), TableDump.rows(project, "SELECT count(*) FROM (SELECT 1 FROM repository"
                    + " GROUP BY platform, full_name HAVING count(*) > 1)"));
        }
        assertEquals(0, CliRun.of("info", "--project", project.toString()).exitCode());
        assertEquals(List.of("wal"), TableDump.rows(project, "PRAGMA journal_mode"));
        System.out.printf("bulk seed %d: killed at %.0f%% of a full run (%d ms) -> %s%n", seed, fraction * 100,
                delayMillis, finished ? "finished first" : repositories == 0 ? "empty" : "complete");
    }
}
