package org.divergence.app.agreement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.divergence.core.agreement.AgreementResult;
import org.divergence.core.agreement.AgreementUnit;
import org.divergence.core.agreement.CodeAgreement;
import org.divergence.core.agreement.CodedRange;
import org.divergence.core.coding.Coder;
import org.divergence.core.common.Progress;
import org.divergence.samples.CodingBenchmarkData;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.project.Project;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;

/**
 * Not a test: run by bench/agreement-dkpro.sh. On the data of {@code bench agreement} (3 coders, 15,000 codings on a
 * 1 MB transcript) it times the workbench's whole agreement computation and DKPro Statistics 2.2.1's unitizing alpha
 * (its overall and every code's) on the same units in the same run, and says whether the values are the same
 * doubles: the measurement behind ADR 0090's choice to compute alpha_u ourselves with DKPro as the test reference.
 */
public final class UnitizingAlphaDkproBenchmark {

    private UnitizingAlphaDkproBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int codings = args.length > 0 ? Integer.parseInt(args[0]) : 15_000;
        Path folder = Files.createTempDirectory("bench-alpha-u");
        try (Project project = Project.create(folder.resolve("bench.divergence"))) {
            CodingBenchmarkData.Created created = CodingBenchmarkData.create(project, 1_000_000, codings, 3, 42);
            List<String> names = CodingBenchmarkData.CODERS.subList(0, 3);
            long start = System.nanoTime();
            AgreementResult ours = ComputeAgreement.compute(project, names, AgreementUnit.CHARACTER, false,
                    Progress.NONE);
            double oursMs = (System.nanoTime() - start) / 1e6;

            UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(3, 0, created.lengthCodePoints());
            List<Coder> coders = new CodingStore(project).coders();
            for (CodeAgreement code : ours.codes()) {
                for (int rater = 0; rater < 3; rater++) {
                    String name = names.get(rater);
                    long coderId = coders.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
                    for (long[] unit : merged(project, coderId, code.codeId())) {
                        study.addUnit(unit[0], unit[1] - unit[0], rater, code.code());
                    }
                }
            }
            start = System.nanoTime();
            KrippendorffAlphaUnitizingAgreement dkpro = new KrippendorffAlphaUnitizingAgreement(study);
            double overall = dkpro.calculateAgreement();
            double overallMs = (System.nanoTime() - start) / 1e6;
            boolean same = overall == ours.overall().alphaU();
            for (CodeAgreement code : ours.codes()) {
                same &= dkpro.calculateCategoryAgreement(code.code()) == code.figures().alphaU();
            }
            double allMs = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "%,d codings by 3 coders over %d codes, %,d units after merging, "
                            + "%,d code points%n", created.codings(), ours.codes().size(), study.getUnitCount(),
                    created.lengthCodePoints());
            System.out.printf(Locale.ROOT, "workbench  every figure incl. alpha_u of all codes: %8.1f ms "
                    + "(first run, JIT cold)%n", oursMs);
            System.out.printf(Locale.ROOT, "DKPro      calculateAgreement():                   %8.1f ms%n", overallMs);
            System.out.printf(Locale.ROOT, "DKPro      + every calculateCategoryAgreement():   %8.1f ms%n", allMs);
            System.out.printf(Locale.ROOT, "same doubles (overall and every code): %s; alpha_u overall %.6f%n", same,
                    overall);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The coder's codings of the code, overlapping and touching ones merged, as on the continuum of one transcript. */
    private static List<long[]> merged(Project project, long coderId, long codeId) {
        Map<Long, List<CodedRange>> byTranscript = project.read(connection ->
                CodingStore.rangesByTranscript(connection, coderId));
        List<long[]> units = new ArrayList<>();
        for (List<CodedRange> ranges : byTranscript.values()) {
            ranges.stream().filter(range -> range.codeId() == codeId).sorted(java.util.Comparator
                    .comparingInt(CodedRange::start)).forEach(range -> {
                        if (!units.isEmpty() && range.start() <= units.getLast()[1]) {
                            units.getLast()[1] = Math.max(units.getLast()[1], range.end());
                        } else {
                            units.add(new long[] {range.start(), range.end()});
                        }
                    });
        }
        return units;
    }
}
