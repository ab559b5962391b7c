package org.divergence.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A stratified pair comparison as tables: the combined test of every metric across strata (van Elteren's Z for
 * numbers, the Cochran–Mantel–Haenszel χ² for shares), and per stratum its repositories and the lead metrics'
 * effect sizes (positive when group a is higher, as every table shows them).
 */
public final class StratifiedTable {

    private final PairComparison pair;
    private final StratifiedComparison stratified;

    /** {@code pair} must have been compared within strata. */
    public StratifiedTable(PairComparison pair) {
        if (pair.stratified() == null) {
            throw new IllegalArgumentException("the pair was not compared within strata");
        }
        this.pair = pair;
        this.stratified = pair.stratified();
    }

    public List<String> testHeader() {
        return List.of("Metric", "Test across " + stratified.by().label() + "s", "Statistic", "p",
                capitalised(stratified.by().label()) + "s");
    }

    public List<List<String>> testRows() {
        List<List<String>> rows = new ArrayList<>();
        for (StratifiedComparison.StratifiedTest test : stratified.tests()) {
            boolean numeric = test.metric().kind() == MetricKind.NUMERIC;
            rows.add(List.of(test.metric().label(), numeric ? "van Elteren" : "Cochran–Mantel–Haenszel",
                    Double.isNaN(test.statistic()) ? PaperFormat.UNDEFINED : (numeric ? "Z = " : "χ² = ")
                            + String.format(Locale.ROOT, "%.2f", test.statistic()),
                    PaperFormat.pValue(test.pValue()), Integer.toString(test.strata())));
        }
        return List.copyOf(rows);
    }

    public List<String> stratumHeader() {
        List<String> header = new ArrayList<>(List.of(capitalised(stratified.by().label()), "n " + pair.a().label(),
                "n " + pair.b().label()));
        for (Dimension dimension : Dimension.builtIn()) {
            header.add(Headlines.leadMetric(dimension).label() + " δ");
        }
        return List.copyOf(header);
    }

    /** The strata where both groups have repositories (the others contribute nothing). */
    public List<List<String>> stratumRows() {
        List<List<String>> rows = new ArrayList<>();
        for (StratifiedComparison.Stratum stratum : bothGroups()) {
            List<String> row = new ArrayList<>(List.of(stratum.label(), PaperFormat.count(stratum.repositoriesA()),
                    PaperFormat.count(stratum.repositoriesB())));
            for (Dimension dimension : Dimension.builtIn()) {
                row.add(PaperFormat.effect(EffectDisplay.value(stratum.comparison()
                        .metric(Headlines.leadMetric(dimension)))));
            }
            rows.add(List.copyOf(row));
        }
        return List.copyOf(rows);
    }

    private List<StratifiedComparison.Stratum> bothGroups() {
        return stratified.strata().stream().filter(s -> s.repositoriesA() > 0 && s.repositoriesB() > 0).toList();
    }

    /** What the tables show and what was left out. */
    public String note() {
        String unit = stratified.by().label();
        int present = stratified.strata().size();
        return "Within " + unit + "s: " + present + " " + unit + (present == 1 ? "" : "s") + " present, "
                + bothGroups().size() + " with both groups (the others contribute nothing and are not listed); "
                + PaperFormat.count(stratified.unknownA()) + " " + pair.a().subject() + " and "
                + PaperFormat.count(stratified.unknownB()) + " " + pair.b().subject() + " with an unknown creation date "
                + "left out. Numbers: van Elteren's stratified Wilcoxon test (weights 1/(N + 1), Z > 0 when "
                + pair.a().label() + " tends higher); shares: Cochran–Mantel–Haenszel χ² without continuity "
                + "correction; both two-sided, over the " + stratified.by().label() + "s where both groups have "
                + "repositories. δ per " + stratified.by().label() + ": " + EffectDisplay.direction(pair.a().label())
                + ".";
    }

    /** Both tables as aligned plain text for terminals, with the note. */
    public String toText() {
        List<List<String>> tests = new ArrayList<>(List.of(testHeader()));
        tests.addAll(testRows());
        List<List<String>> strata = new ArrayList<>(List.of(stratumHeader()));
        strata.addAll(stratumRows());
        return ComparisonTable.aligned(tests, List.of(), column -> column < 2) + "\n"
                + ComparisonTable.aligned(strata, List.of(), column -> column == 0) + "\n" + note() + "\n";
    }

    /** Both tables in pipe syntax, with the note. */
    public String toMarkdown() {
        return markdown(testHeader(), testRows(), 2) + "\n" + markdown(stratumHeader(), stratumRows(), 1) + "\n"
                + note() + "\n";
    }

    private static String markdown(List<String> header, List<List<String>> rows, int firstNumeric) {
        StringBuilder out = new StringBuilder(ComparisonTable.markdownRow(header)).append('|');
        for (int i = 0; i < header.size(); i++) {
            out.append(i < firstNumeric ? " --- |" : " ---: |");
        }
        out.append('\n');
        rows.forEach(row -> out.append(ComparisonTable.markdownRow(row)));
        return out.toString();
    }

    /** The test table as a booktabs table, with the note as its caption. */
    public String toLatex() {
        StringBuilder out = new StringBuilder("\\begin{table}\n\\centering\n\\small\n\\begin{tabular}{llrrr}\n"
                + "\\toprule\n");
        out.append(String.join(" & ", testHeader().stream().map(ComparisonTable::latex).toList()))
                .append(" \\\\\n\\midrule\n");
        for (List<String> row : testRows()) {
            out.append(String.join(" & ", row.stream().map(ComparisonTable::latex).toList())).append(" \\\\\n");
        }
        return out.append("\\bottomrule\n\\end{tabular}\n\\caption{").append(ComparisonTable.latex(note()))
                .append("}\n\\end{table}\n").toString();
    }

    /** The tests across strata with full-precision figures, for spreadsheets. */
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("metric", "kind", "test", "statistic", "p_value", "strata"));
        for (StratifiedComparison.StratifiedTest test : stratified.tests()) {
            boolean numeric = test.metric().kind() == MetricKind.NUMERIC;
            rows.add(List.of(test.metric().key(), test.metric().kind().key(),
                    numeric ? "van_elteren_z" : "cmh_chi_square", ComparisonTable.raw(test.statistic()), ComparisonTable.raw(test.pValue()),
                    Integer.toString(test.strata())));
        }
        return List.copyOf(rows);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
