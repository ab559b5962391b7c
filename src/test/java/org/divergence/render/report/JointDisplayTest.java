package org.divergence.render.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.divergence.core.evidence.EvidenceLink;
import org.divergence.core.evidence.FindingRef;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.GroupSplits;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.report.FactorSection;
import org.divergence.core.report.JointDisplay;
import org.divergence.core.report.JointDisplayBuilder;
import org.junit.jupiter.api.Test;

class JointDisplayTest {

    private static final FindingRef ACCEPTANCE = FindingRef.of(BuiltInMetric.PR_ACCEPTANCE_RATE);
    private static final FindingRef OPENNESS = FindingRef.of(Dimension.COLLABORATION_OPENNESS);

    private static JointDisplay build(List<EvidenceLink> links, Map<FindingRef, String> interpretations) {
        return new JointDisplayBuilder(ReportFixtures.comparison(), ReportFixtures.codebook(),
                ReportFixtures.segments(), List.of("role", "years"), links, interpretations, List.of()).build();
    }

    private static EvidenceLink segmentLink(long id, long coding, FindingRef target, String note) {
        return new EvidenceLink(id, coding, null, target, note, "2026-01-16T09:00:00Z");
    }

    private static EvidenceLink codeLink(long id, long code, FindingRef target, String note) {
        return new EvidenceLink(id, null, code, target, note, "2026-01-16T09:00:00Z");
    }

    @Test
    void oneRowPerDimensionAndMetricInReportOrder() {
        JointDisplay display = build(List.of(), Map.of());
        assertEquals(Dimension.builtIn().size() + BuiltInMetric.values().length, display.rows().size());
        assertEquals(FindingRef.of(Dimension.COLLABORATION_INTENSITY), display.rows().getFirst().ref());
        assertEquals(FindingRef.of(BuiltInMetric.CONTRIBUTORS), display.rows().get(1).ref());
        assertEquals(1, display.rows().get(1).level());
        assertEquals(FindingRef.of(BuiltInMetric.ENDORSEMENTS), display.rows().getLast().ref());
        assertFalse(display.hasEvidence());
        // Dimension rows carry the headline of their lead metric; metric rows the formatted comparison.
        assertTrue(display.row(OPENNESS).quantitative().getFirst().text()
                .startsWith("Hugging Face repositories have"), display.row(OPENNESS).quantitative().toString());
        JointDisplay.Quantitative contributors = display.row(FindingRef.of(BuiltInMetric.CONTRIBUTORS)).quantitative()
                .getFirst();
        assertEquals("GitHub vs Hugging Face", contributors.comparison());
        assertEquals("GitHub median 1.50, mean 1.75 (n = 4) · Hugging Face median 1, mean 1 (n = 3) · δ = 0.50, "
                + "large, p = 0.270", contributors.text());
    }

    @Test
    void linkedQuotesAndCodesBecomeQuotesAndThemesWithCoOccurringCodes() {
        JointDisplay display = build(List.of(
                segmentLink(1, 16, ACCEPTANCE, "pre-training is out of reach"),
                segmentLink(2, 11, ACCEPTANCE, "a day of GPU"),
                segmentLink(3, 13, ACCEPTANCE, "same text, Ben"),
                codeLink(4, ReportFixtures.GOVERNANCE, ACCEPTANCE, "who decides"),
                segmentLink(5, 99, ACCEPTANCE, "a coding that no longer exists is skipped")),
                Map.of(ACCEPTANCE, "Compute and review gate acceptance."));
        JointDisplay.Row row = display.row(ACCEPTANCE);
        assertEquals(5, row.links());
        assertEquals("Compute and review gate acceptance.", row.interpretation());

        // Quotes by case, transcript and position; the same text coded twice (Ana and Ben) is quoted once.
        assertEquals(List.of("It needed a GPU for most of a day.", "Pre-training is another universe."),
                row.quotes().stream().map(JointDisplay.Quote::text).toList());
        JointDisplay.Quote first = row.quotes().getFirst();
        assertEquals("P1", first.caseName());
        assertEquals(List.of(new JointDisplay.Attribute("role", "maintainer"), new JointDisplay.Attribute("years",
                "12")), first.attributes(), "attributes in the project's attribute order");
        assertEquals("a day of GPU", first.note());
        assertTrue(first.linked());

        // Themes: the linked code, the code of the linked quotes, then codes co-occurring with them.
        assertEquals(List.of("Factors/Governance (linked, 1 segment): who decides",
                "Factors/Compute (quoted, 3 quotes)", "Factors/Black box (co-occurring, 2 overlaps)"),
                JointDisplayTable.themes(row));
        assertTrue(display.hasEvidence());
    }

    @Test
    void aRowWithOnlyACodeLinkShowsOneExampleQuotePerCase() {
        JointDisplay display = build(List.of(codeLink(1, ReportFixtures.COMPUTE, OPENNESS, null)), Map.of());
        JointDisplay.Row row = display.row(OPENNESS);
        assertEquals(List.of("It needed a GPU for most of a day.", "A LoRA costs a few euros."),
                row.quotes().stream().map(JointDisplay.Quote::text).toList());
        assertTrue(row.quotes().stream().noneMatch(JointDisplay.Quote::linked));
        assertNull(row.quotes().getFirst().note());
        assertTrue(JointDisplayTable.quote(row.quotes().getFirst()).endsWith("coded by Ana; example"),
                JointDisplayTable.quote(row.quotes().getFirst()));
    }

