package org.divergence.render.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.divergence.core.evidence.EvidenceLink;
import org.divergence.core.evidence.FindingRef;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.report.AgreementSection;
import org.divergence.core.report.CodebookSummary;
import org.divergence.core.report.FactorSection;
import org.divergence.core.report.JointDisplay;
import org.divergence.core.report.JointDisplayBuilder;
import org.divergence.core.report.Provenance;
import org.divergence.core.report.ReportChart;
import org.divergence.core.report.ReportModel;
import org.divergence.core.report.SampleDescription;
import org.divergence.core.repositories.BatchQuery;
import org.divergence.core.repositories.ImportBatch;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.junit.jupiter.api.Test;

/**
 * The three formats from one model, including the sections other features fill (agreement, factor tags), so that they
 * render correctly the day those features provide them.
 */
class ReportRenderingTest {

    private static ReportModel model(AgreementSection agreement, FactorSection factors, Instant generatedAt) {
        ComparisonReport comparison = ReportFixtures.comparison();
        List<ReportChart> charts = new ArrayList<>();
        for (Dimension dimension : Dimension.builtIn()) {
            charts.addAll(new EffectSizeCharts().dimensionCharts(dimension, comparison));
        }
        SampleDescription sample = new SampleDescription(List.of(
                new SampleDescription.TypeCount(Platform.GITHUB, RepoType.CODE, 4, 4),
                new SampleDescription.TypeCount(Platform.HUGGINGFACE, RepoType.MODEL, 2, 2),
                new SampleDescription.TypeCount(Platform.HUGGINGFACE, RepoType.DATASET, 1, 1),
                new SampleDescription.TypeCount(Platform.HUGGINGFACE, RepoType.SPACE, 0, 0)),
                List.of(new ImportBatch(1, "sample <1>.csv", "ab".repeat(32), "csv",
                        Instant.parse("2026-01-15T08:00:00Z"), 7, 7, 0, 0, 7, null)),
                new SampleDescription.Interviews(2, 2, List.of("Ana", "Ben"), 4, 6));
        List<EvidenceLink> links = List.of(new EvidenceLink(1, 11L, null, FindingRef.of(BuiltInMetric.PR_ACCEPTANCE_RATE),
                "a <b>day</b> of GPU", "2026-01-16T09:00:00Z"));
        JointDisplay display = new JointDisplayBuilder(comparison, ReportFixtures.codebook(), ReportFixtures.segments(),
                List.of("role", "years"), links, Map.of(FindingRef.of(Dimension.USER_INNOVATION), "First.\n\nSecond."),
                factors.factors()).build();
        Provenance provenance = new Provenance("Divergence Workbench", "9.9.9", "study.divergence", "0f".repeat(32),
                "scope", "platform", List.of("platform=github", "platform=huggingface"), null, null,
                "platform = github, huggingface", 200, 7, 0.95, "built-in effect-size charts", generatedAt,
                Stratification.NONE, List.of());
        return new ReportModel("Divergence report: study", sample, comparison, List.copyOf(charts),
                CodebookSummary.of(ReportFixtures.codebook(), ReportFixtures.segments(), List.of("Ana", "Ben")),
                agreement, display, factors, provenance);
    }

    private static ReportModel plain() {
        return model(AgreementSection.NOT_COMPUTED, FactorSection.NOT_AVAILABLE, null);
    }

