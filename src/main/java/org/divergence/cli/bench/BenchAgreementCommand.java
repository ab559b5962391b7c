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
import org.divergence.app.agreement.ComputeAgreement;
import org.divergence.app.refi.ExportProject;
import org.divergence.app.refi.MergeProject;
import org.divergence.cli.common.ExitCodes;
import org.divergence.core.agreement.AgreementResult;
import org.divergence.core.agreement.AgreementUnit;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.refi.MergeReport;
import org.divergence.core.stats.Quantiles;
import org.divergence.samples.CodingBenchmarkData;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench agreement}: the agreement of three coders on a long transcript (by default ~1 MB, about 500 pages, with
 * 15,000 codings, 5,000 per coder, over 8 codes) in every unit, every figure including unitizing alpha for all codes,
 * against the target of one second; then the REFI-QDA export of that project and its import into a new one.
 */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = "Benchmark inter-coder agreement on a 1 MB transcript (every unit, alpha_u for all codes) and "
                + "QDPX export/import.")
final class BenchAgreementCommand implements Callable<Integer> {

    /** Every figure, alpha_u for all codes included, for all coders on the 1 MB transcript. */
    private static final double TARGET_MS = 1000;

    @Option(names = "--bytes", defaultValue = "1000000", description = "Transcript size in UTF-8 bytes.")
    int bytes;

    @Option(names = "--coders", defaultValue = "3", description = "Coders (2 to 8).")
    int coders;

    @Option(names = "--codings", defaultValue = "15000", description = "Codings by all coders together.")
    int codings;

    @Option(names = "--runs", defaultValue = "5", description = "Runs per measurement (the median is printed).")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = Files.createTempDirectory("bench-agreement");
        try (Project project = Project.create(folder.resolve("bench.divergence"))) {
            if (coders < 2 || coders > CodingBenchmarkData.CODERS.size()) {
                throw new InvalidInputException("--coders: 2 to " + CodingBenchmarkData.CODERS.size());
            }
            List<String> names = CodingBenchmarkData.CODERS.subList(0, coders);
            CodingBenchmarkData.Created created = CodingBenchmarkData.create(project, bytes, codings, coders, 42);
            out.printf("Transcript   %,d bytes UTF-8, %,d code points; %,d codings by %s over 8 codes%n",
                    created.utf8Bytes(), created.lengthCodePoints(), created.codings(), String.join(", ", names));
            for (AgreementUnit unit : AgreementUnit.values()) {
                List<Double> times = new ArrayList<>();
                AgreementResult result = null;
                for (int run = 0; run < runs; run++) {
                    long start = System.nanoTime();
                    result = ComputeAgreement.compute(project, names, unit, false, Progress.NONE);
                    times.add(millis(start));
                }
                double median = Quantiles.median(times);
                out.printf("Agreement    %-12s median %7.1f ms (first %7.1f ms): %,d units per code, overall alpha "
                                + "%.3f, alpha_u %.3f, %,d disagreements%n", unit.code(), median, times.getFirst(),
                        result.unitsPerCode(), result.overall().alpha(), result.overall().alphaU(),
                        result.disagreements().size());
                if (unit == AgreementUnit.CHARACTER) {
                    out.printf("Target       every figure with alpha_u for all %d codes, %d coders, under %.0f ms: "
                            + "%s%n", result.codes().size(), coders, TARGET_MS, median < TARGET_MS ? "met" : "MISSED");
                }
            }
            Path qdpx = folder.resolve("bench.qdpx");
            long start = System.nanoTime();
            ExportProject.exportQdpx(project, qdpx);
            out.printf("QDPX export  %.0f ms, %,d KB%n", millis(start), Files.size(qdpx) / 1024);
            try (Project copy = Project.create(folder.resolve("copy.divergence"))) {
                start = System.nanoTime();
                MergeReport report = MergeProject.importFile(copy, qdpx);
                out.printf("QDPX import  %.0f ms into a new project (%,d codings added)%n", millis(start),
                        report.count(MergeReport.Item.CODINGS).added());
                start = System.nanoTime();
                MergeReport again = MergeProject.importFile(copy, qdpx);
                out.printf("QDPX merge   %.0f ms of the same file again (%,d codings already present)%n",
                        millis(start), again.count(MergeReport.Item.CODINGS).matchedOtherwise());
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return ExitCodes.OK;
    }

    private static double millis(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

}
