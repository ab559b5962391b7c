package org.divergence.core.metrics;

import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.divergence.core.common.Progress;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Headlines and paper tables of a small, hand-checkable comparison. */
class ComparisonPresentationTest {

    private PairComparison pair;
    private ComparisonReport report;

    @BeforeEach
    void compare() {
        MetricAccumulator accumulator = new MetricAccumulator(GroupSplits.PLATFORM);
        RepositoryCounts row = new RepositoryCounts();
        long[][] github = {{1, 10, 0, 0, 2, 0, 5, 1}, {3, 30, 4, 2, 0, 0, 50, 3}, {2, 5, 1, 1, 1, 0, 0, 0},
            {1, 2, 0, 0, 0, 0, 1, 0}};
        long[][] huggingFace = {{1, 4, 0, 0, 0, 1, 0, 0}, {1, 3, 1, 0, 0, 0, 2, 0}, {1, 1, 0, 0, 0, 0, 0, 1}};
        for (long[] counts : github) {
            add(accumulator, row, Platform.GITHUB, counts);
        }
        for (long[] counts : huggingFace) {
            add(accumulator, row, Platform.HUGGINGFACE, counts);
        }
        report = MetricComparisons.compare(accumulator, RepositoryFilter.ALL,
                BootstrapMedianDifference.Settings.DEFAULT, Progress.NONE);
        pair = report.comparisons().getFirst();
    }

    /** contributors, commits, pull_requests, merged, knowledge threads, (unused), endorsements, derivatives. */
    private static void add(MetricAccumulator accumulator, RepositoryCounts row, Platform platform, long[] c) {
        row.clear().set(0, platform, platform == Platform.GITHUB ? RepoType.CODE : RepoType.MODEL);
        row.set(MetricInput.CONTRIBUTORS, c[0]).set(MetricInput.COMMITS, c[1]).set(MetricInput.PULL_REQUESTS, c[2])
                .set(MetricInput.MERGED_PULL_REQUESTS, c[3]).set(MetricInput.KNOWLEDGE_THREADS, c[4])
                .set(MetricInput.ENDORSEMENTS, c[6]).set(MetricInput.DERIVATIVES, c[7]);
        accumulator.add(row);
    }

    @Test
    void headlineSentencePerDimension() {
        List<Headlines.Headline> headlines = Headlines.of(pair, report.filter());
        assertEquals(5, headlines.size());
        // contributors: GitHub mean 7/4 = 1.75, Hugging Face 1 → 42.9% fewer; medians 1.5 and 1;
        // scipy.stats.mannwhitneyu([1, 3, 2, 1], [1, 1, 1], method='asymptotic') -> U = 9.0, p = 0.27028938…,
        // so δ = 2·9/12 − 1 = 0.5
        // Holm: twelve tests and none below 1/12, so every adjusted p is capped at 1.
        assertEquals("Hugging Face repositories have 42.9% fewer contributors on average (median 1 vs 1.50; "
                + "Cliff's δ = 0.50, large; Holm-adjusted p = 1.000).", headlines.getFirst().sentence());
        assertEquals(Dimension.POPULARITY, headlines.getLast().dimension());
        assertTrue(headlines.getLast().sentence().startsWith("Hugging Face repositories have 95.2% fewer endorsements"),
                headlines.getLast().sentence());
    }

