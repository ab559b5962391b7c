package org.divergence.core.metrics;

import org.divergence.core.repositories.RepositoryFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import org.divergence.core.stats.EffectMagnitude;

/**
 * A pair comparison as a table for papers: Markdown, LaTeX (booktabs) and aligned text with formatted figures, and CSV
 * with full-precision numbers for spreadsheets. One row per metric, grouped by dimension, with the p-value, its Holm
 * and Benjamini–Hochberg adjustments over the comparison's family, and the test that gave it. Effect sizes are shown
 * as every table and chart shows them: positive when group a is higher (δ as in the JSON; Cohen's h as h_a − h_b,
 * the JSON's cohens_h negated).
 */
public final class ComparisonTable {

    private final PairComparison pair;
    private final String caption;

    public ComparisonTable(PairComparison pair, String caption) {
        this.pair = pair;
        this.caption = caption;
    }

    /** A caption naming the groups, the filter, the tests and the family the adjusted p-values account for. */
    public static String caption(PairComparison pair, RepositoryFilter filter) {
        return pair.a().label() + " (a) vs " + pair.b().label() + " (b); " + filter.describe()
                + ". Effect size, positive when " + pair.a().label() + " is higher: Cliff's δ = P(a > b) − P(a < b) "
                + "for numbers (Romano et al. thresholds), Cohen's h = h_a − h_b for shares. " + TESTS + " "
                + familyNote(pair);
    }

    /** How the p-values were computed (the Test column names which one each row used). */
    public static final String TESTS = "p: two-sided Mann–Whitney U for numbers, exact when a group has at most 8 "
            + "values and none is tied, else normal approximation (tie and continuity corrected); for shares Fisher's "
            + "exact test when an expected count is below 5, else Pearson's χ² without continuity correction.";

    /** "p Holm and p BH: adjusted over the 12 tests of this comparison (Holm; Benjamini–Hochberg)." */
    public static String familyNote(PairComparison pair) {
        int tests = pair.familySize();
        return "p Holm and p BH: adjusted over the " + tests + (tests == 1 ? " test" : " tests")
                + " of this comparison (Holm's step-down; Benjamini–Hochberg's false discovery rate).";
    }

    public List<String> header() {
        String a = pair.a().label();
        String b = pair.b().label();
        return List.of("Metric", "n " + a, "n " + b, "Median / share " + a, "Median / share " + b, "Mean " + a,
                "Mean " + b, "Effect (+: " + a + " higher)", "Magnitude", "p", "p Holm", "p BH", "Test");
    }

    /** The header for terminals, where a legend line names groups a and b. */
    private static List<String> compactHeader() {
        return List.of("Metric", "n a", "n b", "Mdn/share a", "Mdn/share b", "Mean a", "Mean b", "Effect (+: a)",
                "Magnitude", "p", "p Holm", "p BH", "Test");
    }

    /** Columns of {@link #header()} whose text is left-aligned: the metric, the magnitude and the test. */
    private static boolean leftAligned(int column) {
        return column == 0 || column == 8 || column == 12;
    }

