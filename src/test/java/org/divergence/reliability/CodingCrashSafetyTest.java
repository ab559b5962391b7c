package org.divergence.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Kills (SIGKILL) a JVM that is applying codings, at a random moment: the project must pass the integrity check,
 * have no orphan codings, and hold exactly the codings of the operations that finished — each single coding and
 * each "code all hits" of 40 ranges is there entirely or not at all.
 */
class CodingCrashSafetyTest {

    @TempDir
    static Path folder;
    static Path template;
    static long fullRunMillis;

    @BeforeAll
    static void prepare() throws Exception {
        template = folder.resolve("template.divergence");
        Path transcript = folder.resolve("long.txt");
        Files.writeString(transcript, ("Interviewer: question? P1: answer about compute and skills. ").repeat(800));
        assertEquals(ExitCodes.OK, CliRun.of("transcripts", "import", "--project", template.toString(),
                transcript.toString()).exitCode());
        assertEquals(ExitCodes.OK, CliRun.of("transcripts", "starter-codebook", "--project", template.toString())
                .exitCode());
        Path baseline = copy("baseline");
        long start = System.nanoTime();
        Process child = driver(baseline, "baseline");
        assertEquals(0, child.waitFor(), Files.readString(folder.resolve("baseline.log")));
        fullRunMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(expectedRanges(CodingDriver.OPERATIONS), codedRanges(baseline));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 14, 15, 92, 65})
    void killedWhileCodingLeavesWholeOperationsOnly(long seed) throws Exception {
        Path project = copy("crash-" + seed);
        double fraction = 0.15 + new SplittableRandom(seed).nextDouble() * 0.8;
        long delayMillis = (long) (fullRunMillis * fraction);
        Process child = driver(project, "crash-" + seed);
        boolean finished = child.waitFor(delayMillis, TimeUnit.MILLISECONDS);
        if (!finished) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(List.of("ok"), TableDump.rows(project, "PRAGMA integrity_check"));
        assertEquals(List.of("0"), TableDump.rows(project, "SELECT count(*) FROM coding WHERE code_id NOT IN"
                + " (SELECT id FROM code) OR transcript_id NOT IN (SELECT id FROM transcript) OR coder_id NOT IN"
                + " (SELECT id FROM coder)"));
        List<String> coded = codedRanges(project);
        int completed = completedOperations(coded);
        assertEquals(expectedRanges(completed), coded, "exactly the first " + completed + " operations");
        assertEquals(0, CliRun.of("info", "--project", project.toString()).exitCode());
        System.out.printf("seed %d: killed at %.0f%% of a full run -> %d of %d operations kept whole%n", seed,
                fraction * 100, completed, CodingDriver.OPERATIONS);
    }

    private static Process driver(Path project, String name) throws Exception {
        String transcriptId = TableDump.rows(project, "SELECT id FROM transcript").getFirst();
        String codeId = TableDump.rows(project, "SELECT id FROM code WHERE parent_id IS NOT NULL ORDER BY id")
                .getFirst();
        return ChildJvm.startMain(folder.resolve(name + ".log"), CodingDriver.class.getName(), project.toString(),
                transcriptId, codeId);
    }

    private static Path copy(String name) throws Exception {
        Path target = folder.resolve(name + ".divergence");
        Files.copy(template, target);
        return target;
    }

    private static List<String> codedRanges(Path project) {
        return TableDump.rows(project, "SELECT start_cp || '-' || end_cp FROM coding c JOIN coder w"
                + " ON w.id = c.coder_id WHERE w.name = 'Crash' ORDER BY start_cp");
    }

    private static List<String> expectedRanges(int operations) {
        List<String> ranges = new ArrayList<>();
        for (int operation = 0; operation < operations; operation++) {
            for (int[] range : CodingDriver.rangesOf(operation)) {
                ranges.add(range[0] + "-" + range[1]);
            }
        }
        return ranges;
    }

    /** How many operations the coded ranges cover from the start (ranges are laid out in operation order). */
    private static int completedOperations(List<String> coded) {
        int operations = 0;
        while (operations < CodingDriver.OPERATIONS && expectedRanges(operations + 1).size() <= coded.size()) {
            operations++;
        }
        assertTrue(operations >= 0);
        return operations;
    }
}
