package org.divergence.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.divergence.core.stats.Quantiles;
import org.divergence.samples.SampleCsv;
import org.divergence.samples.SyntheticRepositories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The import target, measured: generates the study-sized canonical CSV, then times the sqlite3 shell's own
 * {@code .import} into a plain table and this app's {@code import} into a new project (in a child JVM with a
 * bounded heap), alternately, and reports both with the ratio.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Time importing the study-sized sample (2,869,319 rows) against the sqlite3 shell's .import.")
public final class BenchImportCommand implements Callable<Integer> {

    @Option(names = "--github", defaultValue = "" + SyntheticRepositories.STUDY_GITHUB)
    int github;

    @Option(names = "--huggingface", defaultValue = "" + SyntheticRepositories.STUDY_HUGGING_FACE)
    int huggingFace;

    @Option(names = "--repeat", defaultValue = "1", description = "Alternating runs of each (default: 1).")
    int repeat;

    @Option(names = "--heap", defaultValue = "256m", description = "-Xmx of the importing JVM (default: 256m).")
    String heap;

    @Option(names = "--dir", description = "Work folder (default: a temporary folder, deleted afterwards).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("divergence-bench") : Files.createDirectories(dir);
        try {
            Path csv = work.resolve("study.csv");
            long start = System.nanoTime();
            SampleCsv.write(csv, 20_260_426L, github, huggingFace, false);
            out.printf("generated %,d rows (%,d GitHub, %,d Hugging Face), %.1f MB, in %.1f s: %s%n",
                    github + huggingFace, github, huggingFace, Files.size(csv) / 1e6, seconds(start), csv);
            List<Double> sqlite = new ArrayList<>();
            List<Double> ours = new ArrayList<>();
            String oursMemory = "";
            for (int run = 1; run <= repeat; run++) {
                sqlite.add(timeSqlite(work, csv, run));
                ChildImport.Run child = ChildImport.time(work, "bench-" + run, heap, csv);
                ours.add(child.seconds());
                oursMemory = child.memory();
                out.printf("run %d: sqlite3 .import %.2f s, divergence-workbench import %.2f s (ratio %.2f)%n", run,
                        sqlite.getLast(), ours.getLast(), ours.getLast() / sqlite.getLast());
            }
            double bestSqlite = sqlite.stream().min(Double::compare).orElseThrow();
            double bestOurs = ours.stream().min(Double::compare).orElseThrow();
            out.printf("best: sqlite3 %.2f s, divergence-workbench %.2f s (-Xmx%s), ratio %.2f (target ≤ 1.50);"
                    + " %,.0f rows/s; %s%n", bestSqlite, bestOurs, heap, bestOurs / bestSqlite,
                    (github + huggingFace) / bestOurs, oursMemory);
            if (repeat > 1) {
                // On a machine whose CPU is shared, single runs of either side vary; the median run says more.
                List<Double> ratios = new ArrayList<>();
                for (int run = 0; run < repeat; run++) {
                    ratios.add(ours.get(run) / sqlite.get(run));
                }
                ratios.sort(Double::compare);
                double median = Quantiles.median(ratios);
                out.printf("ratio of each run: median %.2f, from %.2f to %.2f%n", median, ratios.getFirst(),
                        ratios.getLast());
            }
            return 0;
        } finally {
            if (temporary) {
                deleteTree(work);
            }
        }
    }

    private double timeSqlite(Path work, Path csv, int run) throws IOException, InterruptedException {
        Path database = work.resolve("sqlite3-" + run + ".db");
        Files.deleteIfExists(database);
        String script = "CREATE TABLE repo(platform, repo_type, full_name, created_at, contributors, commits,"
                + " pull_requests, merged_pull_requests, issues, discussions, stars, forks, downloads, likes,"
                + " derivatives);\n.mode csv\n.import --skip 1 " + csv + " repo\n";
        Path scriptFile = work.resolve("import.sql");
        Files.writeString(scriptFile, script, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Process process = new ProcessBuilder("sqlite3", database.toString()).redirectInput(scriptFile.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("sqlite3 failed: " + output);
        }
        double seconds = seconds(start);
        Files.deleteIfExists(database);
        return seconds;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
