package org.divergence.render.report;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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

    static String agreementIntro(AgreementSection.Summary summary) {
        return summary.coderA() + " (A) and " + summary.coderB() + " (B), by " + summary.unit()
                + ": every unit of every transcript counts, including text neither coder coded. Cohen's κ with "
                + "textbook chance agreement; Krippendorff's α (nominal). — where undefined.";
    }

    /** Percent agreement (already in percent) with one decimal: "93.4%". */
    static String percent(double percent) {
        return Double.isNaN(percent) ? PaperFormat.UNDEFINED : String.format(Locale.ROOT, "%.1f%%", percent);
    }
}
