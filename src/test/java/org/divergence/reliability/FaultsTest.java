package org.divergence.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.divergence.app.repositories.ImportRepositories;
import org.divergence.cli.common.ExitCodes;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.samples.SampleCsv;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.StoreException;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk full and read-only media: a clear message, and the project exactly as it was. The tests named "AsRoot" mount
 * a tmpfs, which needs root: elsewhere they are skipped (and say so); {@code .ci/run} runs as root and sets
 * {@code -Ddivergence.rootTests=required}, so there they must run.
 */
class FaultsTest {

    @TempDir
    Path folder;

    /** SQLite's own page limit produces the same SQLITE_FULL a full disk does, on any machine. */
    @Test
    void fullDiskDuringAnImportKeepsTheProjectAsItWas() throws Exception {
        Path project = folder.resolve("full.divergence");
        Path small = folder.resolve("small.csv");
        SampleCsv.write(small, 1, 10, 10, true);
        assertEquals(ExitCodes.OK, CliRun.of("import", "--project", project.toString(), small.toString()).exitCode());
        String before = TableDump.of(project, "repository", "import_batch");
        Path big = folder.resolve("big.csv");
        SampleCsv.write(big, 2, 20_000, 20_000, true);
        try (Project opened = Project.open(project)) {
            opened.write(EnumSet.noneOf(DataArea.class), c -> {
                try (var statement = c.createStatement()) {
                    // About the size the project has now: the import has no room left.
                    statement.execute("PRAGMA max_page_count = 80");
                }
                return null;
            });
            StoreException error = assertThrows(StoreException.class, () -> new ImportRepositories(opened)
                    .importFiles(List.of(big), ImportOptions.defaults(), Progress.NONE));
            assertEquals("full.divergence: the disk is full; the last change was not saved and the project is as it"
                    + " was before it.", error.getMessage());
        }
        assertEquals(List.of("ok"), TableDump.rows(project, "PRAGMA integrity_check"));
        assertEquals(before, TableDump.of(project, "repository", "import_batch"));
    }

    /** A real full file system (a 1 MB tmpfs). */
    @Test
    void realFullFileSystemDuringAnImportAsRoot() throws Exception {
        Path mount = folder.resolve("tiny");
        Files.createDirectories(mount);
        mountTmpfs(mount, "1m", "fullDiskDuringAnImport covers the same SQLITE_FULL path");
        try {
            Path project = mount.resolve("tiny.divergence");
            Path small = folder.resolve("small.csv");
            SampleCsv.write(small, 1, 10, 10, true);
            assertEquals(ExitCodes.OK, CliRun.of("import", "--project", project.toString(), small.toString())
                    .exitCode());
            String before = TableDump.of(project, "repository", "import_batch");
            Path big = folder.resolve("big.csv");
            SampleCsv.write(big, 2, 10_000, 10_000, true);
            CliRun run = CliRun.of("import", "--project", project.toString(), big.toString());
            assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
            assertTrue(run.err().contains("the disk is full") || run.err().contains("could not be read or written"),
                    run.err());
            assertEquals(List.of("ok"), TableDump.rows(project, "PRAGMA integrity_check"));
            assertEquals(before, TableDump.of(project, "repository", "import_batch"));
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    /** On read-only media a project can still be read (info, compare, export), and writing is refused clearly. */
    @Test
    void readOnlyMediaAllowReadingAndRefuseWritingClearlyAsRoot() throws Exception {
        Path mount = folder.resolve("readonly");
        Files.createDirectories(mount);
        mountTmpfs(mount, "8m", "as root, file permissions cannot make a folder read-only");
        try {
            Path project = mount.resolve("study.divergence");
            Path small = folder.resolve("small.csv");
            SampleCsv.write(small, 1, 10, 10, true);
            assertEquals(ExitCodes.OK, CliRun.of("import", "--project", project.toString(), small.toString())
                    .exitCode());
            assertEquals(0, run("mount", "-o", "remount,ro", mount.toString()));
            CliRun info = CliRun.of("info", "--project", project.toString(), "--json");
            assertEquals(ExitCodes.OK, info.exitCode(), info.toString());
            assertTrue(info.out().contains("\"total\":20"), info.out());
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> Project.open(project));
            assertTrue(refused.getMessage().contains("is the folder read-only?"), refused.getMessage());
            CliRun write = CliRun.of("import", "--project", project.toString(), small.toString());
            assertEquals(ExitCodes.INVALID_INPUT, write.exitCode(), write.toString());
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    /** Mounts a tmpfs there, or skips the test loudly; where root tests are required, fails instead. */
    private static void mountTmpfs(Path mount, String size, String why) throws Exception {
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mount.toString()) == 0;
        String message = "SKIPPED: needs root to mount a tmpfs (" + why + "); .ci/run runs it as root";
        if (!mounted && "required".equals(System.getProperty("divergence.rootTests"))) {
            Assertions.fail("could not mount a tmpfs, and -Ddivergence.rootTests=required says this run must");
        }
        if (!mounted) {
            System.err.println("*** " + message);
        }
        Assumptions.assumeTrue(mounted, message);
    }

    private static int run(String... command) throws Exception {
        return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
    }
}
