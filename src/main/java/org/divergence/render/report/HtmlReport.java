package org.divergence.render.report;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.divergence.core.metrics.ComparisonTable;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.EffectDisplay;
import org.divergence.core.metrics.Headlines;
import org.divergence.core.metrics.MetricComparison;
import org.divergence.core.metrics.NumericComparison;
import org.divergence.core.metrics.PairComparison;
import org.divergence.core.metrics.PaperFormat;
import org.divergence.core.metrics.ShareComparison;
import org.divergence.core.metrics.StratifiedTable;
import org.divergence.core.report.AgreementSection;
import org.divergence.core.report.CodebookSummary;
import org.divergence.core.report.FactorSection;
import org.divergence.core.report.Html;
import org.divergence.core.report.JointDisplay;
import org.divergence.core.report.JointDisplayBuilder;
import org.divergence.core.report.Provenance;
import org.divergence.core.report.ReportChart;
import org.divergence.core.report.ReportModel;
import org.divergence.core.report.SampleDescription;
import org.divergence.core.repositories.ImportBatch;

/**
 * The report as one self-contained HTML page: inline CSS and inline SVG, no scripts, no fonts or images fetched from
 * anywhere. Deterministic: the same model gives the same bytes. Metric rows carry their full-precision figures in
 * {@code data-value} attributes (the same numbers {@code compare --json} prints).
 */
public final class HtmlReport {

    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    private final ReportModel model;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private HtmlReport(ReportModel model) {
        this.model = model;
    }

    public static String render(ReportModel model) {
        return new HtmlReport(model).page();
    }

