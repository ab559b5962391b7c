package org.divergence.cli.bench;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.divergence.cli.common.ExitCodes;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.stats.FrequencyTable;
import org.divergence.core.stats.MannWhitney;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Times the exact Mann–Whitney test of a small group against a large one of distinct values (the target: 6 against a
 * million within a few seconds in {@code -Xmx256m}, e.g. {@code java -Xmx256m -jar divergence-workbench.jar bench
 * exact}). SciPy 1.10's exact path needs tens of seconds already at 6 against 2,000, so there is no reference to
 * time beside it; the value itself is checked against an exact brute-force count (SmallSampleGoldenTest).
 */
@Command(name = "exact", mixinStandardHelpOptions = true,
        description = "Time the exact Mann–Whitney p-value of a small group against a large one (no ties).")
final class BenchExactCommand implements Callable<Integer> {

    @Option(names = "--small", paramLabel = "N", defaultValue = "6",
            description = "Values in the small group, 1 to 8 (default: ${DEFAULT-VALUE}).")
    int small;

    @Option(names = "--large", paramLabel = "N", defaultValue = "1000000",
            description = "Distinct values in the large group (default: ${DEFAULT-VALUE}).")
    int large;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (small < 1 || small > 8 || large < 1) {
            throw new InvalidInputException("--small must be 1 to 8 and --large at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Java %s, max heap %,d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        double[] values = new double[large];
        for (int i = 0; i < large; i++) {
            values[i] = i;
        }
        FrequencyTable big = FrequencyTable.of(values);
        double[] few = new double[small];
        for (int i = 0; i < small; i++) {
            // Spread over the large group's range, between its values: no ties, U near the middle.
            few[i] = (i + 0.5) * large / small + 0.5;
        }
        FrequencyTable group = FrequencyTable.of(few);
        for (int run = 1; run <= Math.max(1, runs); run++) {
            long start = System.nanoTime();
            MannWhitney.Result result = MannWhitney.test(group, big);
            long end = System.nanoTime();
            out.printf("run %d: %d vs %,d distinct values: %.3f s, U = %.0f, p = %s (%s)%n", run, small, large,
                    (end - start) / 1e9, result.u(), result.pValue(), result.method().key());
        }
        return ExitCodes.OK;
    }
}
