package org.divergence.core.metrics;

import org.divergence.core.repositories.RepositoryFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import org.divergence.core.stats.EffectMagnitude;
import org.divergence.core.stats.Interval;

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
    private final List<ComparisonColumn> columns;

    public ComparisonTable(PairComparison pair, String caption) {
        this(pair, caption, ComparisonColumn.PAPER);
    }

    /** A table of the given columns (shown in {@link ComparisonColumn}'s order), e.g. those shown on screen. */
    public ComparisonTable(PairComparison pair, String caption, java.util.Collection<ComparisonColumn> columns) {
        this.pair = pair;
        this.caption = caption;
        this.columns = columns.stream().distinct().sorted().toList();
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
        return familyNoteShort(pair) + " (Holm's step-down; Benjamini–Hochberg's false discovery rate).";
    }

    /** "p Holm and p BH: adjusted over the 12 tests of this comparison", for a status line. */
    public static String familyNoteShort(PairComparison pair) {
        int tests = pair.familySize();
        return "p Holm and p BH: adjusted over the " + tests + (tests == 1 ? " test" : " tests")
                + " of this comparison";
    }

    public List<String> header() {
        return columns.stream().map(column -> column.paperHeader(pair.a().label(), pair.b().label())).toList();
    }

    /** The header for terminals, where a legend line names groups a and b. */
    private List<String> compactHeader() {
        return columns.stream().map(column -> switch (column) {
            case CENTRE_A -> "Mdn/share a";
            case CENTRE_B -> "Mdn/share b";
            case EFFECT -> "Effect (+: a)";
            default -> column.paperHeader("a", "b");
        }).toList();
    }

    /** Whether the column at this position holds text (left-aligned) rather than numbers. */
    private boolean leftAligned(int column) {
        return columns.get(column).isText();
    }

    /** The formatted cells of one metric's row in the paper's columns ({@link ComparisonColumn#PAPER}). */
    public static List<String> cells(MetricComparison comparison) {
        return ComparisonColumn.PAPER.stream().map(column -> column.cell(comparison)).toList();
    }

    /** The formatted cells of one metric's row, in {@link #header()} order. */
    public List<String> rowCells(MetricComparison comparison) {
        return columns.stream().map(column -> column.cell(comparison)).toList();
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
            List<String> cells = new ArrayList<>(rowCells(comparison));
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
            out.append(leftAligned(column) || columns.get(column) == ComparisonColumn.EFFECT ? 'l' : 'r');
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
            List<String> cells = rowCells(comparison);
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

    /** The columns whose figures {@link #csvRows()} writes: the paper's and the quartiles and test statistic. */
    private static final java.util.Set<ComparisonColumn> CSV_DEFAULT = java.util.EnumSet.of(ComparisonColumn.METRIC,
            ComparisonColumn.N_A, ComparisonColumn.N_B, ComparisonColumn.CENTRE_A, ComparisonColumn.CENTRE_B,
            ComparisonColumn.MEAN_A, ComparisonColumn.MEAN_B, ComparisonColumn.QUARTILES_A,
            ComparisonColumn.QUARTILES_B, ComparisonColumn.STATISTIC, ComparisonColumn.P, ComparisonColumn.EFFECT,
            ComparisonColumn.MAGNITUDE, ComparisonColumn.P_HOLM, ComparisonColumn.P_BH, ComparisonColumn.TEST);

    /**
     * Full-precision figures for spreadsheets: a header, then one row per metric, empty cells for undefined figures
     * (written as CSV text by the render layer's CSV writer).
     */
    public List<List<String>> csvRows() {
        return csvRows(CSV_DEFAULT);
    }

    /** {@link #csvRows()} with the figures of the given columns only (the metric's keys always come first). */
    public List<List<String>> csvRows(java.util.Collection<ComparisonColumn> shown) {
        java.util.Set<ComparisonColumn> wanted = java.util.EnumSet.of(ComparisonColumn.METRIC);
        wanted.addAll(shown);
        List<List<String>> rows = new ArrayList<>();
        rows.add(keep(csvFields(null), wanted));
        for (MetricComparison comparison : pair.metrics()) {
            rows.add(keep(csvFields(comparison), wanted));
        }
        return List.copyOf(rows);
    }

    private interface FieldSink {
        void field(ComparisonColumn column, String header, String value);
    }

    /** One CSV field: the column it belongs to (null: either adjusted p-value), its header and value. */
    private record CsvField(ComparisonColumn column, String header, String value) {
    }

    private static List<String> keep(List<CsvField> fields, java.util.Set<ComparisonColumn> wanted) {
        return fields.stream().filter(field -> field.column() == null
                        ? wanted.contains(ComparisonColumn.P_HOLM) || wanted.contains(ComparisonColumn.P_BH)
                        : wanted.contains(field.column()))
                .map(CsvField::value).toList();
    }

    /** Every CSV field of a metric's row in order, or of the header row when {@code comparison} is null. */
    private List<CsvField> csvFields(MetricComparison comparison) {
        String a = pair.a().key();
        String b = pair.b().key();
        NumericComparison numeric = comparison instanceof NumericComparison c ? c : null;
        ShareComparison share = comparison instanceof ShareComparison c ? c : null;
        List<CsvField> fields = new ArrayList<>();
        // The header row is the same list with each field's header as its value.
        FieldSink add = (column, header, value) ->
                fields.add(new CsvField(column, header, comparison == null ? header : value));
        add.field(ComparisonColumn.METRIC, "dimension",
                comparison == null ? "" : comparison.metric().dimension().key());
        add.field(ComparisonColumn.METRIC, "metric", comparison == null ? "" : comparison.metric().key());
        add.field(ComparisonColumn.METRIC, "kind",
                comparison == null ? "" : comparison.metric().kind().key());
        add.field(ComparisonColumn.N_A, "n_" + a, comparison == null ? "" : Long.toString(
                numeric != null ? numeric.a().n() : share.a().n()));
        add.field(ComparisonColumn.N_B, "n_" + b, comparison == null ? "" : Long.toString(
                numeric != null ? numeric.b().n() : share.b().n()));
        add.field(ComparisonColumn.CENTRE_A, "median_or_share_" + a, numeric != null
                ? raw(numeric.a().median()) : share != null ? raw(share.a().share()) : "");
        add.field(ComparisonColumn.CENTRE_B, "median_or_share_" + b, numeric != null
                ? raw(numeric.b().median()) : share != null ? raw(share.b().share()) : "");
        add.field(ComparisonColumn.MEAN_A, "mean_" + a, numeric == null ? "" : raw(numeric.a().mean()));
        add.field(ComparisonColumn.MEAN_B, "mean_" + b, numeric == null ? "" : raw(numeric.b().mean()));
        add.field(ComparisonColumn.QUARTILES_A, "q1_" + a, numeric == null ? "" : raw(numeric.a().q1()));
        add.field(ComparisonColumn.QUARTILES_B, "q1_" + b, numeric == null ? "" : raw(numeric.b().q1()));
        add.field(ComparisonColumn.QUARTILES_A, "q3_" + a, numeric == null ? "" : raw(numeric.a().q3()));
        add.field(ComparisonColumn.QUARTILES_B, "q3_" + b, numeric == null ? "" : raw(numeric.b().q3()));
        add.field(ComparisonColumn.STATISTIC, "statistic", numeric != null
                ? raw(numeric.mannWhitneyU()) : share != null ? raw(share.chiSquare()) : "");
        add.field(ComparisonColumn.Z, "z", numeric == null ? "" : raw(numeric.z()));
        add.field(ComparisonColumn.P, "p_value", comparison == null ? "" : raw(comparison.pValue()));
        add.field(ComparisonColumn.EFFECT, "effect_size",
                comparison == null ? "" : raw(EffectDisplay.value(comparison)));
        add.field(ComparisonColumn.EFFECT, "effect_measure",
                numeric != null ? "cliffs_delta" : "cohens_h_a_minus_b");
        Interval delta = numeric == null ? null : numeric.cliffsDeltaInterval();
        Interval median = numeric == null ? null : numeric.medianDiffIntervalAMinusB();
        add.field(ComparisonColumn.EFFECT_INTERVAL, "effect_ci_low", delta == null ? "" : raw(delta.low()));
        add.field(ComparisonColumn.EFFECT_INTERVAL, "effect_ci_high", delta == null ? "" : raw(delta.high()));
        add.field(ComparisonColumn.MEDIAN_DIFFERENCE, "median_diff_a_minus_b",
                numeric == null ? "" : raw(-numeric.medianDiff()));
        add.field(ComparisonColumn.MEDIAN_DIFFERENCE_INTERVAL, "median_diff_ci_low",
                median == null ? "" : raw(median.low()));
        add.field(ComparisonColumn.MEDIAN_DIFFERENCE_INTERVAL, "median_diff_ci_high",
                median == null ? "" : raw(median.high()));
        EffectMagnitude magnitude = comparison == null ? null : comparison.magnitude();
        add.field(ComparisonColumn.MAGNITUDE, "magnitude", magnitude == null ? "" : magnitude.word());
        Significance test = comparison == null ? null : comparison.significance();
        add.field(ComparisonColumn.P_HOLM, "p_holm", test == null ? "" : raw(test.holm()));
        add.field(ComparisonColumn.P_BH, "p_bh", test == null ? "" : raw(test.bh()));
        add.field(ComparisonColumn.TEST, "p_method",
                test == null || test.method() == null ? "" : test.method().key());
        fields.add(new CsvField(null, "family_size",
                comparison == null ? "family_size" : Integer.toString(pair.familySize())));
        return fields;
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
            List<String> cells = new ArrayList<>(rowCells(comparison));
            cells.set(0, "  " + cells.get(0));
            rows.add(cells);
        }
        return aligned(rows, dimensionRows, this::leftAligned);
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
