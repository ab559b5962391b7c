package org.divergence.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.divergence.app.repositories.ExportRepositories;
import org.divergence.app.repositories.ImportRepositories;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.Quantiles;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The Parquet import target, measured: a population snapshot in Parquet imports in at most the time of the same rows
 * as CSV. The CSV is this app's own export of what the Parquet import stored (canonical columns and every extra), so
 * both hold the same rows; then each is imported into a new project in a child JVM with a bounded heap, alternately.
 * The snapshot comes from outside (bench/parquet-import.sh writes a 2-million-row Hub models file with DuckDB).
 */
@Command(name = "parquet", mixinStandardHelpOptions = true,
        description = "Time importing a Parquet population snapshot against importing the same rows as CSV.")
public final class BenchParquetCommand implements Callable<Integer> {

    @Option(names = "--file", required = true, paramLabel = "FILE.parquet", description = "The snapshot to import.")
    Path file;

    @Option(names = "--repeat", defaultValue = "1", description = "Alternating runs of each (default: 1).")
    int repeat;

    @Option(names = "--heap", defaultValue = "256m", description = "-Xmx of the importing JVM (default: 256m).")
    String heap;

    @Option(names = "--dir", required = true, description = "Work folder (the CSV of the same rows is kept there).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Path work = Files.createDirectories(dir);
        Path csv = work.resolve(file.getFileName().toString().replaceAll("\\.parquet$", "") + ".csv");
        if (!Files.exists(csv)) {
            Path scratch = work.resolve("same-rows.divergence");
            Files.deleteIfExists(scratch);
            long start = System.nanoTime();
            try (Project project = Project.create(scratch)) {
                new ImportRepositories(project).asSoleUser().importFiles(List.of(file), ImportOptions.defaults(),
                        Progress.NONE);
                long rows = ExportRepositories.export(project, csv, RepositoryFilter.ALL, Progress.NONE);
                out.printf("wrote the same %,d rows as CSV (%.1f MB) in %.1f s: %s%n", rows, Files.size(csv) / 1e6,
                        (System.nanoTime() - start) / 1e9, csv);
            }
            Files.deleteIfExists(scratch);
        }
        out.printf("Parquet %.1f MB, CSV %.1f MB%n", Files.size(file) / 1e6, Files.size(csv) / 1e6);
        List<Double> csvSeconds = new ArrayList<>();
        List<Double> parquetSeconds = new ArrayList<>();
        String csvMemory = "";
        String parquetMemory = "";
        for (int run = 1; run <= repeat; run++) {
            ChildImport.Run fromCsv = ChildImport.time(work, "csv-" + run, heap, csv);
            ChildImport.Run fromParquet = ChildImport.time(work, "parquet-" + run, heap, file);
            csvSeconds.add(fromCsv.seconds());
            parquetSeconds.add(fromParquet.seconds());
            csvMemory = fromCsv.memory();
            parquetMemory = fromParquet.memory();
            out.printf("run %d: CSV %.2f s, Parquet %.2f s (ratio %.2f)%n", run, fromCsv.seconds(),
                    fromParquet.seconds(), fromParquet.seconds() / fromCsv.seconds());
        }
        double bestCsv = csvSeconds.stream().min(Double::compare).orElseThrow();
        double bestParquet = parquetSeconds.stream().min(Double::compare).orElseThrow();
        out.printf("best: CSV %.2f s (%s), Parquet %.2f s (%s), -Xmx%s; ratio %.2f (target ≤ 1.00)%n", bestCsv,
                csvMemory, bestParquet, parquetMemory, heap, bestParquet / bestCsv);
        if (repeat > 1) {
            List<Double> ratios = new ArrayList<>();
            for (int run = 0; run < repeat; run++) {
                ratios.add(parquetSeconds.get(run) / csvSeconds.get(run));
            }
            ratios.sort(Double::compare);
            out.printf("ratio of each run: median %.2f, from %.2f to %.2f%n", Quantiles.median(ratios),
                    ratios.getFirst(), ratios.getLast());
        }
        return 0;
    }
}
