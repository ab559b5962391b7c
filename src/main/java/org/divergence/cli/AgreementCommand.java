package org.divergence.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.divergence.app.agreement.ComputeAgreement;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.Json;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.agreement.AgreementCounts;
import org.divergence.core.agreement.AgreementResult;
import org.divergence.core.agreement.AgreementUnit;
import org.divergence.core.agreement.CodeAgreement;
import org.divergence.core.agreement.KappaBand;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Inter-coder agreement of two coders, per code and overall. */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = {"Inter-coder agreement of two coders per code and overall: units, the 2x2 counts, percent "
                + "agreement, Cohen's kappa (pe = p_yes_a*p_yes_b + p_no_a*p_no_b) and Krippendorff's alpha "
                + "(nominal).",
            "Every unit of every transcript counts, including text neither coder coded; a unit counts as coded when "
                + "any part of it carries the code. Codes are listed when at least one of the two coders applied "
                + "them; overall pools those codes. Kappa and alpha are null where undefined."})
final class AgreementCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--coders", required = true, paramLabel = "A,B", split = ",",
            description = "The two coders, by name.")
    List<String> coders;

    @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "character",
            description = "character (code point), sentence, paragraph or turn (speaker turn). Default: ${DEFAULT-VALUE}.")
    String unit;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (coders.size() != 2 || coders.stream().anyMatch(String::isBlank)) {
            throw new InvalidInputException("--coders: give exactly two coder names, e.g. --coders Ana,Ben");
        }
        AgreementUnit parsed = AgreementUnit.parse(unit);
        AgreementResult result;
        try (Project opened = Project.openForReading(project.path())) {
            result = ComputeAgreement.compute(opened, coders.get(0).strip(), coders.get(1).strip(), parsed,
                    Progress.NONE);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(toJson(result)));
        } else {
            printTable(out, result);
        }
        return ExitCodes.OK;
    }

    static ObjectNode toJson(AgreementResult result) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("unit", result.unit().code());
        ArrayNode names = root.putArray("coders");
        names.add(result.coderA());
        names.add(result.coderB());
        ArrayNode codes = root.putArray("codes");
        for (CodeAgreement code : result.codes()) {
            AgreementCounts counts = code.counts();
            ObjectNode node = codes.addObject();
            node.put("code", code.code());
            node.put("units", counts.units());
            node.put("both", counts.both());
            node.put("a_only", counts.aOnly());
            node.put("b_only", counts.bOnly());
            node.put("neither", counts.neither());
            figures(node, counts);
        }
        figures(root.putObject("overall"), result.overall());
        return root;
    }

    private static void figures(ObjectNode node, AgreementCounts counts) {
        node.put("percent_agreement", counts.percentAgreement());
        node.put("kappa", counts.kappa());
        node.put("alpha", counts.alpha());
    }

    private static void printTable(PrintWriter out, AgreementResult result) {
        out.printf("Agreement of %s (A) and %s (B), unit: %s, %,d units per code%n%n", result.coderA(),
                result.coderB(), result.unit().label().toLowerCase(java.util.Locale.ROOT), result.unitsPerCode());
        int width = Math.max(20, result.codes().stream().mapToInt(c -> c.code().length()).max().orElse(0));
        String format = "%-" + width + "s %10s %8s %8s %8s %10s %8s %7s %7s  %s%n";
        out.printf(format, "code", "units", "both", "A only", "B only", "neither", "agree %", "kappa", "alpha",
                "kappa band");
        for (CodeAgreement code : result.codes()) {
            row(out, format, code.code(), code.counts());
        }
        row(out, format, "overall (pooled)", result.overall());
        if (result.codes().isEmpty()) {
            out.println("\nNeither coder has applied a code yet.");
        }
        out.println("\nKappa bands after Landis & Koch (1977): < 0 poor, 0-0.20 slight, 0.21-0.40 fair, "
                + "0.41-0.60 moderate, 0.61-0.80 substantial, 0.81-1 almost perfect; - = undefined.");
    }

    private static void row(PrintWriter out, String format, String name, AgreementCounts counts) {
        out.printf(format, name, String.format("%,d", counts.units()), String.format("%,d", counts.both()),
                String.format("%,d", counts.aOnly()), String.format("%,d", counts.bOnly()),
                String.format("%,d", counts.neither()), number(counts.percentAgreement(), 1),
                number(counts.kappa(), 3), number(counts.alpha(), 3), KappaBand.of(counts.kappa()).label());
    }

    private static String number(Double value, int decimals) {
        return value == null ? "-" : String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
    }
}
