package org.divergence.render.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
import org.divergence.core.report.Html;
import org.divergence.core.report.JointDisplayBuilder;
import org.divergence.core.report.Provenance;
import org.divergence.core.report.ReportChart;
import org.divergence.core.report.ReportModel;
import org.divergence.core.report.SampleDescription;
import org.divergence.core.repositories.ImportBatch;

/**
 * The report as Markdown for notebooks (Jupyter, Quarto, R Markdown): the same sections as the HTML page, tables in
 * pipe syntax, charts as SVG data-URI images (they need no file beside the notebook). Deterministic.
 */
public final class MarkdownReport {

    private final ReportModel model;
    private final StringBuilder out = new StringBuilder(32 * 1024);

    private MarkdownReport(ReportModel model) {
        this.model = model;
    }

    public static String render(ReportModel model) {
        return new MarkdownReport(model).document();
    }

    private String document() {
        Provenance provenance = model.provenance();
        out.append("# ").append(inline(model.title())).append("\n\n_")
                .append(inline(capitalized(provenance.filterDescription()))).append("; grouped by ")
                .append(inline(provenance.grouping())).append('.');
        if (provenance.generatedAt() != null) {
            out.append(" Generated ").append(Reports.instant(provenance.generatedAt())).append('.');
        }
        out.append("_\n\n");
        sample();
        comparison();
        charts();
        codebook();
        agreement();
        jointDisplay();
        factors();
        provenance();
        return out.toString();
    }

    private void heading(String id) {
        String title = ReportModel.SECTIONS.stream().filter(section -> section.id().equals(id)).findFirst()
                .orElseThrow().title();
        out.append("## ").append(title).append("\n\n");
    }

    /** A pipe table; columns from {@code firstNumeric} on are right-aligned (-1: none). */
    private void table(List<String> header, List<List<String>> rows, int firstNumeric) {
        out.append('|');
        header.forEach(cell -> out.append(' ').append(cell(cell)).append(" |"));
        out.append("\n|");
        for (int i = 0; i < header.size(); i++) {
            out.append(firstNumeric >= 0 && i >= firstNumeric ? " ---: |" : " --- |");
        }
        out.append('\n');
        for (List<String> row : rows) {
            out.append('|');
            row.forEach(cell -> out.append(' ').append(cell.isEmpty() ? PlainText.NONE : cell).append(" |"));
            out.append('\n');
        }
        out.append('\n');
    }

    private void sample() {
        SampleDescription sample = model.sample();
        heading("sample");
        out.append(PaperFormat.count(sample.totalInProject())).append(" repositories in the project; ")
                .append(PaperFormat.count(sample.totalInReport())).append(" in this report (")
                .append(inline(model.provenance().filterDescription())).append(").\n\n");
        List<List<String>> rows = new java.util.ArrayList<>(sample.counts().stream().map(count -> List.of(
                cell(count.platform().displayName()), cell(count.type().code()), PaperFormat.count(count.inProject()),
                PaperFormat.count(count.inReport()))).toList());
        rows.add(List.of("**Total**", "", "**" + PaperFormat.count(sample.totalInProject()) + "**",
                "**" + PaperFormat.count(sample.totalInReport()) + "**"));
        table(List.of("Platform", "Type", "In the project", "In this report"), rows, 2);
        out.append("### Import batches\n\n");
        if (sample.batches().isEmpty()) {
            out.append("No repository sample has been imported.\n\n");
        } else {
            table(List.of("#", "Source", "Format", "Imported (UTC)", "Rows read", "Added", "Updated", "Skipped",
                    "Current", "SHA-256 of the source"), sample.batches().stream().map(MarkdownReport::batch).toList(),
                    -1);
            queries(sample.batches());
        }
        out.append("### Interviews\n\n").append(inline(Reports.interviews(sample.interviews()))).append("\n\n");
    }

