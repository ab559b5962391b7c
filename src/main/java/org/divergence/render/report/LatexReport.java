package org.divergence.render.report;

import java.util.ArrayList;
import java.util.List;
import org.divergence.core.metrics.ComparisonTable;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.Headlines;
import org.divergence.core.metrics.PairComparison;
import org.divergence.core.metrics.PaperFormat;
import org.divergence.core.metrics.StratifiedTable;
import org.divergence.core.report.AgreementSection;
import org.divergence.core.report.CodebookSummary;
import org.divergence.core.report.FactorSection;
import org.divergence.core.report.JointDisplayBuilder;
import org.divergence.core.report.Provenance;
import org.divergence.core.report.ReportModel;
import org.divergence.core.report.SampleDescription;

/**
 * The report's tables for a paper, as one LaTeX file to \\input: sample, comparison (per compared pair), codebook
 * with frequencies, agreement and factor tags when there are any, and the joint display, all with booktabs rules.
 * The provenance is in comment lines at the top. Deterministic.
 */
public final class LatexReport {

    private final ReportModel model;
    private final StringBuilder out = new StringBuilder(32 * 1024);

    private LatexReport(ReportModel model) {
        this.model = model;
    }

    public static String render(ReportModel model) {
        return new LatexReport(model).document();
    }

    private static String tex(String text) {
        return ComparisonTable.latex(text == null ? "" : text);
    }

    private void comment(String text) {
        out.append("% ").append(text.replace('\n', ' ').replace('\r', ' ')).append('\n');
    }

    private String document() {
        Provenance provenance = model.provenance();
        comment(model.title() + ": tables for papers. Needs \\usepackage{booktabs}.");
        comment("Made with " + provenance.application() + " " + provenance.version() + " from project \""
                + provenance.projectName() + "\", content SHA-256 " + provenance.contentSha256() + ".");
        comment("Grouping: " + provenance.grouping() + "; filters: " + provenance.filterDescription() + "; bootstrap: "
                + provenance.resamples() + " resamples, seed " + provenance.seed() + ".");
        provenance.customDefinitions().forEach(definition -> comment("Custom metric " + definition));
        for (String draw : provenance.sampleDraws()) {
            comment("Sample drawn: " + draw);
        }
        if (provenance.generatedAt() != null) {
            comment("Generated " + Reports.instant(provenance.generatedAt()) + ".");
        }
        comment("Reproduce: " + provenance.command(provenance.projectName()) + " --format latex");
        out.append('\n');
        sample();
        comparison();
        codebook();
        agreement();
        factors();
        comment("Joint display");
        out.append(new JointDisplayTable(model.jointDisplay()).toLatex("Joint display: each dimension and metric "
                + "with its result, the codes linked to it or co-occurring with them, representative quotes and "
                + "the interpretation."));
        return out.toString();
    }

    private void table(String label, String caption, String columns, List<String> header, List<List<String>> rows,
                       List<String> footer) {
        comment(label);
        out.append("\\begin{table}\n\\centering\n\\small\n\\begin{tabular}{").append(columns).append("}\n\\toprule\n");
        out.append(String.join(" & ", header.stream().map(LatexReport::tex).toList())).append(" \\\\\n\\midrule\n");
        for (List<String> row : rows) {
            out.append(String.join(" & ", row)).append(" \\\\\n");
        }
        if (footer != null) {
            out.append("\\midrule\n").append(String.join(" & ", footer)).append(" \\\\\n");
        }
        out.append("\\bottomrule\n\\end{tabular}\n\\caption{").append(tex(caption)).append("}\n\\end{table}\n\n");
    }

    private void sample() {
        SampleDescription sample = model.sample();
        List<List<String>> rows = sample.counts().stream().map(count -> List.of(tex(count.platform().displayName()),
                tex(count.type().code()), tex(PaperFormat.count(count.inProject())),
                tex(PaperFormat.count(count.inReport())))).toList();
        table("Sample", "Repositories per platform and type; " + model.provenance().filterDescription() + ". "
                        + Reports.interviews(sample.interviews()), "llrr",
                List.of("Platform", "Type", "In the project", "In this report"), rows,
                List.of("Total", "", tex(PaperFormat.count(sample.totalInProject())),
                        tex(PaperFormat.count(sample.totalInReport()))));
    }