    @Test
    void htmlHasEverySectionEscapesTextAndNeedsNothingFromOutside() {
        String html = HtmlReport.render(plain());
        for (ReportModel.Section section : ReportModel.SECTIONS) {
            assertTrue(html.contains("<section id=\"" + section.id() + "\">\n<h2>" + section.title() + "</h2>"),
                    section.id());
        }
        assertTrue(html.contains("sample &lt;1&gt;.csv"), "file names are escaped");
        assertTrue(html.contains("a &lt;b&gt;day&lt;/b&gt; of GPU"), "notes are escaped");
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("@import")
                || html.contains("url("), "no scripts, style sheets or fonts from elsewhere");
        assertEquals(5, html.split("<svg ", -1).length - 1, "a chart per dimension");
        assertTrue(html.contains("<p class=\"note\">No agreement computed.</p>"));
        assertTrue(html.contains("<p class=\"note\">Factor tags are not available in this version.</p>"));
        assertTrue(html.contains("<p>First.</p><p>Second.</p>"), "interpretation paragraphs");
        assertFalse(html.contains("Generated"), "no time unless asked for");
        assertTrue(html.contains("<dd><code>report --project study.divergence --by platform --where platform=github "
                + "--where platform=huggingface --resamples 200 --seed 7</code></dd>"), html);
        assertEquals(html, HtmlReport.render(plain()), "deterministic");
    }

    @Test
    void theTimestampAppearsOnlyWhenAskedFor() {
        String html = HtmlReport.render(model(AgreementSection.NOT_COMPUTED, FactorSection.NOT_AVAILABLE,
                Instant.parse("2026-11-27T10:15:30.123Z")));
        assertTrue(html.contains("<dt>Generated</dt><dd>2026-11-27T10:15:30Z</dd>"), html);
        assertTrue(MarkdownReport.render(model(AgreementSection.NOT_COMPUTED, FactorSection.NOT_AVAILABLE,
                Instant.parse("2026-11-27T10:15:30Z"))).contains("- **Generated:** 2026-11-27 10:15:30Z"));
    }

    @Test
    void agreementAndFactorSectionsRenderWhenTheirFeaturesProvideThem() {
        AgreementSection agreement = new AgreementSection(new AgreementSection.Summary("character",
                List.of("Ana", "Ben"), List.of(
                        new AgreementSection.CodeAgreement("Factors/Compute", 1000,
                                new AgreementSection.Counts(40, 5, 3, 952), 99.2, 0.9, 0.9, 0.8),
                        new AgreementSection.CodeAgreement("Factors/Governance", 1000,
                                new AgreementSection.Counts(0, 0, 0, 1000), 100, Double.NaN, Double.NaN, Double.NaN)),
                new AgreementSection.CodeAgreement("Overall (pooled)", 2000, new AgreementSection.Counts(40, 5, 3,
                        1952), 99.6, 0.91, 0.91, 0.8), List.of()), null);
        FactorSection factors = new FactorSection(true, List.of(new FactorSection.Factor("g-compute", "Compute",
                "#D55E00", 42, ReportFixtures.comparison().comparisons().getFirst())), "Tagged by rule and by hand.");
        ReportModel model = model(agreement, factors, null);

        String html = HtmlReport.render(model);
        assertTrue(html.contains("<tr><th scope=\"row\">Factors/Compute</th><td>1,000</td><td>40</td><td>5</td>"
                + "<td>3</td><td>952</td><td>99.2%</td><td>0.90</td><td>0.90</td><td>0.80</td></tr>"), html);
        assertTrue(html.contains("<td>100.0%</td><td>—</td><td>—</td>"), "undefined kappa prints as a dash");
        assertTrue(html.contains("id=\"factors-table\""), html);
        assertTrue(html.contains("<td>42</td><td>δ = 0.50, large, p = 0.270</td>"), html);
        assertTrue(html.contains("data-finding=\"factor:g-compute\""), "a factor row in the joint display");

        String markdown = MarkdownReport.render(model);
        assertTrue(markdown.contains("| Factors/Compute | 1,000 | 40 | 5 | 3 | 952 | 99.2% | 0.90 | 0.90 | 0.80 |"),
                markdown);
        assertTrue(markdown.contains("| Compute | 42 | δ = 0.50, large, p = 0.270 |"), markdown);
        String latex = LatexReport.render(model);
        assertTrue(latex.contains("Factors/Compute & 1,000 & 40 & 5 & 3 & 952 & 99.2\\% & 0.90 & 0.90 & 0.80 \\\\"),
                latex);
        assertTrue(latex.contains("% Factor tags\n"), latex);
    }

    @Test
    void aBatchComputedOnADatabaseServerShowsTheServerTheWindowTheShardAndTheExactSql() {
        ReportModel base = plain();
        BatchQuery query = new BatchQuery("https://play.clickhouse.com/", "25.8.1.5101", "default.github_events",
                LocalDate.of(2015, 1, 1), LocalDate.of(2025, 10, 6), 2, 16,
                "SELECT repo_name AS full_name\nWHERE cityHash64(repo_name) % 16 = 2 AND x < 'a<b'\n"
                        + "FORMAT TabSeparatedWithNames\n");
        ImportBatch shard = new ImportBatch(2, "GH Archive on ClickHouse (https://play.clickhouse.com/): shard 3 of 16",
                null, "clickhouse", Instant.parse("2026-01-16T08:00:00Z"), 5, 5, 0, 0, 5, query);
        ReportModel model = new ReportModel(base.title(), base.sample().withBatches(List.of(
                base.sample().batches().getFirst(), shard)), base.comparison(), base.charts(), base.codebook(),
                base.agreement(), base.jointDisplay(), base.factors(), base.provenance());
        String described = "shard 3 of 16 of default.github_events, events 2015-01-01 to 2025-10-06, on"
                + " https://play.clickhouse.com/ (ClickHouse 25.8.1.5101)";

        String html = HtmlReport.render(model);
        assertTrue(html.contains("<h4>Queries run on a database server</h4>\n<details class=\"query\""
                + " id=\"batch-query-2\"><summary>Batch 2: " + described + "</summary>\n<pre><code>SELECT repo_name AS"
                + " full_name\nWHERE cityHash64(repo_name) % 16 = 2 AND x &lt; 'a&lt;b'\nFORMAT TabSeparatedWithNames"
                + "</code></pre></details>"), html);
        assertFalse(html.contains("batch-query-1"), "a file's batch has no query");
        String markdown = MarkdownReport.render(model);
        assertTrue(markdown.contains("#### Queries run on a database server\n\nBatch 2: " + described.replace("_",
                "\\_") + ".\n\n```sql\nSELECT repo_name AS full_name\nWHERE cityHash64(repo_name) % 16 = 2 AND"
                + " x < 'a<b'\nFORMAT TabSeparatedWithNames\n```\n"), markdown);
    }

    @Test
    void threeCodersGetFleissKappaAndATableOfPairs() {
        AgreementSection agreement = new AgreementSection(new AgreementSection.Summary("character",
                List.of("Ana", "Ben", "Cai"), List.of(new AgreementSection.CodeAgreement("Factors/Compute", 1000, null,
                        97.5, 0.71, 0.7, 0.66)),
                new AgreementSection.CodeAgreement("Overall (pooled)", 1000, null, 97.5, 0.71, 0.7, 0.66),
                List.of(new AgreementSection.PairAgreement("Ana", "Ben", new AgreementSection.Counts(40, 5, 3, 952),
                        99.2, 0.9), new AgreementSection.PairAgreement("Ana", "Cai",
                        new AgreementSection.Counts(30, 15, 3, 952), 98.2, Double.NaN))), null);
        ReportModel model = model(agreement, FactorSection.NOT_AVAILABLE, null);
        String html = HtmlReport.render(model);
        assertTrue(html.contains("<p>Ana, Ben and Cai, by character:"), html);
        assertTrue(html.contains("<th>Fleiss' κ</th><th>Krippendorff's α</th><th>Unitizing α</th>"), html);
        assertTrue(html.contains("<tr><th scope=\"row\">Factors/Compute</th><td>1,000</td><td>97.5%</td>"
                + "<td>0.71</td><td>0.70</td><td>0.66</td></tr>"), html);
        assertTrue(html.contains("<tr><th scope=\"row\">Ana (A), Cai (B)</th><td>30</td><td>15</td><td>3</td>"
                + "<td>952</td><td>98.2%</td><td>—</td></tr>"), html);
        String markdown = MarkdownReport.render(model);
        assertTrue(markdown.contains("| Ana (A), Ben (B) | 40 | 5 | 3 | 952 | 99.2% | 0.90 |"), markdown);
        String latex = LatexReport.render(model);
        assertTrue(latex.contains("% Inter-coder agreement, pairs\n"), latex);
        assertTrue(latex.contains("Ana (A), Ben (B) & 40 & 5 & 3 & 952 & 99.2\\% & 0.90 \\\\"), latex);
    }

    @Test
    void markdownForNotebooks() {
        String markdown = MarkdownReport.render(plain());
        assertTrue(markdown.startsWith("# Divergence report: study\n\n_Platform = github, huggingface; grouped by "
                + "platform._\n\n## Sample\n"), markdown);
        for (ReportModel.Section section : ReportModel.SECTIONS) {
            assertTrue(markdown.contains("\n## " + section.title() + "\n"), section.title());
        }
        assertTrue(markdown.contains("| Dimension | Metric | n GitHub | n Hugging Face |"), "the comparison table");
        assertTrue(markdown.contains("![Collaboration intensity: effect sizes](data:image/svg+xml;base64,"),
                "charts travel inside the file");
        assertTrue(markdown.contains("| Finding | Quantitative result |"), "the joint display");
        assertTrue(markdown.contains("| `" + "ab".repeat(32) + "` |"), "batch checksums");
        assertTrue(markdown.contains("- **Project content SHA-256:** `" + "0f".repeat(32) + "`"), markdown);
        assertFalse(markdown.contains("<script"), markdown);
    }

    @Test
    void latexTablesForPapers() {
        String latex = LatexReport.render(plain());
        assertTrue(latex.startsWith("% Divergence report: study: tables for papers. Needs \\usepackage{booktabs}.\n"),
                latex);
        assertTrue(latex.contains("% Made with Divergence Workbench 9.9.9 from project \"study.divergence\", content "
                + "SHA-256 " + "0f".repeat(32) + "."), latex);
        long tables = latex.lines().filter(line -> line.startsWith("\\begin{table")).count();
        assertEquals(4, tables, "sample, comparison, codebook, joint display: " + latex);
        assertEquals(latex.lines().filter(line -> line.equals("\\toprule")).count(), tables, "booktabs in each");
        assertTrue(latex.contains("% Inter-coder agreement: No agreement computed."), latex);
        assertFalse(latex.contains("\\begin{document}"), "a file to \\input, not a document");
        assertTrue(latex.contains("\\quad Compute & 4 & 2 & 2 & 2 & 2 \\\\"), "codebook frequencies: " + latex);
    }
}