    /** The batches a database server computed: where, and the exact SQL it ran. */
    private void queries(List<ImportBatch> batches) {
        List<ImportBatch> queried = batches.stream().filter(batch -> batch.query() != null).toList();
        if (queried.isEmpty()) {
            return;
        }
        out.append("#### ").append(Reports.QUERIES_HEADING).append("\n\n");
        for (ImportBatch batch : queried) {
            out.append("Batch ").append(batch.id()).append(": ").append(inline(batch.query().describe()))
                    .append(".\n\n```sql\n").append(batch.query().sql().stripTrailing()).append("\n```\n\n");
        }
    }

    private static List<String> batch(ImportBatch batch) {
        return List.of(Long.toString(batch.id()), cell(batch.sourceName()), cell(batch.format()),
                Reports.instant(batch.importedAt()), PaperFormat.count(batch.rowsRead()), PaperFormat.count(batch.added()),
                PaperFormat.count(batch.updated()), PaperFormat.count(batch.skipped()),
                PaperFormat.count(batch.currentRepositories()),
                batch.sourceSha256() == null ? "" : "`" + batch.sourceSha256() + "`");
    }

    private void comparison() {
        heading("comparison");
        if (!model.hasComparison()) {
            out.append("No repositories to compare with these settings.\n\n");
            return;
        }
        out.append(PaperFormat.count(model.comparison().rowsRead())).append(" repositories read; ")
                .append(inline(model.comparison().filter().describe())).append(". Bootstrap intervals: ")
                .append(PaperFormat.count(model.comparison().bootstrap().resamples())).append(" resamples, seed ")
                .append(model.comparison().bootstrap().seed()).append(".\n\n");
        for (PairComparison pair : model.comparison().comparisons()) {
            out.append("### ").append(inline(pair.a().label())).append(" (a) vs ").append(inline(pair.b().label()))
                    .append(" (b)\n\n");
            for (Headlines.Headline headline : Headlines.of(pair, model.comparison().filter())) {
                out.append("- **").append(inline(headline.dimension().label())).append(".** ")
                        .append(inline(headline.sentence())).append('\n');
            }
            out.append('\n').append(new ComparisonTable(pair, ComparisonTable.caption(pair,
                    model.comparison().filter())).toMarkdown()).append('\n');
            if (pair.stratified() != null) {
                out.append("#### Within creation years\n\n").append(new StratifiedTable(pair).toMarkdown())
                        .append('\n');
            }
        }
    }

    private void charts() {
        heading("charts");
        if (model.charts().isEmpty()) {
            out.append("No charts: there is nothing to compare.\n\n");
        }
        for (ReportChart chart : model.charts()) {
            out.append("![").append(inline(chart.title())).append("](data:image/svg+xml;base64,")
                    .append(Base64.getEncoder().encodeToString(chart.svg().getBytes(StandardCharsets.UTF_8)))
                    .append(")\n\n*").append(inline(chart.title())).append(".* ").append(inline(chart.caption()))
                    .append("\n\n");
        }
    }

    private void codebook() {
        CodebookSummary codebook = model.codebook();
        heading("codebook");
        if (codebook.isEmpty()) {
            out.append("The project has no codes.\n\n");
            return;
        }
        List<String> header = new java.util.ArrayList<>(List.of("Code", "Segments"));
        header.addAll(codebook.coders());
        header.addAll(List.of("Cases", "Transcripts"));
        List<List<String>> rows = codebook.rows().stream().map(row -> {
            List<String> cells = new java.util.ArrayList<>();
            cells.add("&nbsp;&nbsp;".repeat(row.depth()) + cell(row.name()));
            cells.add(PaperFormat.count(row.segments()));
            row.segmentsPerCoder().forEach(count -> cells.add(PaperFormat.count(count)));
            cells.add(PaperFormat.count(row.cases()));
            cells.add(PaperFormat.count(row.transcripts()));
            return List.copyOf(cells);
        }).toList();
        table(header, rows, 1);
    }

