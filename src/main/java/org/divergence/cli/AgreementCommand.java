package org.divergence.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.divergence.app.agreement.ComputeAgreement;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.Json;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.agreement.AgreementCounts;
import org.divergence.core.agreement.AgreementFigures;
import org.divergence.core.agreement.AgreementResult;
import org.divergence.core.agreement.AgreementUnit;
import org.divergence.core.agreement.CodeAgreement;
import org.divergence.core.agreement.KappaBand;
import org.divergence.core.agreement.PairAgreement;
import org.divergence.core.agreement.TranscriptAgreement;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Inter-coder agreement of two or more coders, per code and overall (and per transcript). */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = {"Inter-coder agreement of two or more coders per code and overall: units, percent agreement, "
                + "Krippendorff's alpha (nominal) and unitizing alpha (alpha_u); for two coders the 2x2 counts and "
                + "Cohen's kappa (pe = p_yes_a*p_yes_b + p_no_a*p_no_b); for more, Fleiss' kappa and every pair's "
                + "counts and kappa.",
            "Every unit of every transcript counts, including text no coder coded; a unit counts as coded when any "
                + "part of it carries the code. Codes are listed when at least one of the coders applied them; "
                + "overall pools those codes. alpha_u always works on characters: the transcripts end to end in the "
                + "order of their names, each coder's overlapping or touching codings of a code merged. Figures are "
                + "null where undefined."})
final class AgreementCommand implements Callable<Integer> {

    private static final String BANDS = "Kappa bands after Landis & Koch (1977): < 0 poor, 0-0.20 slight, 0.21-0.40 "
            + "fair, 0.41-0.60 moderate, 0.61-0.80 substantial, 0.81-1 almost perfect; - = undefined.";

    @Mixin
    ProjectOption project;

    @Option(names = "--coders", required = true, paramLabel = "NAME", split = ",",
            description = "Two or more coders, by name, e.g. --coders Ana,Ben or --coders Ana,Ben,Cai.")
    List<String> coders;

