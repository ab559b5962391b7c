package org.divergence.core.report;

import java.util.List;

/**
 * The report's inter-coder agreement: a table per code and overall, or a note saying why there is none. The
 * agreement feature fills it (app.report.ReportExtensions); until then the report says "No agreement computed".
 * Undefined figures are NaN and print as "—".
 */
public record AgreementSection(Summary summary, String note) {

    public static final AgreementSection NOT_COMPUTED = new AgreementSection(null, "No agreement computed.");

    /**
     * The agreement of two or more coders over a unit (character, sentence, paragraph, turn), per code and pooled;
     * with more than two coders also each pair's table pooled over codes.
     */
    public record Summary(String unit, List<String> coders, List<CodeAgreement> codes, CodeAgreement overall,
                          List<PairAgreement> pairs) {
        public Summary {
            coders = List.copyOf(coders);
            codes = List.copyOf(codes);
            pairs = List.copyOf(pairs);
        }

        public boolean twoCoders() {
            return coders.size() == 2;
        }
    }

    /** Units both coders coded, only A, only B, neither. */
    public record Counts(long both, long aOnly, long bOnly, long neither) {
    }

    /**
     * One code (its path), or the pooled row: its units; the two coders' counts (null with more coders); percent
     * agreement of all coders in percent (0–100); Cohen's κ (two coders) or Fleiss' κ (more); Krippendorff's α
     * (nominal) and unitizing α over characters.
     */
    public record CodeAgreement(String code, long units, Counts counts, double percentAgreement, double kappa,
                                double alpha, double alphaU) {
    }

    /** One pair of coders' table pooled over codes, with percent agreement (0–100) and Cohen's κ. */
    public record PairAgreement(String coderA, String coderB, Counts counts, double percentAgreement, double kappa) {
    }

    public boolean isComputed() {
        return summary != null;
    }
}