    private String page() {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.append("<meta name=\"generator\" content=\"").append(attr(model.provenance().application() + " "
                + model.provenance().version())).append("\">\n");
        out.append("<title>").append(text(model.title())).append("</title>\n");
        out.append("<style>\n").append(ReportStyle.CSS).append("</style>\n</head>\n<body>\n");
        header();
        out.append("<main>\n");
        sample();
        comparison();
        charts();
        codebook();
        agreement();
        jointDisplay();
        factors();
        provenance();
        out.append("</main>\n<footer class=\"page-footer\">Made with ").append(text(model.provenance().application()))
                .append(' ').append(text(model.provenance().version()))
                .append(" from the project content with SHA-256 <code>")
                .append(text(model.provenance().contentSha256())).append("</code>.</footer>\n");
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void header() {
        Provenance provenance = model.provenance();
        out.append("<header class=\"page-header\">\n<h1>").append(text(model.title())).append("</h1>\n");
        out.append("<p class=\"subtitle\">").append(text(provenance.filterDescription().substring(0, 1)
                .toUpperCase(java.util.Locale.ROOT) + provenance.filterDescription().substring(1)))
                .append("; grouped by ").append(text(provenance.grouping())).append('.');
        if (provenance.generatedAt() != null) {
            out.append(" Generated ").append(text(timestamp(provenance))).append('.');
        }
        out.append("</p>\n<nav aria-label=\"Sections\"><ol>\n");
        for (ReportModel.Section section : ReportModel.SECTIONS) {
            out.append("<li><a href=\"#").append(section.id()).append("\">").append(text(section.title()))
                    .append("</a></li>\n");
        }
        out.append("</ol></nav>\n</header>\n");
    }

    private void open(String id) {
        String title = ReportModel.SECTIONS.stream().filter(section -> section.id().equals(id)).findFirst()
                .orElseThrow().title();
        out.append("<section id=\"").append(id).append("\">\n<h2>").append(text(title)).append("</h2>\n");
    }

    private void close() {
        out.append("</section>\n");
    }

    // Sample ----------------------------------------------------------------------------------------------------------

    private void sample() {
        SampleDescription sample = model.sample();
        open("sample");
        out.append("<p>").append(PaperFormat.count(sample.totalInProject())).append(" repositories in the project; ")
                .append(PaperFormat.count(sample.totalInReport())).append(" in this report (")
                .append(text(model.provenance().filterDescription())).append(").</p>\n");
        out.append("<table class=\"numbers\" id=\"sample-counts\">\n<thead><tr><th>Platform</th><th>Type</th>"
                + "<th>In the project</th><th>In this report</th></tr></thead>\n<tbody>\n");
        for (SampleDescription.TypeCount count : sample.counts()) {
            out.append("<tr><td>").append(text(count.platform().displayName())).append("</td><td>")
                    .append(text(count.type().code())).append("</td><td>").append(PaperFormat.count(count.inProject()))
                    .append("</td><td>").append(PaperFormat.count(count.inReport())).append("</td></tr>\n");
        }
        out.append("</tbody>\n<tfoot><tr><th colspan=\"2\">Total</th><td>")
                .append(PaperFormat.count(sample.totalInProject())).append("</td><td>")
                .append(PaperFormat.count(sample.totalInReport())).append("</td></tr></tfoot>\n</table>\n");

        out.append("<h3>Import batches</h3>\n");
        if (sample.batches().isEmpty()) {
            out.append("<p class=\"note\">No repository sample has been imported.</p>\n");
        } else {
            out.append("<table class=\"numbers\" id=\"batches\">\n<thead><tr><th>#</th><th>Source</th><th>Format</th>"
                    + "<th>Imported (UTC)</th><th>Rows read</th><th>Added</th><th>Updated</th><th>Skipped</th>"
                    + "<th>Current</th><th>SHA-256 of the source</th></tr></thead>\n<tbody>\n");
            for (ImportBatch batch : sample.batches()) {
                out.append("<tr><td>").append(batch.id()).append("</td><td class=\"text\">")
                        .append(text(batch.sourceName())).append("</td><td class=\"text\">").append(text(batch.format()))
                        .append("</td><td class=\"text\">").append(text(Reports.instant(batch.importedAt())))
                        .append("</td><td>").append(PaperFormat.count(batch.rowsRead())).append("</td><td>")
                        .append(PaperFormat.count(batch.added())).append("</td><td>")
                        .append(PaperFormat.count(batch.updated())).append("</td><td>")
                        .append(PaperFormat.count(batch.skipped())).append("</td><td>")
                        .append(PaperFormat.count(batch.currentRepositories())).append("</td><td class=\"hash\">")
                        .append(batch.sourceSha256() == null ? PlainText.NONE : "<code>" + text(batch.sourceSha256())
                                + "</code>").append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
            queries(sample.batches());
        }
        out.append("<h3>Interviews</h3>\n<p id=\"interviews\">").append(text(Reports.interviews(sample.interviews())))
                .append("</p>\n");
        close();
    }

    /** The batches a database server computed: where, and the exact SQL it ran (folded). */
    private void queries(List<ImportBatch> batches) {
        List<ImportBatch> queried = batches.stream().filter(batch -> batch.query() != null).toList();
        if (queried.isEmpty()) {
            return;
        }
        out.append("<h4>").append(text(Reports.QUERIES_HEADING)).append("</h4>\n");
        for (ImportBatch batch : queried) {
            out.append("<details class=\"query\" id=\"batch-query-").append(batch.id()).append("\"><summary>Batch ")
                    .append(batch.id()).append(": ").append(text(batch.query().describe()))
                    .append("</summary>\n<pre><code>").append(text(batch.query().sql().stripTrailing()))
                    .append("</code></pre></details>\n");
        }
    }

    // Comparison ------------------------------------------------------------------------------------------------------

    private void comparison() {
        open("comparison");
        if (!model.hasComparison()) {
            out.append("<p class=\"note\">No repositories to compare with these settings.</p>\n");
            close();
            return;
        }
        out.append("<p>").append(PaperFormat.count(model.comparison().rowsRead())).append(" repositories read; ")
                .append(text(model.comparison().filter().describe())).append(". Bootstrap intervals: ")
                .append(PaperFormat.count(model.comparison().bootstrap().resamples())).append(" resamples, seed ")
                .append(model.comparison().bootstrap().seed()).append(".</p>\n");
        for (PairComparison pair : model.comparison().comparisons()) {
            String pairId = pair.a().key() + "-" + pair.b().key();
            out.append("<h3>").append(text(pair.a().label())).append(" (a) vs ").append(text(pair.b().label()))
                    .append(" (b)</h3>\n<ul class=\"headlines\">\n");
            for (Headlines.Headline headline : Headlines.of(pair, model.comparison().filter())) {
                out.append("<li><strong>").append(text(headline.dimension().label())).append(".</strong> ")
                        .append(text(headline.sentence())).append("</li>\n");
            }
            out.append("</ul>\n<table class=\"numbers comparison\" id=\"comparison-").append(attr(pairId))
                    .append("\" data-group-a=\"").append(attr(pair.a().key())).append("\" data-group-b=\"")
                    .append(attr(pair.b().key())).append("\">\n<thead><tr>");
            ComparisonTable table = new ComparisonTable(pair, "");
            for (String title : table.header()) {
                out.append("<th>").append(text(title)).append("</th>");
            }
            out.append("</tr></thead>\n<tbody>\n");
            Dimension current = null;
            for (MetricComparison comparison : pair.metrics()) {
                if (!comparison.metric().dimension().equals(current)) {
                    current = comparison.metric().dimension();
                    out.append("<tr class=\"dimension\"><th colspan=\"").append(table.header().size())
                            .append("\" scope=\"rowgroup\">").append(text(current.label())).append("</th></tr>\n");
                }
                List<String> cells = ComparisonTable.cells(comparison);
                List<String> raw = raw(comparison);
                out.append("<tr class=\"metric\" data-metric=\"").append(comparison.metric().key()).append("\">");
                for (int i = 0; i < cells.size(); i++) {
                    if (i == 0) {
                        out.append("<th scope=\"row\" title=\"").append(attr(comparison.metric().definition()))
                                .append("\">").append(text(cells.get(i))).append("</th>");
                    } else {
                        out.append("<td").append(raw.get(i) == null ? "" : " data-value=\"" + raw.get(i) + "\"")
                                .append('>').append(text(cells.get(i))).append("</td>");
                    }
                }
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n<p class=\"caption\">")
                    .append(text(ComparisonTable.caption(pair, model.comparison().filter()))).append("</p>\n");
            if (pair.stratified() != null) {
                withinYears(pairId, new StratifiedTable(pair));
            }
        }
        close();
    }

    /** The tests across creation years and the lead metrics' δ per year, with the note. */
    private void withinYears(String pairId, StratifiedTable table) {
        out.append("<h4>Within creation years</h4>\n");
        simpleTable("stratified-" + pairId, table.testHeader(), table.testRows(), 2);
        simpleTable("strata-" + pairId, table.stratumHeader(), table.stratumRows(), 1);
        out.append("<p class=\"caption\">").append(text(table.note())).append("</p>\n");
    }

    /** A plain table: columns from {@code firstNumeric} on are numbers. */
    private void simpleTable(String id, List<String> header, List<List<String>> rows, int firstNumeric) {
        out.append("<table class=\"numbers\" id=\"").append(attr(id)).append("\">\n<thead><tr>");
        header.forEach(title -> out.append("<th>").append(text(title)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append(i == 0 ? "<th scope=\"row\">" : i < firstNumeric ? "<td class=\"text\">" : "<td>")
                        .append(text(row.get(i))).append(i == 0 ? "</th>" : "</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    /**
     * Full-precision figures behind the cells, in {@link ComparisonTable#header()} order: null where the cell is text
     * (metric, magnitude, test) or does not apply (means of shares); "" for undefined figures. The effect size as
     * the cell shows it (positive when group a is higher).
     */
    static List<String> raw(MetricComparison comparison) {
        List<String> raw = new java.util.ArrayList<>(switch (comparison) {
            case NumericComparison c -> java.util.Arrays.asList(null, Long.toString(c.a().n()),
                    Long.toString(c.b().n()), number(c.a().median()), number(c.b().median()), number(c.a().mean()),
                    number(c.b().mean()));
            case ShareComparison c -> java.util.Arrays.asList(null, Long.toString(c.a().n()),
                    Long.toString(c.b().n()), number(c.a().share()), number(c.b().share()), null, null);
        });
        raw.addAll(java.util.Arrays.asList(number(EffectDisplay.value(comparison)), null,
                number(comparison.pValue()), number(comparison.significance().holm()),
                number(comparison.significance().bh()), null));
        return raw;
    }

    private static String number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "" : Double.toString(value);
    }

    // Charts ----------------------------------------------------------------------------------------------------------

    private void charts() {
        open("charts");
        if (model.charts().isEmpty()) {
            out.append("<p class=\"note\">No charts: there is nothing to compare.</p>\n");
        }
        for (ReportChart chart : model.charts()) {
            out.append("<figure class=\"chart\" id=\"figure-").append(attr(chart.id())).append("\">\n")
                    .append(chart.svg()).append("\n<figcaption><strong>").append(text(chart.title()))
                    .append(".</strong> ").append(text(chart.caption())).append("</figcaption>\n</figure>\n");
        }
        close();
    }

    // Codebook --------------------------------------------------------------------------------------------------------

    private void codebook() {
        CodebookSummary codebook = model.codebook();
        open("codebook");
        if (codebook.isEmpty()) {
            out.append("<p class=\"note\">The project has no codes.</p>\n");
            close();
            return;
        }
        out.append("<p>Coded segments per code (a code's own codings; codes below it are counted on their own "
                + "rows), per coder, and the cases and transcripts the code occurs in.</p>\n");
        out.append("<table class=\"numbers codebook\" id=\"codebook-table\">\n<thead><tr><th>Code</th>"
                + "<th>Segments</th>");
        for (String coder : codebook.coders()) {
            out.append("<th>").append(text(coder)).append("</th>");
        }
        out.append("<th>Cases</th><th>Transcripts</th></tr></thead>\n<tbody>\n");
        for (CodebookSummary.Row row : codebook.rows()) {
            out.append("<tr data-code=\"").append(attr(row.path())).append("\"><th scope=\"row\" class=\"code depth-")
                    .append(Math.min(row.depth(), 4)).append("\">").append(swatch(row.color()))
                    .append(text(row.name()));
            if (row.description() != null && !row.description().isBlank()) {
                out.append("<span class=\"description\">").append(text(row.description())).append("</span>");
            }
            out.append("</th><td>").append(PaperFormat.count(row.segments())).append("</td>");
            for (long count : row.segmentsPerCoder()) {
                out.append("<td>").append(PaperFormat.count(count)).append("</td>");
            }
            out.append("<td>").append(PaperFormat.count(row.cases())).append("</td><td>")
                    .append(PaperFormat.count(row.transcripts())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        close();
    }

    // Agreement -------------------------------------------------------------------------------------------------------

    private void agreement() {
        AgreementSection agreement = model.agreement();
        open("agreement");
        if (!agreement.isComputed()) {
            out.append("<p class=\"note\">").append(text(agreement.note())).append("</p>\n");
            close();
            return;
        }
        AgreementSection.Summary summary = agreement.summary();
        out.append("<p>").append(text(Reports.agreementIntro(summary))).append("</p>\n");
        Reports.AgreementTable table = Reports.agreementTable(summary);
        numbers("agreement-table", table.header(), table.rows());
        out.append("<tfoot><tr><th scope=\"row\" colspan=\"").append(1 + table.countColumns())
                .append("\">Overall (pooled)</th>");
        table.overallFigures().forEach(figure -> out.append("<td>").append(text(figure)).append("</td>"));
        out.append("</tr></tfoot>\n</table>\n");
        List<List<String>> pairs = Reports.agreementPairs(summary);
        if (!pairs.isEmpty()) {
            out.append("<p>Each pair of coders, pooled over codes:</p>\n");
            numbers("agreement-pairs", Reports.AGREEMENT_PAIRS_HEADER, pairs);
            out.append("</table>\n");
        }
        close();
    }

    /** A numbers table up to its body's end: a row header, then figures; the caller closes it. */
    private void numbers(String id, List<String> header, List<List<String>> rows) {
        out.append("<table class=\"numbers\" id=\"").append(id).append("\">\n<thead><tr>");
        header.forEach(cell -> out.append("<th>").append(text(cell)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr><th scope=\"row\">").append(text(row.getFirst())).append("</th>");
            row.subList(1, row.size()).forEach(cell -> out.append("<td>").append(text(cell)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</tbody>\n");
    }

    // Joint display ---------------------------------------------------------------------------------------------------

    private void jointDisplay() {
        open("joint-display");
        out.append("<p>Numbers and quotes side by side: each dimension and metric with its result, the codes linked "
                + "to it (and those of its linked quotes, and codes that co-occur with them), representative quotes "
                + "with their interviewees' attributes, and the interpretation.");
        if (!model.jointDisplay().hasEvidence()) {
            out.append(" No quotes or codes are linked to findings yet: link them from the Interviews section.");
        }
        out.append("</p>\n<table class=\"joint-display\" id=\"joint-display-table\">\n<thead><tr>");
        for (String title : JointDisplayTable.HEADER) {
            out.append("<th>").append(text(title)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (JointDisplay.Row row : model.jointDisplay().rows()) {
            out.append("<tr class=\"").append(row.level() == 0 ? "level-0" : "level-1").append(' ')
                    .append(row.ref().kind().code()).append("\" data-finding=\"").append(attr(row.ref().toString()))
                    .append("\">\n<th scope=\"row\">").append(text(row.label()));
            if (row.ref().kind() == org.divergence.core.evidence.FindingRef.Kind.FACTOR) {
                out.append(" <span class=\"tag\">factor</span>");
            }
            out.append("</th>\n<td class=\"results\">");
            for (JointDisplay.Quantitative result : row.quantitative()) {
                out.append("<div>");
                if (row.quantitative().size() > 1) {
                    out.append("<span class=\"pair\">").append(text(result.comparison())).append(":</span> ");
                }
                out.append(text(result.text())).append("</div>");
            }
            if (row.quantitative().isEmpty()) {
                out.append(PlainText.NONE);
            }
            out.append("</td>\n<td class=\"themes\">");
            if (row.themes().isEmpty()) {
                out.append(PlainText.NONE);
            } else {
                out.append("<ul>");
                for (JointDisplay.Theme theme : row.themes()) {
                    out.append("<li class=\"").append(theme.relation().name().toLowerCase(java.util.Locale.ROOT)
                            .replace('_', '-')).append("\" title=\"").append(attr(theme.codePath())).append("\">")
                            .append(swatch(theme.color())).append(text(JointDisplay.name(theme.codePath())))
                            .append(" <span class=\"relation\">")
                            .append(text(JointDisplayTable.relation(theme)))
                            .append("</span>");
                    if (theme.note() != null) {
                        out.append("<span class=\"note\">").append(text(theme.note())).append("</span>");
                    }
                    out.append("</li>");
                }
                out.append("</ul>");
            }
            out.append("</td>\n<td class=\"quotes\">");
            if (row.quotes().isEmpty()) {
                out.append(PlainText.NONE);
            }
            for (JointDisplay.Quote quote : row.quotes()) {
                out.append("<blockquote").append(quote.linked() ? "" : " class=\"example\"").append("><p>\u201C")
                        .append(text(quote.text().strip())).append("\u201D</p><footer title=\"")
                        .append(attr(quote.codePath())).append("\">").append(text(JointDisplayTable.source(quote)
                                .replace(quote.codePath(), JointDisplay.name(quote.codePath())))).append("</footer>");
                if (quote.note() != null) {
                    out.append("<p class=\"note\">").append(text(quote.note())).append("</p>");
                }
                out.append("</blockquote>");
            }
            if (row.moreQuotes() > 0) {
                out.append("<p class=\"note\">… and ").append(row.moreQuotes()).append(" more linked ")
                        .append(row.moreQuotes() == 1 ? "quote" : "quotes").append(".</p>");
            }
            out.append("</td>\n<td class=\"interpretation\">");
            if (row.interpretation().isEmpty()) {
                out.append(PlainText.NONE);
            } else {
                for (String paragraph : row.interpretation().split("\\n\\s*\\n")) {
                    out.append("<p>").append(text(paragraph.strip()).replace("\n", "<br>")).append("</p>");
                }
            }
            out.append("</td>\n</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        close();
    }

    // Factor tags -----------------------------------------------------------------------------------------------------

    private void factors() {
        FactorSection factors = model.factors();
        open("factors");
        if (!factors.available() || factors.factors().isEmpty()) {
            out.append("<p class=\"note\">").append(text(factors.note())).append("</p>\n");
            close();
            return;
        }
        out.append("<table class=\"numbers\" id=\"factors-table\">\n<thead><tr><th>Factor</th>"
                + "<th>Repositories tagged</th>");
        for (Dimension dimension : Dimension.builtIn()) {
            out.append("<th>").append(text(Headlines.leadMetric(dimension).label())).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (FactorSection.Factor factor : factors.factors()) {
            out.append("<tr><th scope=\"row\">").append(swatch(factor.color())).append(text(factor.name()))
                    .append("</th><td>").append(PaperFormat.count(factor.repositories())).append("</td>");
            for (Dimension dimension : Dimension.builtIn()) {
                out.append("<td>").append(factor.comparison() == null ? PlainText.NONE
                        : text(JointDisplayBuilder.effect(factor.comparison().metric(Headlines.leadMetric(dimension)))))
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n<p class=\"caption\">").append(text(factors.note())).append("</p>\n");
        close();
    }

    // Provenance ------------------------------------------------------------------------------------------------------

    private void provenance() {
        Provenance provenance = model.provenance();
        open("provenance");
        out.append("<dl class=\"provenance\">\n");
        entry("Application", provenance.application() + " " + provenance.version());
        entry("Project", provenance.projectName());
        out.append("<dt>Project content SHA-256</dt><dd><code id=\"content-sha256\">")
                .append(text(provenance.contentSha256())).append("</code><br><span class=\"note\">")
                .append(text(provenance.contentScope())).append("</span></dd>\n");
        entry("Grouping", provenance.grouping());
        entry("Filters", provenance.filterDescription());
        entry("Bootstrap", PaperFormat.count(provenance.resamples()) + " resamples, seed " + provenance.seed() + ", "
                + Math.round(provenance.confidence() * 100) + "% percentile intervals");
        entry("Charts", provenance.charts());
        if (!provenance.customMetrics().isEmpty()) {
            out.append("<dt>Custom metrics</dt><dd><ul>");
            provenance.customDefinitions().forEach(definition -> out.append("<li><code>").append(text(definition))
                    .append("</code></li>"));
            out.append("</ul></dd>\n");
        }
        for (String draw : provenance.sampleDraws()) {
            entry("Sample drawn", draw);
        }
        if (provenance.generatedAt() != null) {
            entry("Generated", timestamp(provenance));
        }
        out.append("<dt>Reproduce</dt><dd><code>").append(text(provenance.command(provenance.projectName())))
                .append("</code></dd>\n");
        out.append("</dl>\n");
        close();
    }

    private void entry(String term, String value) {
        out.append("<dt>").append(text(term)).append("</dt><dd>").append(text(value)).append("</dd>\n");
    }

    private static String timestamp(Provenance provenance) {
        return DateTimeFormatter.ISO_INSTANT.format(provenance.generatedAt().truncatedTo(ChronoUnit.SECONDS));
    }

    // Helpers ---------------------------------------------------------------------------------------------------------

    private static String swatch(String color) {
        return color != null && COLOR.matcher(color).matches()
                ? "<span class=\"swatch\" style=\"background:" + color + "\"></span>" : "";
    }

    private static String text(String value) {
        return Html.text(value);
    }

    private static String attr(String value) {
        return Html.attribute(value);
    }
}
