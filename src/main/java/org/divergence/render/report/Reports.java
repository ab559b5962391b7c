package org.divergence.render.report;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.divergence.core.metrics.PaperFormat;
import org.divergence.core.report.AgreementSection;
import org.divergence.core.report.ReportFormat;
import org.divergence.core.report.ReportModel;
import org.divergence.core.report.SampleDescription;

/** Renders a report model in a format, and the wording the formats share. */
public final class Reports {

    /** Above the SQL of the batches a database server computed (collect clickhouse). */
    public static final String QUERIES_HEADING = "Queries run on a database server";

    private Reports() {
    }

    public static String render(ReportModel model, ReportFormat format) {
        return switch (format) {
            case HTML -> HtmlReport.render(model);
            case MARKDOWN -> MarkdownReport.render(model);
            case LATEX -> LatexReport.render(model);
        };
    }

    /** "2026-01-15 09:00:00Z": UTC to the second. */
    public static String instant(Instant instant) {
        return instant == null ? PlainText.NONE
                : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)).replace('T', ' ');
    }

    /** "6 transcripts from 6 cases, coded by Ana and Ben: 76 codings with 9 codes." */
    static String interviews(SampleDescription.Interviews interviews) {
        if (interviews.transcripts() == 0) {
            return "No interview transcripts"
                    + (interviews.codes() > 0 ? "; the codebook has " + PlainText.count(interviews.codes(), "code",
                    "codes") : "") + ".";
        }
        String coders = interviews.coders().isEmpty() ? "nobody yet"
                : interviews.coders().size() == 1 ? interviews.coders().getFirst()
                : String.join(", ", interviews.coders().subList(0, interviews.coders().size() - 1)) + " and "
                + interviews.coders().getLast();
        return PlainText.count(interviews.transcripts(), "transcript", "transcripts") + " from "
                + PlainText.count(interviews.cases(), "case", "cases") + ", coded by " + coders + ": "
                + PlainText.count(interviews.codings(), "coding", "codings") + " with "
                + PlainText.count(interviews.codes(), "code", "codes") + " in the codebook.";
    }

    public static String agreementIntro(AgreementSection.Summary summary) {
        List<String> coders = summary.coders();
        if (summary.twoCoders()) {
            return coders.get(0) + " (A) and " + coders.get(1) + " (B), by " + summary.unit()
                    + ": every unit of every transcript counts, including text neither coder coded. Cohen's κ with "
                    + "textbook chance agreement; Krippendorff's α (nominal); unitizing α over characters, the "
                    + "transcripts end to end. — where undefined.";
        }
        return String.join(", ", coders.subList(0, coders.size() - 1)) + " and " + coders.getLast() + ", by "
                + summary.unit() + ": every unit of every transcript counts, including text no coder coded. Percent "
                + "agreement: units on which all coders agree; Fleiss' κ and Krippendorff's α (nominal) over all "
                + "coders; unitizing α over characters, the transcripts end to end. — where undefined.";
    }

    /**
     * The agreement table as plain cells, for every format alike: the header, a row per code, and the pooled row's
     * figures, which follow the label and {@code countColumns} empty count cells.
     */
    public record AgreementTable(List<String> header, List<List<String>> rows, int countColumns,
                          List<String> overallFigures) {
    }

    public static AgreementTable agreementTable(AgreementSection.Summary summary) {
        boolean two = summary.twoCoders();
        List<String> header = two ? List.of("Code", "Units", "Both", "A only", "B only", "Neither", "% agreement",
                "Cohen's κ", "Krippendorff's α", "Unitizing α")
                : List.of("Code", "Units", "% agreement", "Fleiss' κ", "Krippendorff's α", "Unitizing α");
        List<List<String>> rows = summary.codes().stream().map(code -> {
            List<String> cells = new ArrayList<>(List.of(code.code(), PaperFormat.count(code.units())));
            if (two) {
                cells.addAll(counts(code.counts()));
            }
            cells.addAll(figures(code));
            return List.copyOf(cells);
        }).toList();
        return new AgreementTable(header, rows, two ? 5 : 1, figures(summary.overall()));
    }

    /** Each pair of coders pooled over codes; empty for two coders (the main table holds their counts). */
    public static List<List<String>> agreementPairs(AgreementSection.Summary summary) {
        return summary.pairs().stream().map(pair -> {
            List<String> cells = new ArrayList<>(List.of(pair.coderA() + " (A), " + pair.coderB() + " (B)"));
            cells.addAll(counts(pair.counts()));
            cells.add(percent(pair.percentAgreement()));
            cells.add(PaperFormat.effect(pair.kappa()));
            return List.copyOf(cells);
        }).toList();
    }

    public static final List<String> AGREEMENT_PAIRS_HEADER = List.of("Pair of coders", "Both", "A only", "B only",
            "Neither", "% agreement", "Cohen's κ");

    private static List<String> counts(AgreementSection.Counts counts) {
        return List.of(PaperFormat.count(counts.both()), PaperFormat.count(counts.aOnly()),
                PaperFormat.count(counts.bOnly()), PaperFormat.count(counts.neither()));
    }

    private static List<String> figures(AgreementSection.CodeAgreement code) {
        return List.of(percent(code.percentAgreement()), PaperFormat.effect(code.kappa()),
                PaperFormat.effect(code.alpha()), PaperFormat.effect(code.alphaU()));
    }

    /** Percent agreement (already in percent) with one decimal: "93.4%". */
    static String percent(double percent) {
        return Double.isNaN(percent) ? PaperFormat.UNDEFINED : String.format(Locale.ROOT, "%.1f%%", percent);
    }
}
