package org.divergence.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.divergence.cli.common.ExitCodes;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kills (SIGKILL) a JVM importing a REFI-QDA project at known points of the write ({@link KillPoint}): the project
 * must pass the integrity check and hold either nothing of the archive or all of it — never some transcripts without
 * their codings.
 */
class QdpxImportCrashSafetyTest {

    private static final String[] TABLES = {"transcript", "code", "coding", "coder", "interview_case", "memo"};

    @TempDir
    static Path folder;
    static Path archive;
    static String before;
    static String after;
    static long codings;

    @BeforeAll
    static void prepare() throws Exception {
        Path sample = folder.resolve("sample.divergence");
        assertEquals(ExitCodes.OK, CliRun.of("sample", "--out", sample.toString()).exitCode());
        archive = folder.resolve("sample.qdpx");
        assertEquals(ExitCodes.OK, CliRun.of("qdpx-export", "--project", sample.toString(), "--out",
                archive.toString()).exitCode());
        before = counts(fresh("before"));
        Path complete = fresh("complete");
        assertEquals(ExitCodes.OK, CliRun.of("qdpx-import", "--project", complete.toString(), archive.toString())
                .exitCode());
        after = counts(complete);
        codings = Long.parseLong(TableDump.rows(complete, "SELECT count(*) FROM coding").getFirst());
        assertTrue(codings > 50, "the import adds the sample's codings: " + after);
    }

    /** Killed after the first coding, half of them and all of them are written, as it commits, after it has. */
    @ParameterizedTest(name = "killed {0} at {1} of the codings")
    @CsvSource({"rows, 0.0, before", "rows, 0.5, before", "rows, 1.0, before", "commit, 1.0, before",
        "committed, , after"})
    void killedQdpxImportLeavesNothingOrEverything(String point, Double share, String expected) throws Exception {
        Path project = fresh("crash-" + point + "-" + share);
        List<String> args = new ArrayList<>(List.of(project.toString(), archive.toString(), point));
        if (share != null) {
            args.addAll(List.of("coding", String.valueOf(Math.max(1, Math.round(codings * share)))));
        }
        String stopped = KillPoint.killAt(QdpxKillDriver.class.getName(), args);
        assertTrue(stopped.startsWith(point.equals("rows") ? "inside the transaction" : point), stopped);
        assertEquals(List.of("ok"), TableDump.rows(project, "PRAGMA integrity_check"));
        assertEquals(expected.equals("before") ? before : after, counts(project), "killed " + stopped);
    }

    private static Path fresh(String name) {
        Path project = folder.resolve(name + ".divergence");
        assertEquals(ExitCodes.OK, CliRun.of("transcripts", "starter-codebook", "--project", project.toString())
                .exitCode());
        return project;
    }

    private static String counts(Path project) {
        StringBuilder text = new StringBuilder();
        for (String table : TABLES) {
            text.append(table).append('=').append(TableDump.rows(project, "SELECT count(*) FROM " + table).getFirst())
                    .append(' ');
        }
        return text.toString().strip();
    }
}