    @Test
    void paperTablesInFourFormats() {
        ComparisonTable table = new ComparisonTable(pair, ComparisonTable.caption(pair, report.filter()));
        String markdown = table.toMarkdown();
        assertTrue(markdown.startsWith("| Dimension | Metric | n GitHub | n Hugging Face |"), markdown);
        assertTrue(markdown.contains("| Collaboration intensity | Contributors | 4 | 3 | 1.50 | 1 | 1.75 | 1 | "
                + "δ = 0.50 | large | 0.270 | 1.000 | 0.832 | normal approx. |"), markdown);
        // Commits has no tied value, so its p is exact: scipy.stats.mannwhitneyu([10, 30, 5, 2], [4, 3, 1]) -> 0.2286
        assertTrue(markdown.contains("| Commits | 4 | 3 | 7.50 | 3 | 11.75 | 2.67 | δ = 0.67 | large | 0.229 | 1.000 | "
                + "0.832 | exact |"), markdown);
        assertTrue(markdown.contains("adjusted over the 12 tests of this comparison"), markdown);
        assertTrue(markdown.contains("|  | Multi-contributor | 4 | 3 | 50.0% | 0.0% | — | — |"), markdown);
        String latex = table.toLatex();
        assertTrue(latex.contains("\\toprule"), latex);
        assertTrue(latex.contains("\\multicolumn{13}{l}{\\textit{Collaboration intensity}} \\\\"), latex);
        // h as every table shows it, positive when GitHub is higher (the JSON's cohens_h is -1.57); Fisher's test.
        assertTrue(latex.contains("\\quad Multi-contributor & 4 & 3 & 50.0\\% & 0.0\\% & --- & --- & h = 1.57 & large & "
                + "0.429 & 1.000 & 0.832 & Fisher \\\\"), latex);
        assertTrue(latex.contains("P(a $>$ b) $-$ P(a $<$ b)"), latex);
        assertTrue(latex.contains("$\\delta$ = 0.50"), latex);
        List<List<String>> csv = table.csvRows();
        assertEquals(List.of("dimension", "metric", "kind", "n_github", "n_huggingface"), csv.getFirst().subList(0, 5));
        assertEquals(List.of("collaboration_intensity", "contributors", "numeric", "4", "3", "1.5", "1.0", "1.75",
                "1.0"), csv.get(1).subList(0, 9));
        String text = table.toText();
        assertTrue(text.contains("COLLABORATION INTENSITY\n  Contributors"), text);
        assertEquals(1 + 5 + 12, text.lines().count(), text);
    }

    @Test
    void aTableOfChosenColumnsCarriesThoseColumnsOnly() {
        ComparisonTable table = new ComparisonTable(pair, "Caption.", List.of(ComparisonColumn.STATISTIC,
                ComparisonColumn.METRIC, ComparisonColumn.N_A, ComparisonColumn.N_B, ComparisonColumn.CENTRE_A,
                ComparisonColumn.CENTRE_B, ComparisonColumn.QUARTILES_A, ComparisonColumn.QUARTILES_B,
                ComparisonColumn.EFFECT, ComparisonColumn.P, ComparisonColumn.MEDIAN_DIFFERENCE));
        // Columns in the paper's order, whatever order they were chosen in.
        assertEquals(List.of("Metric", "n GitHub", "n Hugging Face", "Median / share GitHub",
                "Median / share Hugging Face", "Q1 – Q3 GitHub", "Q1 – Q3 Hugging Face", "Effect (+: GitHub higher)",
                "p", "U / χ²", "Median difference (a − b)"), table.header());
        // Contributors: GitHub [1, 3, 2, 1], Hugging Face [1, 1, 1]. numpy.percentile([1, 3, 2, 1], [25, 75]) ->
        // [1.0, 2.25]; scipy.stats.mannwhitneyu(...) -> U = 9.0 (above); medians 1.5 and 1.
        assertEquals(List.of("Contributors", "4", "3", "1.50", "1", "1 – 2.25", "1 – 1", "δ = 0.50", "0.270", "9",
                "0.50"), table.rowCells(pair.metrics().getFirst()));
        String markdown = table.toMarkdown();
        assertTrue(markdown.startsWith("| Dimension | Metric | n GitHub |"), markdown);
        assertTrue(!markdown.contains("p Holm") && !markdown.contains("Magnitude"), markdown);

        List<List<String>> csv = table.csvRows(List.of(ComparisonColumn.QUARTILES_A, ComparisonColumn.STATISTIC,
                ComparisonColumn.MEDIAN_DIFFERENCE_INTERVAL));
        assertEquals(List.of("dimension", "metric", "kind", "q1_github", "q3_github", "statistic",
                "median_diff_ci_low", "median_diff_ci_high"), csv.getFirst());
        assertEquals(List.of("1.0", "2.25", "9.0"), csv.get(1).subList(3, 6));
        // The full-precision copy as it always was: 22 fields, adjusted p-values and the family size last.
        List<String> full = new ComparisonTable(pair, "").csvRows().getFirst();
        assertEquals(22, full.size());
        assertEquals(List.of("p_holm", "p_bh", "p_method", "family_size"), full.subList(18, 22));
    }

    @Test
    void paperFormats() {
        assertEquals("< 0.001", PaperFormat.pValue(0.0004));
        assertEquals("0.001", PaperFormat.pValue(0.001));
        assertEquals("1.000", PaperFormat.pValue(1));
        assertEquals("—", PaperFormat.pValue(Double.NaN));
        assertEquals("1,428,792", PaperFormat.number(1_428_792));
        assertEquals("12.35", PaperFormat.number(12.345_6));
        assertEquals("12.3%", PaperFormat.share(0.1234));
    }
}