    private void agreement() {
        AgreementSection agreement = model.agreement();
        heading("agreement");
        if (!agreement.isComputed()) {
            out.append(inline(agreement.note())).append("\n\n");
            return;
        }
        AgreementSection.Summary summary = agreement.summary();
        out.append(inline(Reports.agreementIntro(summary))).append("\n\n");
        Reports.AgreementTable table = Reports.agreementTable(summary);
        List<List<String>> rows = new java.util.ArrayList<>(table.rows().stream()
                .map(row -> escapedFirst(row)).toList());
        List<String> overall = new java.util.ArrayList<>(List.of("**Overall (pooled)**"));
        overall.addAll(java.util.Collections.nCopies(table.countColumns(), ""));
        overall.addAll(table.overallFigures());
        rows.add(overall);
        table(table.header(), rows, 1);
        List<List<String>> pairs = Reports.agreementPairs(summary);
        if (!pairs.isEmpty()) {
            out.append("Each pair of coders, pooled over codes:\n\n");
            table(Reports.AGREEMENT_PAIRS_HEADER, pairs.stream().map(row -> escapedFirst(row)).toList(), 1);
        }
    }

    private static List<String> escapedFirst(List<String> row) {
        List<String> cells = new java.util.ArrayList<>(row);
        cells.set(0, cell(row.getFirst()));
        return cells;
    }

    private void jointDisplay() {
        heading("joint-display");
        out.append("Each dimension and metric with its result, the codes linked to it (and those of its linked quotes, "
                + "and codes that co-occur with them), representative quotes and the interpretation.\n\n");
        out.append(new JointDisplayTable(model.jointDisplay()).toMarkdown()).append('\n');
    }

    private void factors() {
        FactorSection factors = model.factors();
        heading("factors");
        if (!factors.available() || factors.factors().isEmpty()) {
            out.append(inline(factors.note())).append("\n\n");
            return;
        }
        List<String> header = new java.util.ArrayList<>(List.of("Factor", "Repositories tagged"));
        for (Dimension dimension : Dimension.builtIn()) {
            header.add(Headlines.leadMetric(dimension).label());
        }
        List<List<String>> rows = factors.factors().stream().map(factor -> {
            List<String> cells = new java.util.ArrayList<>(List.of(cell(factor.name()),
                    PaperFormat.count(factor.repositories())));
            for (Dimension dimension : Dimension.builtIn()) {
                cells.add(factor.comparison() == null ? "" : cell(JointDisplayBuilder.effect(
                        factor.comparison().metric(Headlines.leadMetric(dimension)))));
            }
            return List.copyOf(cells);
        }).toList();
        table(header, rows, 1);
        out.append(inline(factors.note())).append("\n\n");
    }

    private void provenance() {
        Provenance provenance = model.provenance();
        heading("provenance");
        out.append("- **Application:** ").append(inline(provenance.application() + " " + provenance.version()))
                .append("\n- **Project:** ").append(inline(provenance.projectName()))
                .append("\n- **Project content SHA-256:** `").append(provenance.contentSha256()).append("` (")
                .append(inline(provenance.contentScope())).append(")\n- **Grouping:** ")
                .append(inline(provenance.grouping())).append("\n- **Filters:** ")
                .append(inline(provenance.filterDescription())).append("\n- **Bootstrap:** ")
                .append(PaperFormat.count(provenance.resamples())).append(" resamples, seed ").append(provenance.seed())
                .append(", ").append(Math.round(provenance.confidence() * 100))
                .append("% percentile intervals\n- **Charts:** ").append(inline(provenance.charts())).append('\n');
        if (!provenance.customMetrics().isEmpty()) {
            out.append("- **Custom metrics:**\n");
            provenance.customDefinitions().forEach(definition -> out.append("  - `")
                    .append(definition.replace("`", "'")).append("`\n"));
        }
        for (String draw : provenance.sampleDraws()) {
            out.append("- **Sample drawn:** ").append(inline(draw)).append('\n');
        }
        if (provenance.generatedAt() != null) {
            out.append("- **Generated:** ").append(Reports.instant(provenance.generatedAt())).append('\n');
        }
        out.append("- **Reproduce:** `").append(provenance.command(provenance.projectName()).replace("`", "'"))
                .append("`\n");
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Running text: HTML-significant characters and Markdown emphasis markers escaped. */
    static String inline(String text) {
        return Html.text(text).replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
                .replace("\n", " ");
    }

    /** A table cell: as running text, and pipes escaped. */
    static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }
}
