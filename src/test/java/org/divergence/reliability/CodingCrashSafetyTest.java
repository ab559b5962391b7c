package org.divergence.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
 * Kills (SIGKILL) a JVM that is applying codings at known points of the write ({@link KillPoint}): the project must
 * pass the integrity check, have no orphan codings, and hold exactly the codings of the operations that finished —
 * each single coding and each "code all hits" of 40 ranges is there entirely or not at all.
 */
class CodingCrashSafetyTest {

    @TempDir
    static Path folder;
    static Path template;

    @BeforeAll
    static void prepare() throws Exception {
        template = folder.resolve("template.divergence");
        Path transcript = folder.resolve("long.txt");
        Files.writeString(transcript, ("Interviewer: question? P1: answer about compute and skills. ").repeat(800));
        assertEquals(ExitCodes.OK, CliRun.of("transcripts", "import", "--project", template.toString(),
                transcript.toString()).exitCode());
        assertEquals(ExitCodes.OK, CliRun.of("transcripts", "starter-codebook", "--project", template.toString())
                .exitCode());
    }

    /**
     * Killed inside an operation's transaction after the Nth coding is written ("rows"), or as the operation that
     * writes the Nth coding commits ("commit"): in the first "code all hits" (1), the first single coding (41), the
     * second "code all hits" half written (80) and at its commit (104), and later ones.
     */
    @ParameterizedTest(name = "killed {0} at coding {1}")
    @CsvSource({"rows, 1", "rows, 41", "rows, 80", "commit, 104", "rows, 300", "commit, 700"})
    void killedWhileCodingLeavesWholeOperationsOnly(String point, int coding) throws Exception {
        Path project = copy("crash-" + point + "-" + coding);
        String transcriptId = TableDump.rows(project, "SELECT id FROM transcript").getFirst();
        String codeId = TableDump.rows(project, "SELECT id FROM code WHERE parent_id IS NOT NULL ORDER BY id")
                .getFirst();
        String stopped = KillPoint.killAt(CodingDriver.class.getName(), List.of(project.toString(), transcriptId,
                codeId, point, "coding", String.valueOf(coding)));
        assertTrue(stopped.startsWith(point.equals("rows") ? "inside the transaction, " + coding : "committing"),
                stopped);
        assertEquals(List.of("ok"), TableDump.rows(project, "PRAGMA integrity_check"));
        assertEquals(List.of("0"), TableDump.rows(project, "SELECT count(*) FROM coding WHERE code_id NOT IN"
                + " (SELECT id FROM code) OR transcript_id NOT IN (SELECT id FROM transcript) OR coder_id NOT IN"
                + " (SELECT id FROM coder)"));
        int kept = operationWriting(coding);
        assertEquals(expectedRanges(kept), codedRanges(project), "killed " + stopped + ": exactly the " + kept
                + " operations before the one writing it");
        assertEquals(0, CliRun.of("info", "--project", project.toString()).exitCode());
    }

    /** The operation that writes the Nth coding (counting from 1). */
    private static int operationWriting(int coding) {
        int operation = 0;
        while (expectedRanges(operation + 1).size() < coding) {
            operation++;
        }
        return operation;
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
}