    private void comparison() {
        if (!model.hasComparison()) {
            comment("Comparison: no repositories to compare with these settings.");
            out.append('\n');
            return;
        }
        for (PairComparison pair : model.comparison().comparisons()) {
            comment("Comparison: " + pair.a().label() + " (a) vs " + pair.b().label() + " (b)");
            out.append(new ComparisonTable(pair, ComparisonTable.caption(pair, model.comparison().filter())).toLatex())
                    .append('\n');
            if (pair.stratified() != null) {
                comment("Within creation years: " + pair.a().label() + " (a) vs " + pair.b().label() + " (b)");
                out.append(new StratifiedTable(pair).toLatex()).append('\n');
            }
        }
    }

    private void codebook() {
        CodebookSummary codebook = model.codebook();
        if (codebook.isEmpty()) {
            comment("Codebook: the project has no codes.");
            out.append('\n');
            return;
        }
        List<String> header = new ArrayList<>(List.of("Code", "Segments"));
        header.addAll(codebook.coders());
        header.addAll(List.of("Cases", "Transcripts"));
        List<List<String>> rows = codebook.rows().stream().map(row -> {
            List<String> cells = new ArrayList<>();
            cells.add("\\quad ".repeat(row.depth()) + tex(row.name()));
            cells.add(tex(PaperFormat.count(row.segments())));
            row.segmentsPerCoder().forEach(count -> cells.add(tex(PaperFormat.count(count))));
            cells.add(tex(PaperFormat.count(row.cases())));
            cells.add(tex(PaperFormat.count(row.transcripts())));
            return List.copyOf(cells);
        }).toList();
        table("Codebook", "Codebook with frequencies: coded segments per code (its own codings), per coder, and "
                + "the cases and transcripts it occurs in.", "l" + "r".repeat(header.size() - 1), header, rows, null);
    }

    private void agreement() {
        AgreementSection agreement = model.agreement();
        if (!agreement.isComputed()) {
            comment("Inter-coder agreement: " + agreement.note());
            out.append('\n');
            return;
        }
        AgreementSection.Summary summary = agreement.summary();
        Reports.AgreementTable table = Reports.agreementTable(summary);
        List<String> footer = new ArrayList<>(List.of("Overall (pooled)"));
        footer.addAll(java.util.Collections.nCopies(table.countColumns(), ""));
        footer.addAll(table.overallFigures().stream().map(LatexReport::tex).toList());
        table("Inter-coder agreement", Reports.agreementIntro(summary), "l" + "r".repeat(table.header().size() - 1),
                table.header(), texRows(table.rows()), footer);
        List<List<String>> pairs = Reports.agreementPairs(summary);
        if (!pairs.isEmpty()) {
            table("Inter-coder agreement, pairs", "Each pair of coders, pooled over codes.",
                    "l" + "r".repeat(Reports.AGREEMENT_PAIRS_HEADER.size() - 1), Reports.AGREEMENT_PAIRS_HEADER,
                    texRows(pairs), null);
        }
    }

    private static List<List<String>> texRows(List<List<String>> rows) {
        return rows.stream().map(row -> row.stream().map(LatexReport::tex).toList()).toList();
    }

    private void factors() {
        FactorSection factors = model.factors();
        if (!factors.available() || factors.factors().isEmpty()) {
            comment("Factor tags: " + factors.note());
            out.append('\n');
            return;
        }
        List<String> header = new ArrayList<>(List.of("Factor", "Tagged"));
        for (Dimension dimension : Dimension.builtIn()) {
            header.add(Headlines.leadMetric(dimension).label());
        }
        List<List<String>> rows = factors.factors().stream().map(factor -> {
            List<String> cells = new ArrayList<>(List.of(tex(factor.name()),
                    tex(PaperFormat.count(factor.repositories()))));
            for (Dimension dimension : Dimension.builtIn()) {
                cells.add(factor.comparison() == null ? PaperFormat.UNDEFINED.replace("—", "---")
                        : tex(JointDisplayBuilder.effect(factor.comparison().metric(Headlines.leadMetric(dimension)))));
            }
            return List.copyOf(cells);
        }).toList();
        table("Factor tags", "Factor tags: repositories tagged with each factor, and tagged vs untagged "
                + "repositories on each dimension's lead metric. " + factors.note(), "lr" + "l".repeat(header.size() - 2),
                header, rows, null);
    }
}