    @Test
    void severalComparedPairsGiveOneResultEachAndNoComparisonGivesNone() {
        JointDisplay byType = new JointDisplayBuilder(ReportFixtures.comparison(GroupSplits.REPO_TYPE),
                ReportFixtures.codebook(), List.of(), List.of(), List.of(), Map.of(), List.of()).build();
        List<JointDisplay.Quantitative> results = byType.row(FindingRef.of(BuiltInMetric.COMMITS)).quantitative();
        assertEquals(List.of("GitHub code vs Hugging Face models", "GitHub code vs Hugging Face datasets",
                "GitHub code vs Hugging Face Spaces"), results.stream().map(JointDisplay.Quantitative::comparison)
                .toList());
        JointDisplay none = new JointDisplayBuilder(null, ReportFixtures.codebook(), List.of(), List.of(), List.of(),
                Map.of(), List.of()).build();
        assertTrue(none.rows().stream().allMatch(row -> row.quantitative().isEmpty()));
    }

    @Test
    void factorRowsComeFromTheFactorTagsWithTheirCodeAsTheme() {
        FactorSection.Factor factor = new FactorSection.Factor("g-compute", "Compute", "#D55E00", 42,
                ReportFixtures.comparison().comparisons().getFirst());
        JointDisplay display = new JointDisplayBuilder(ReportFixtures.comparison(), ReportFixtures.codebook(),
                ReportFixtures.segments(), List.of("role"), List.of(), Map.of(), List.of(factor)).build();
        JointDisplay.Row row = display.rows().getLast();
        assertEquals(FindingRef.factor("g-compute"), row.ref());
        assertTrue(row.quantitative().getFirst().text().startsWith("42 repositories tagged; Contributors: δ = 0.50"),
                row.quantitative().getFirst().text());
        assertEquals("Factors/Compute (linked, 4 segments)", JointDisplayTable.themes(row).getFirst());
        assertEquals(2, row.quotes().size(), "one example per case");
    }

    @Test
    void exportsAsCsvMarkdownAndLatex() {
        JointDisplay display = build(List.of(segmentLink(1, 11, ACCEPTANCE, "GPU, \"a day\""),
                codeLink(2, ReportFixtures.GOVERNANCE, OPENNESS, "who | decides")),
                Map.of(ACCEPTANCE, "Line one.\nLine two & more: 50% of it."));
        JointDisplayTable table = new JointDisplayTable(display);

        String csv = table.toCsv();
        assertTrue(csv.startsWith("kind,key,finding,quantitative_result,themes,quotes,interpretation\n"), csv);
        assertEquals(1 + display.rows().size(), csv.lines().filter(line -> line.startsWith("metric,")
                || line.startsWith("dimension,") || line.startsWith("kind,")).count(), csv);
        assertTrue(csv.contains("metric,pr_acceptance_rate,PR acceptance rate,\"GitHub median 0.75, mean 0.75 (n = 2)"), csv);
        assertTrue(csv.contains("\"\u201CIt needed a GPU for most of a day.\u201D \u2014 P1 (role: maintainer; "
                + "years: 12); Factors/Compute; coded by Ana. Note: GPU, \"\"a day\"\"\""), csv);
        assertTrue(csv.contains(",\"Line one.\nLine two & more: 50% of it.\"\n"), "RFC 4180 quoting keeps the "
                + "newline inside the field: " + csv);

        String markdown = table.toMarkdown();
        assertTrue(markdown.startsWith("| Finding | Quantitative result | Qualitative themes | Representative quotes "
                + "| Interpretation |\n| --- | --- | --- | --- | --- |\n"), markdown);
        assertTrue(markdown.contains("| **Collaboration openness** |"), markdown);
        assertTrue(markdown.contains("Factors/Governance (linked, 1 segment): who \\| decides"), markdown);
        assertTrue(markdown.contains("Line one. Line two &amp; more: 50% of it. |"), markdown);
        assertEquals(display.rows().size() + 2, markdown.lines().count(), "one line per row: " + markdown);

        String latex = table.toLatex("Joint display.");
        assertTrue(latex.contains("\\toprule") && latex.contains("\\midrule") && latex.contains("\\bottomrule"),
                latex);
        assertTrue(latex.contains("\\textbf{Collaboration openness}"), latex);
        assertTrue(latex.contains("\\quad PR acceptance rate"), latex);
        assertTrue(latex.contains("Line two \\& more: 50\\% of it."), latex);
        assertTrue(latex.contains("$\\delta$ = 0.50"), latex);
        assertEquals(display.rows().size(), latex.lines().filter(line -> line.endsWith(" \\\\")
                && !line.startsWith("Finding")).count(), latex);
    }
}
