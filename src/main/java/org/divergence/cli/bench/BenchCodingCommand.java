package org.divergence.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.divergence.cli.common.ExitCodes;
import org.divergence.core.coding.Coding;
import org.divergence.core.coding.SpeakerTurns;
import org.divergence.core.stats.Quantiles;
import org.divergence.core.text.CodePointIndex;
import org.divergence.core.undo.UndoHistory;
import org.divergence.samples.CodingBenchmarkData;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;
import org.divergence.store.undo.ProjectCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench coding}: a ~1 MB transcript (about 500 pages) with 5,000 codings. Measures loading it as the editor
 * does (text, codings, code point index, speaker turns) and the commit latency of applying a code and of undoing.
 * Rendering into the editor needs a toolkit: see bench/coding-editor.sh.
 */
@Command(name = "coding", mixinStandardHelpOptions = true,
        description = "Benchmark coding: open a 1 MB transcript with 5,000 codings; apply-a-code commit latency.")
final class BenchCodingCommand implements Callable<Integer> {

    @Option(names = "--bytes", defaultValue = "1000000", description = "Transcript size in UTF-8 bytes.")
    int bytes;

    @Option(names = "--codings", defaultValue = "5000", description = "Codings on the transcript.")
    int codings;

    @Option(names = "--applications", defaultValue = "200", description = "How many codes to apply and time.")
    int applications;

    @Option(names = "--keep", paramLabel = "FILE", description = "Keep the benchmark project at FILE.")
    Path keep;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = Files.createTempDirectory("bench-coding");
        Path file = keep != null ? keep : folder.resolve("bench.divergence");
        try (Project project = Project.create(file)) {
            long t0 = System.nanoTime();
            CodingBenchmarkData.Created created = CodingBenchmarkData.create(project, bytes, codings, 42);
            double setupMs = millis(t0);
            out.printf("Transcript   %,d bytes UTF-8, %,d code points; %,d codings by 2 coders (setup %.0f ms)%n",
                    created.utf8Bytes(), created.lengthCodePoints(), created.codings(), setupMs);

            List<Double> opens = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                long start = System.nanoTime();
                String text = new TranscriptStore(project).text(created.transcriptId());
                List<Coding> loaded = new CodingStore(project).codings(created.transcriptId());
                CodePointIndex index = CodePointIndex.of(text);
                int turns = SpeakerTurns.detect(text).size();
                opens.add(millis(start));
                if (loaded.size() != created.codings() || index.codePointLength() != created.lengthCodePoints()
                        || turns == 0) {
                    throw new IllegalStateException("benchmark data did not load back as written");
                }
            }
            out.printf("Open (load)  median %.1f ms, max %.1f ms over %d runs (text, codings, offsets index, "
                    + "speaker turns; first run %.1f ms)%n", Quantiles.median(opens), max(opens), opens.size(), opens.getFirst());

            UndoHistory history = new UndoHistory();
            CodingStore store = new CodingStore(project);
            List<Double> applies = new ArrayList<>();
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < applications; i++) {
                int start = random.nextInt(created.lengthCodePoints() - 1000);
                ProjectCommand<Long> command = store.applyCode(created.transcriptId(), created.codeId(),
                        created.coderId(), start, start + 1 + random.nextInt(900), "bench");
                long begin = System.nanoTime();
                history.execute(command);
                applies.add(millis(begin));
            }
            List<Double> undos = new ArrayList<>();
            for (int i = 0; i < Math.min(50, applications); i++) {
                long begin = System.nanoTime();
                history.undo();
                undos.add(millis(begin));
            }
            out.printf("Apply code   median %.2f ms, p95 %.2f ms, max %.2f ms over %d commits (target < 50 ms)%n",
                    Quantiles.median(applies), Quantiles.linear(applies, 0.95), max(applies), applies.size());
            out.printf("Undo         median %.2f ms, p95 %.2f ms over %d undos%n", Quantiles.median(undos),
                    Quantiles.linear(undos, 0.95), undos.size());
            out.printf("Project file %,d KB%n", Files.size(file) / 1024);
        } finally {
            if (keep == null) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
        return ExitCodes.OK;
    }

    private static double millis(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
