package org.divergence.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.divergence.app.semantic.EvaluateSuggestions;
import org.divergence.app.semantic.PassageEmbeddings;
import org.divergence.app.semantic.SearchByMeaning;
import org.divergence.cli.common.ExitCodes;
import org.divergence.core.coding.TextSearch;
import org.divergence.core.common.Progress;
import org.divergence.core.semantic.HoldOutEvaluation;
import org.divergence.core.semantic.Suggestions;
import org.divergence.core.stats.Quantiles;
import org.divergence.exchange.semantic.MiniLmEmbedder;
import org.divergence.samples.CodingBenchmarkData;
import org.divergence.samples.SampleInterviews;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench semantic}: how good suggestions are on the sample interviews (leave one transcript out, precision and
 * recall per code at the default threshold, and overall at other thresholds), then how fast the local model is: a
 * 1 MB transcript embedded in the background (target under 2 minutes), and a search by meaning over it after the
 * project is opened again (target under 200 ms, beside a plain text search of the same text as the reference).
 */
@Command(name = "semantic", mixinStandardHelpOptions = true,
        description = "Benchmark suggestions (leave-one-transcript-out precision/recall on the sample interviews) "
                + "and the local model's speed on a 1 MB transcript.")
final class BenchSemanticCommand implements Callable<Integer> {

    private static final double EMBED_TARGET_S = 120;
    private static final double QUERY_TARGET_MS = 200;
    private static final List<Double> THRESHOLDS = List.of(0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70);

    @Option(names = "--bytes", defaultValue = "1000000", description = "Transcript size in UTF-8 bytes; 0 skips "
            + "the speed part.")
    int bytes;

    @Option(names = "--runs", defaultValue = "10", description = "Queries timed (the median is printed).")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        MiniLmEmbedder model = MiniLmEmbedder.shared();
        out.printf("Model        %s (runs in this process; no network)%n", model.modelName());
        Path folder = Files.createTempDirectory("bench-semantic");
        quality(out, model, folder);
        if (bytes > 0) {
            speed(out, model, folder);
        }
        return ExitCodes.OK;
    }

    private static void quality(PrintWriter out, MiniLmEmbedder model, Path folder) {
        Map<String, List<HoldOutEvaluation.Counts>> byCode;
        try (Project project = Project.create(folder.resolve("sample.divergence"))) {
            SampleInterviews.populate(project, Progress.NONE);
            byCode = EvaluateSuggestions.evaluate(project, model, THRESHOLDS, Progress.NONE);
        }
        int at = THRESHOLDS.indexOf(Suggestions.DEFAULT_THRESHOLD);
        out.printf("Suggestions  on the sample interviews (fictional), leave one transcript out, threshold %.2f;"
                + " a passage is a speaker turn, coded when Ana's or Ben's coding touches it%n",
                Suggestions.DEFAULT_THRESHOLD);
        out.printf("  %-66s %5s %5s %5s %9s %7s%n", "code", "TP", "FP", "FN", "precision", "recall");
        HoldOutEvaluation.Counts total = new HoldOutEvaluation.Counts(0, 0, 0);
        for (Map.Entry<String, List<HoldOutEvaluation.Counts>> code : byCode.entrySet()) {
            HoldOutEvaluation.Counts counts = code.getValue().get(at);
            total = total.plus(counts);
            out.printf("  %-66s %5d %5d %5d %9s %7s%n", code.getKey(), counts.truePositives(),
                    counts.falsePositives(), counts.falseNegatives(), share(counts.precision()),
                    share(counts.recall()));
        }
        out.printf("  %-66s %5d %5d %5d %9s %7s%n", "all codes (pooled)", total.truePositives(),
                total.falsePositives(), total.falseNegatives(), share(total.precision()), share(total.recall()));
        out.println("  pooled over all codes by threshold:");
        for (int i = 0; i < THRESHOLDS.size(); i++) {
            HoldOutEvaluation.Counts pooled = new HoldOutEvaluation.Counts(0, 0, 0);
            for (List<HoldOutEvaluation.Counts> counts : byCode.values()) {
                pooled = pooled.plus(counts.get(i));
            }
            out.printf("    %.2f  precision %s  recall %s  (%d suggested)%n", THRESHOLDS.get(i),
                    share(pooled.precision()), share(pooled.recall()),
                    pooled.truePositives() + pooled.falsePositives());
        }
    }

    private void speed(PrintWriter out, MiniLmEmbedder model, Path folder) {
        Path file = folder.resolve("speed.divergence");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Project project = Project.create(file)) {
            CodingBenchmarkData.Created created = CodingBenchmarkData.create(project, bytes, 0, 42);
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            PassageEmbeddings.update(project, model, Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("Embedding    %,d bytes, %,d passages: %.1f s wall, %.1f s CPU (target < %.0f s wall) %s%n",
                    created.utf8Bytes(), PassageEmbeddings.index(project, model, Progress.NONE).size(), seconds,
                    (os.getProcessCpuTime() - cpu) / 1e9, EMBED_TARGET_S, seconds < EMBED_TARGET_S ? "ok" : "SLOW");
        }
        List<Double> search = new ArrayList<>();
        List<Double> text = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            // Each run opens the project anew, as after a restart: the vectors come from the file.
            long start = System.nanoTime();
            try (Project project = Project.open(file)) {
                SearchByMeaning.search(project, model, "the cost of GPUs for training", 20, Progress.NONE);
                search.add((System.nanoTime() - start) / 1e6);
                start = System.nanoTime();
                TranscriptStore store = new TranscriptStore(project);
                for (var info : store.list()) {
                    TextSearch.findAll(store.text(info.id()), "GPU", true);
                }
                text.add((System.nanoTime() - start) / 1e6);
            }
        }
        double median = Quantiles.median(search);
        out.printf("Query        by meaning after opening the project: median %.0f ms, max %.0f ms (target < %.0f ms)"
                        + " %s; reference: text search of the same transcript %.0f ms%n", median,
                search.stream().mapToDouble(Double::doubleValue).max().orElse(0), QUERY_TARGET_MS,
                median < QUERY_TARGET_MS ? "ok" : "SLOW", Quantiles.median(text));
    }

    private static String share(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.2f", value);
    }
}
