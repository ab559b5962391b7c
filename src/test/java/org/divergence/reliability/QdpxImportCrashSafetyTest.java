package org.divergence.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.divergence.cli.common.ExitCodes;
import org.divergence.testsupport.ChildJvm;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills (SIGKILL) a JVM importing a REFI-QDA project at a random moment: the project must pass the integrity check
 * and hold either nothing of the archive or all of it — never some transcripts without their codings.
 */
class QdpxImportCrashSafetyTest {

    private static final String[] TABLES = {"transcript", "code", "coding", "coder", "interview_case", "memo"};

    @TempDir
    static Path folder;
    static Path archive;
    static String before;
    static String after;
    static long fullRunMillis;

    @BeforeAll
    static void prepare() throws Exception {
        Path sample = folder.resolve("sample.divergence");
        assertEquals(ExitCodes.OK, CliRun.of("sample", "--out", sample.toString()).exitCode());
        archive = folder.resolve("sample.qdpx");
        assertEquals(ExitCodes.OK, CliRun.of("qdpx-export", "--project", sample.toString(), "--out",
                archive.toString()).exitCode());
        Path empty = fresh("before");
        before = counts(empty);
        Path complete = fresh("complete");
        long start = System.nanoTime();
        Process child = ChildJvm.start(folder.resolve("complete.log"), "qdpx-import", "--project",
                complete.toString(), archive.toString());
        assertEquals(0, child.waitFor());
        fullRunMillis = (System.nanoTime() - start) / 1_000_000;
        after = counts(complete);
        assertTrue(!before.equals(after), "the import adds something");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 8, 13, 21, 34})
    void killedQdpxImportLeavesNothingOrEverything(long seed) throws Exception {
        Path project = fresh("crash-" + seed);
        double fraction = 0.2 + new SplittableRandom(seed).nextDouble() * 0.9;
        long delayMillis = (long) (fullRunMillis * fraction);
        Process child = ChildJvm.start(folder.resolve("crash-" + seed + ".log"), "qdpx-import", "--project",
                project.toString(), archive.toString());
        boolean finished = child.waitFor(delayMillis, TimeUnit.MILLISECONDS);
        if (!finished) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(List.of("ok"), TableDump.rows(project, "PRAGMA integrity_check"));
        String state = counts(project);
        assertTrue(state.equals(before) || state.equals(after), "before or after, never between: " + state);
        System.out.printf("seed %d: killed at %.0f%% of a full run -> %s%n", seed, fraction * 100,
                state.equals(before) ? "nothing imported" : "everything imported");
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