    /** The formatted cells of one metric's row, in {@link #header()} order. */
    public static List<String> cells(MetricComparison comparison) {
        EffectMagnitude magnitude = comparison.magnitude();
        String magnitudeWord = magnitude == null ? PaperFormat.UNDEFINED : magnitude.word();
        List<String> cells = new ArrayList<>(switch (comparison) {
            case NumericComparison c -> List.of(c.metric().label(), PaperFormat.count(c.a().n()),
                    PaperFormat.count(c.b().n()), PaperFormat.number(c.a().median()),
                    PaperFormat.number(c.b().median()), PaperFormat.number(c.a().mean()),
                    PaperFormat.number(c.b().mean()));
            case ShareComparison c -> List.of(c.metric().label(), PaperFormat.count(c.a().n()),
                    PaperFormat.count(c.b().n()), PaperFormat.share(c.a().share()),
                    PaperFormat.share(c.b().share()), PaperFormat.UNDEFINED, PaperFormat.UNDEFINED);
        });
        Significance test = comparison.significance();
        cells.addAll(List.of(EffectDisplay.text(comparison), magnitudeWord, PaperFormat.pValue(test.pValue()),
                PaperFormat.pValue(test.holm()), PaperFormat.pValue(test.bh()),
                test.method() == null ? PaperFormat.UNDEFINED : test.method().label()));
        return List.copyOf(cells);
    }

    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(header());
        header.addFirst("Dimension");
        out.append(markdownRow(header));
        out.append('|');
        for (int i = 0; i < header.size(); i++) {
            out.append(i == 0 || leftAligned(i - 1) ? " --- |" : " ---: |");
        }
        out.append('\n');
        Dimension current = null;
        for (MetricComparison comparison : pair.metrics()) {
            List<String> cells = new ArrayList<>(cells(comparison));
            Dimension dimension = comparison.metric().dimension();
            cells.addFirst(dimension.equals(current) ? "" : dimension.label());
            current = dimension;
            out.append(markdownRow(cells));
        }
        out.append('\n').append(caption).append('\n');
        return out.toString();
    }

    static String markdownRow(List<String> cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        return row.append('\n').toString();
    }

    public String toLatex() {
        List<String> header = header();
        StringBuilder out = new StringBuilder();
        out.append("\\begin{table}\n\\centering\n\\small\n");
        out.append("\\begin{tabular}{");
        for (int column = 0; column < header.size(); column++) {
            out.append(leftAligned(column) || column == 7 ? 'l' : 'r');
        }
        out.append("}\n\\toprule\n");
        out.append(String.join(" & ", header.stream().map(ComparisonTable::latex).toList())).append(" \\\\\n");
        out.append("\\midrule\n");
        Dimension current = null;
        for (MetricComparison comparison : pair.metrics()) {
            Dimension dimension = comparison.metric().dimension();
            if (!dimension.equals(current)) {
                out.append("\\multicolumn{").append(header.size()).append("}{l}{\\textit{")
                        .append(latex(dimension.label())).append("}} \\\\\n");
                current = dimension;
            }
            List<String> cells = cells(comparison);
            List<String> escaped = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                escaped.add((i == 0 ? "\\quad " : "") + latex(cells.get(i)));
            }
            out.append(String.join(" & ", escaped)).append(" \\\\\n");
        }
        out.append("\\bottomrule\n\\end{tabular}\n");
        out.append("\\caption{").append(latex(caption)).append("}\n\\end{table}\n");
        return out.toString();
    }

    /** Escapes LaTeX's special characters and writes the Greek letters and dashes as math or TeX. */
    public static String latex(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '\\' -> out.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(ch);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '<' -> out.append("$<$");
                case '>' -> out.append("$>$");
                case 'δ' -> out.append("$\\delta$");
                case 'χ' -> out.append("$\\chi$");
                case '²' -> out.append("\\textsuperscript{2}");
                case '—' -> out.append("---");
                case '–' -> out.append("--");
                case '−' -> out.append("$-$");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /**
     * Full-precision figures for spreadsheets: a header, then one row per metric, empty cells for undefined figures
     * (written as CSV text by the render layer's CSV writer).
     */
    public List<List<String>> csvRows() {
        String a = pair.a().key();
        String b = pair.b().key();
        List<String> header = List.of("dimension", "metric", "kind", "n_" + a, "n_" + b, "median_or_share_" + a,
                "median_or_share_" + b, "mean_" + a, "mean_" + b, "q1_" + a, "q1_" + b, "q3_" + a, "q3_" + b,
                "statistic", "p_value", "effect_size", "effect_measure", "magnitude", "p_holm", "p_bh", "p_method",
                "family_size");
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (MetricComparison comparison : pair.metrics()) {
            List<String> cells = new ArrayList<>(List.of(comparison.metric().dimension().key(),
                    comparison.metric().key(), comparison.metric().kind().key()));
            switch (comparison) {
                case NumericComparison c -> {
                    cells.addAll(List.of(Long.toString(c.a().n()), Long.toString(c.b().n()), raw(c.a().median()),
                            raw(c.b().median()), raw(c.a().mean()), raw(c.b().mean()), raw(c.a().q1()),
                            raw(c.b().q1()), raw(c.a().q3()), raw(c.b().q3()), raw(c.mannWhitneyU()),
                            raw(c.pValue()), raw(EffectDisplay.value(c)), "cliffs_delta"));
                }
                case ShareComparison c -> {
                    cells.addAll(List.of(Long.toString(c.a().n()), Long.toString(c.b().n()), raw(c.a().share()),
                            raw(c.b().share()), "", "", "", "", "", "", raw(c.chiSquare()), raw(c.pValue()),
                            raw(EffectDisplay.value(c)), "cohens_h_a_minus_b"));
                }
            }
            EffectMagnitude magnitude = comparison.magnitude();
            cells.add(magnitude == null ? "" : magnitude.word());
            Significance test = comparison.significance();
            cells.addAll(List.of(raw(test.holm()), raw(test.bh()), test.method() == null ? "" : test.method().key(),
                    Integer.toString(pair.familySize())));
            rows.add(List.copyOf(cells));
        }
        return List.copyOf(rows);
    }

    static String raw(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }

    /** An aligned plain-text table with a line per dimension, for terminals (a and b are named by the caller). */
    public String toText() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(compactHeader());
        List<Integer> dimensionRows = new ArrayList<>();
        Dimension current = null;
        for (MetricComparison comparison : pair.metrics()) {
            if (!comparison.metric().dimension().equals(current)) {
                current = comparison.metric().dimension();
                dimensionRows.add(rows.size());
                rows.add(List.of(current.label().toUpperCase(Locale.ROOT)));
            }
            List<String> cells = new ArrayList<>(cells(comparison));
            cells.set(0, "  " + cells.get(0));
            rows.add(cells);
        }
        return aligned(rows, dimensionRows, ComparisonTable::leftAligned);
    }

    /**
     * Rows as aligned plain text: columns two spaces apart, numbers right-aligned, text columns left-aligned; a
     * heading row (one cell) takes a line of its own and no part in the widths.
     */
    public static String aligned(List<List<String>> rows, List<Integer> headingRows, IntPredicate leftAligned) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (int r = 0; r < rows.size(); r++) {
            if (headingRows.contains(r)) {
                continue;
            }
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], rows.get(r).get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (headingRows.contains(r)) {
                out.append(row.getFirst()).append('\n');
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                String padded = leftAligned.test(c) ? cell + " ".repeat(widths[c] - cell.length())
                        : " ".repeat(widths[c] - cell.length()) + cell;
                line.append(c == 0 ? "" : "  ").append(padded);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