    @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "character",
            description = "character (code point), sentence, paragraph or turn (speaker turn). Default: ${DEFAULT-VALUE}."
                    + " alpha_u always uses characters.")
    String unit;

    @Option(names = "--by-transcript", description = "Add the same figures for each transcript on its own.")
    boolean byTranscript;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (coders.size() < 2 || coders.stream().anyMatch(String::isBlank)) {
            throw new InvalidInputException("--coders: give two or more coder names, e.g. --coders Ana,Ben");
        }
        AgreementUnit parsed = AgreementUnit.parse(unit);
        AgreementResult result;
        try (Project opened = Project.openForReading(project.path())) {
            result = ComputeAgreement.compute(opened, coders.stream().map(String::strip).toList(), parsed,
                    byTranscript, Progress.NONE);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(toJson(result, byTranscript)));
        } else {
            new AgreementTable(out, result).print(byTranscript);
            out.println();
            out.println(BANDS);
        }
        return ExitCodes.OK;
    }

    static ObjectNode toJson(AgreementResult result, boolean byTranscript) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("unit", result.unit().code());
        ArrayNode names = root.putArray("coders");
        result.coders().forEach(names::add);
        codes(root.putArray("codes"), result.codes(), result.coders());
        overall(root.putObject("overall"), result.overall(), result.coders());
        if (byTranscript) {
            ArrayNode transcripts = root.putArray("transcripts");
            for (TranscriptAgreement transcript : result.transcripts()) {
                ObjectNode node = transcripts.addObject();
                node.put("transcript", transcript.transcript());
                node.put("units", transcript.unitsPerCode());
                codes(node.putArray("codes"), transcript.codes(), result.coders());
                overall(node.putObject("overall"), transcript.overall(), result.coders());
            }
        }
        return root;
    }

    private static void codes(ArrayNode array, List<CodeAgreement> codes, List<String> coders) {
        for (CodeAgreement code : codes) {
            ObjectNode node = array.addObject();
            node.put("code", code.code());
            counts(node, code.figures());
            figures(node, code.figures(), coders);
        }
    }

    /** Two coders: the figures as before plus alpha_u. More: units and the two-coder keys (null) first. */
    private static void overall(ObjectNode node, AgreementFigures figures, List<String> coders) {
        if (figures.coders() > 2) {
            counts(node, figures);
        }
        figures(node, figures, coders);
    }

    private static void counts(ObjectNode node, AgreementFigures figures) {
        AgreementCounts two = figures.twoCoders();
        node.put("units", figures.units());
        node.put("both", two == null ? null : two.both());
        node.put("a_only", two == null ? null : two.aOnly());
        node.put("b_only", two == null ? null : two.bOnly());
        node.put("neither", two == null ? null : two.neither());
    }

    private static void figures(ObjectNode node, AgreementFigures figures, List<String> coders) {
        node.put("percent_agreement", figures.percentAgreement());
        node.put("kappa", figures.kappa());
        node.put("alpha", figures.alpha());
        node.put("alpha_u", figures.alphaU());
        if (figures.coders() > 2) {
            node.put("fleiss_kappa", figures.fleissKappa());
            ArrayNode pairs = node.putArray("pairs");
            for (PairAgreement pair : figures.pairs()) {
                ObjectNode entry = pairs.addObject();
                entry.putArray("coders").add(coders.get(pair.coderA())).add(coders.get(pair.coderB()));
                AgreementCounts counts = pair.counts();
                entry.put("both", counts.both());
                entry.put("a_only", counts.aOnly());
                entry.put("b_only", counts.bOnly());
                entry.put("neither", counts.neither());
                entry.put("kappa", counts.kappa());
                entry.put("percent_agreement", counts.percentAgreement());
            }
        }
    }

    /** The text tables: one layout for two coders (the 2 × 2 counts), another for more (Fleiss and the pairs). */
    private record AgreementTable(PrintWriter out, AgreementResult result) {

        void print(boolean byTranscript) {
            List<String> coders = result.coders();
            String who = coders.size() == 2 ? coders.get(0) + " (A) and " + coders.get(1) + " (B)"
                    : String.join(", ", coders.subList(0, coders.size() - 1)) + " and " + coders.getLast();
            out.printf("Agreement of %s, unit: %s, %,d units per code; alpha_u over characters%n%n", who,
                    result.unit().label().toLowerCase(Locale.ROOT), result.unitsPerCode());
            table(result.codes(), result.overall());
            if (result.codes().isEmpty()) {
                out.println("\nNo coder has applied a code yet.");
            }
            if (byTranscript) {
                for (TranscriptAgreement transcript : result.transcripts()) {
                    out.printf("%nTranscript %s, %,d units per code%n", transcript.transcript(),
                            transcript.unitsPerCode());
                    table(transcript.codes(), transcript.overall());
                }
            }
        }

        private void table(List<CodeAgreement> codes, AgreementFigures overall) {
            int width = Math.max(20, codes.stream().mapToInt(c -> c.code().length()).max().orElse(0));
            boolean two = result.coders().size() == 2;
            String format = two ? "%-" + width + "s %10s %8s %8s %8s %10s %8s %7s %7s %7s  %s%n"
                    : "%-" + width + "s %10s %8s %7s %7s %7s  %s%n";
            if (two) {
                out.printf(format, "code", "units", "both", "A only", "B only", "neither", "agree %", "kappa",
                        "alpha", "alpha_u", "kappa band");
            } else {
                out.printf(format, "code", "units", "agree %", "fleiss", "alpha", "alpha_u", "fleiss band");
            }
            for (CodeAgreement code : codes) {
                row(format, code.code(), code.figures());
            }
            row(format, "overall (pooled)", overall);
            if (!two && !codes.isEmpty()) {
                pairs(codes, overall);
            }
        }

        private void row(String format, String name, AgreementFigures figures) {
            AgreementCounts two = figures.twoCoders();
            if (two != null) {
                out.printf(format, name, count(two.units()), count(two.both()), count(two.aOnly()),
                        count(two.bOnly()), count(two.neither()), number(figures.percentAgreement(), 1),
                        number(figures.kappa(), 3), number(figures.alpha(), 3), number(figures.alphaU(), 3),
                        KappaBand.of(figures.kappa()).label());
            } else {
                out.printf(format, name, count(figures.units()), number(figures.percentAgreement(), 1),
                        number(figures.fleissKappa(), 3), number(figures.alpha(), 3), number(figures.alphaU(), 3),
                        KappaBand.of(figures.fleissKappa()).label());
            }
        }

        private void pairs(List<CodeAgreement> codes, AgreementFigures overall) {
            int width = Math.max(20, codes.stream().mapToInt(c -> c.code().length()).max().orElse(0));
            String format = "%-" + width + "s %-24s %8s %8s %8s %10s %8s %7s%n";
            out.printf("%nPairs of coders (A, B)%n");
            out.printf(format, "code", "pair", "both", "A only", "B only", "neither", "agree %", "kappa");
            for (CodeAgreement code : codes) {
                pairRows(format, code.code(), code.figures());
            }
            pairRows(format, "overall (pooled)", overall);
        }

        private void pairRows(String format, String name, AgreementFigures figures) {
            for (PairAgreement pair : figures.pairs()) {
                AgreementCounts counts = pair.counts();
                out.printf(format, name, result.coders().get(pair.coderA()) + ", "
                                + result.coders().get(pair.coderB()), count(counts.both()), count(counts.aOnly()),
                        count(counts.bOnly()), count(counts.neither()), number(counts.percentAgreement(), 1),
                        number(counts.kappa(), 3));
            }
        }

        private static String count(long value) {
            return String.format("%,d", value);
        }

        private static String number(Double value, int decimals) {
            return value == null ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
        }
    }
}
