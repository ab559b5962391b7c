package org.divergence.render.report;

import java.util.ArrayList;
import java.util.List;
import org.divergence.core.evidence.FindingRef;
import org.divergence.core.metrics.ComparisonTable;
import org.divergence.core.report.Html;
import org.divergence.core.report.JointDisplay;
import org.divergence.render.common.CsvText;

/**
 * The joint display as a table for spreadsheets (CSV), notebooks (Markdown) and papers (LaTeX, booktabs): one row per
 * finding with the quantitative result, themes, quotes and interpretation as text. The HTML report draws the same
 * cells with more structure.
 */
public final class JointDisplayTable {

    public static final List<String> HEADER = List.of("Finding", "Quantitative result", "Qualitative themes",
            "Representative quotes", "Interpretation");

    private final JointDisplay display;

    public JointDisplayTable(JointDisplay display) {
        this.display = display;
    }

    /** The cells of a row, in {@link #HEADER} order; several entries of a cell are separate lines. */
    public static List<List<String>> cells(JointDisplay.Row row) {
        return List.of(List.of(row.label() + (row.ref().kind() == FindingRef.Kind.FACTOR ? " (factor)" : "")),
                quantitative(row), themes(row), quotes(row),
                row.interpretation().isEmpty() ? List.of() : List.of(row.interpretation()));
    }

    public static List<String> quantitative(JointDisplay.Row row) {
        boolean name = row.quantitative().size() > 1;
        return row.quantitative().stream().map(result -> (name ? result.comparison() + ": " : "") + result.text())
                .toList();
    }

    public static List<String> themes(JointDisplay.Row row) {
        return row.themes().stream().map(JointDisplayTable::theme).toList();
    }

    public static String theme(JointDisplay.Theme theme) {
        return theme.codePath() + " (" + relation(theme) + ")" + (theme.note() == null ? "" : ": " + theme.note());
    }

    /** "linked, 12 segments", "quoted, 2 quotes", "co-occurring, 3 overlaps". */
    public static String relation(JointDisplay.Theme theme) {
        String count = switch (theme.relation()) {
            case LINKED -> PlainText.count(theme.count(), "segment", "segments");
            case QUOTED -> PlainText.count(theme.count(), "quote", "quotes");
            case CO_OCCURRING -> PlainText.count(theme.count(), "overlap", "overlaps");
        };
        return theme.relation().word() + ", " + count;
    }

    public static List<String> quotes(JointDisplay.Row row) {
        List<String> quotes = new ArrayList<>(row.quotes().stream().map(JointDisplayTable::quote).toList());
        if (row.moreQuotes() > 0) {
            quotes.add("… and " + row.moreQuotes() + " more linked " + (row.moreQuotes() == 1 ? "quote" : "quotes"));
        }
        return quotes;
    }

    /** "“text” — P03 (role: fine-tuner, …), Compute requirements, Ana. Note: …" ("example" when not linked). */
    public static String quote(JointDisplay.Quote quote) {
        return "\u201C" + quote.text().replace('\n', ' ').strip() + "\u201D \u2014 " + source(quote)
                + (quote.note() == null ? "" : ". Note: " + quote.note());
    }

    /** Who said it and how it was coded: "P03 (role: fine-tuner; …); Compute requirements; coded by Ana". */
    public static String source(JointDisplay.Quote quote) {
        String who = quote.caseName() == null ? quote.transcript() : quote.caseName();
        if (!quote.attributes().isEmpty()) {
            who += " (" + String.join("; ", quote.attributes().stream()
                    .map(attribute -> attribute.name().replace('_', ' ') + ": " + attribute.value()).toList()) + ")";
        }
        return who + "; " + quote.codePath() + "; coded by " + quote.coder() + (quote.linked() ? "" : "; example");
    }

    // CSV -------------------------------------------------------------------------------------------------------------

    /** One line per row; multi-entry cells joined by newlines inside the quoted field (RFC 4180). */
    public String toCsv() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("kind", "key", "finding", "quantitative_result", "themes", "quotes", "interpretation"));
        for (JointDisplay.Row row : display.rows()) {
            List<String> fields = new ArrayList<>(List.of(row.ref().kind().code(), row.ref().key()));
            for (List<String> cell : cells(row)) {
                fields.add(String.join("\n", cell));
            }
            lines.add(fields);
        }
        return CsvText.of(lines);
    }

    // Markdown --------------------------------------------------------------------------------------------------------

    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append('|');
        HEADER.forEach(title -> out.append(' ').append(title).append(" |"));
        out.append("\n|");
        HEADER.forEach(title -> out.append(" --- |"));
        out.append('\n');
        for (JointDisplay.Row row : display.rows()) {
            List<List<String>> cells = cells(row);
            out.append('|');
            for (int i = 0; i < cells.size(); i++) {
                String text = String.join("<br>", cells.get(i).stream().map(JointDisplayTable::markdown).toList());
                if (i == 0) {
                    text = row.level() == 0 ? "**" + text + "**" : "&nbsp;&nbsp;" + text;
                }
                out.append(' ').append(text.isEmpty() ? PlainText.NONE : text).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Table-cell safe Markdown: pipes escaped, line breaks as spaces, HTML-significant characters escaped. */
    static String markdown(String text) {
        return Html.text(text).replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }

    // LaTeX -----------------------------------------------------------------------------------------------------------

    /** A booktabs table (needs \\usepackage{booktabs}); rows without evidence or interpretation are kept. */
    public String toLatex(String caption) {
        StringBuilder out = new StringBuilder();
        out.append("\\begin{table*}\n\\centering\n\\footnotesize\n");
        out.append("\\begin{tabular}{@{}p{0.13\\linewidth}p{0.2\\linewidth}p{0.16\\linewidth}p{0.29\\linewidth}"
                + "p{0.15\\linewidth}@{}}\n\\toprule\n");
        out.append(String.join(" & ", HEADER.stream().map(ComparisonTable::latex).toList())).append(" \\\\\n");
        out.append("\\midrule\n");
        for (JointDisplay.Row row : display.rows()) {
            List<List<String>> cells = cells(row);
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                String text = String.join(" \\newline ", cells.get(i).stream().map(ComparisonTable::latex).toList());
                if (i == 0) {
                    text = row.level() == 0 ? "\\textbf{" + text + "}" : "\\quad " + text;
                }
                fields.add(text);
            }
            out.append(String.join(" & ", fields)).append(" \\\\\n");
        }
        out.append("\\bottomrule\n\\end{tabular}\n");
        out.append("\\caption{").append(ComparisonTable.latex(caption)).append("}\n\\end{table*}\n");
        return out.toString();
    }
}
