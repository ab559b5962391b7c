package org.divergence.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.project.Project;

/**
 * Applies codings one operation after another, as a coder working fast would (run in a child JVM that a test
 * kills, stopping at a {@link KillPoint}). Operation i codes a range that only it uses; every 25th operation codes 40 ranges at once, like "code
 * all hits". See {@link CodingCrashSafetyTest} for how the ranges are laid out.
 */
public final class CodingDriver {

    static final int OPERATIONS = 400;
    static final int BULK_EVERY = 25;
    static final int BULK_SIZE = 40;

    private CodingDriver() {
    }

    /** The ranges operation i codes, as [start, end) pairs. */
    static List<int[]> rangesOf(int operation) {
        List<int[]> ranges = new ArrayList<>();
        int base = operation * 100;
        if (operation % BULK_EVERY == 0) {
            for (int k = 0; k < BULK_SIZE; k++) {
                ranges.add(new int[] {base + k * 2, base + k * 2 + 1});
            }
        } else {
            ranges.add(new int[] {base, base + 5});
        }
        return ranges;
    }

    /** PROJECT TRANSCRIPT_ID CODE_ID [POINT…]: with a {@link KillPoint}, it stops there to be killed. */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long transcriptId = Long.parseLong(args[1]);
        long codeId = Long.parseLong(args[2]);
        try (Project project = Project.open(file)) {
            if (args.length > 3) {
                KillPoint.parse(args, 3).install(project);
            }
            CodingStore codings = new CodingStore(project);
            long coderId = codings.ensureCoder("Crash").id();
            for (int operation = 0; operation < OPERATIONS; operation++) {
                List<int[]> ranges = rangesOf(operation);
                if (ranges.size() == 1) {
                    codings.applyCode(transcriptId, codeId, coderId, ranges.getFirst()[0], ranges.getFirst()[1],
                            "code").run();
                } else {
                    codings.applyCodeToAll(ranges.stream().map(range -> new CodingStore.Range(transcriptId,
                            range[0], range[1])).toList(), codeId, coderId, "code").run();
                }
            }
        }
    }
}
