package org.divergence.core.report;

import java.util.List;

/**
 * The report's inter-coder agreement: a table per code and overall, or a note saying why there is none. The
 * agreement feature fills it (app.report.ReportExtensions); until then the report says "No agreement computed".
 * Undefined figures (kappa or alpha when chance agreement is 1) are NaN and print as "—".
 */
public record AgreementSection(Summary summary, String note) {

    public static final AgreementSection NOT_COMPUTED = new AgreementSection(null, "No agreement computed.");

    /** Two coders' agreement over a unit (character, sentence, paragraph, turn), per code and pooled. */
    public record Summary(String unit, String coderA, String coderB, List<CodeAgreement> codes,
                          double percentAgreement, double kappa, double alpha) {
    }

    /** One code (its path): the unit counts and the three figures; percent agreement in percent (0–100). */
    public record CodeAgreement(String code, long units, long both, long aOnly, long bOnly, long neither,
                                double percentAgreement, double kappa, double alpha) {
    }

    public boolean isComputed() {
        return summary != null;
    }
}
