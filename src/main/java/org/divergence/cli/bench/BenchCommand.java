package org.divergence.cli.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Benchmarks of the speed and memory targets (never timed unit tests): {@code bench import}, {@code bench compare},
 * {@code bench exact}, {@code bench charts}, {@code bench coding}, {@code bench agreement}, {@code bench repositories}, {@code bench parquet}. Each feature
 * registers its benchmark here.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark and print the measured figures.",
        subcommands = {org.divergence.cli.bench.BenchImportCommand.class, BenchCompareCommand.class,
            BenchCodingCommand.class, BenchAgreementCommand.class, BenchChartsCommand.class,
            BenchRepositoriesCommand.class, BenchExactCommand.class, BenchParquetCommand.class,
            BenchSemanticCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
