package org.divergence.core.report;

import java.util.List;
import org.divergence.core.evidence.FindingRef;
import org.divergence.core.metrics.MetricComparison;

/**
 * The mixed-methods joint display: one row per dimension, per metric (below its dimension) and per factor tag, with
 * the quantitative result, the qualitative themes (codes linked, codes of linked quotes, codes co-occurring with
 * them), representative quotes with their case attributes, and the analyst's interpretation.
 */
public record JointDisplay(List<Row> rows) {

    /** How a code bears on a row. */
    public enum Relation {
        LINKED("linked"), QUOTED("quoted"), CO_OCCURRING("co-occurring");

        private final String word;

        Relation(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * A row: the finding, its depth (0 for dimensions and factors, 1 for metrics), one quantitative entry per compared
     * pair, themes, quotes (and how many more linked quotes there are than shown), the interpretation ("" when none)
     * and the number of evidence links it has.
     */
    public record Row(FindingRef ref, String label, int level, List<Quantitative> quantitative, List<Theme> themes,
                      List<Quote> quotes, int moreQuotes, String interpretation, int links) {

        public boolean hasEvidence() {
            return !themes.isEmpty() || !quotes.isEmpty();
        }
    }

    /**
     * One pair's result for a row, as text for papers ({@code comparison} names the pair, e.g. "GitHub vs Hugging
     * Face"); {@code metric} is the comparison behind a metric row (null for dimension and factor rows).
     */
    public record Quantitative(String comparison, String text, MetricComparison metric) {
    }

    /** A code as a theme of the row; {@code count} is its segments (linked), quotes (quoted) or overlaps. */
    public record Theme(String codePath, String color, Relation relation, long count, String note) {
    }

    /** A case attribute of a quote's interviewee, in the attributes' order. */
    public record Attribute(String name, String value) {
    }

    /**
     * A quote: its text, code, case with attributes, coder and transcript; the link's note; {@code linked} is false
     * for an example taken from a linked code rather than a quote linked itself.
     */
    public record Quote(String text, String codePath, String color, String caseName, List<Attribute> attributes,
                        String coder, String transcript, String note, boolean linked) {
    }

    /** A code's name: the last part of its path (names never contain the separator). */
    public static String name(String codePath) {
        return codePath.substring(codePath.lastIndexOf(org.divergence.core.coding.Codebook.PATH_SEPARATOR) + 1);
    }

    public boolean hasEvidence() {
        return rows.stream().anyMatch(Row::hasEvidence);
    }

    public Row row(FindingRef ref) {
        return rows.stream().filter(row -> row.ref().equals(ref)).findFirst().orElse(null);
    }
}
