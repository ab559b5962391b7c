package org.divergence.core.agreement;

import java.util.List;

/**
 * Agreement between coders A and B over one kind of unit: per code (in codebook order, the codes at least one of the
 * two applied) and overall, pooled over all (unit, code) pairs of those codes; and every disagreement.
 */
public record AgreementResult(AgreementUnit unit, String coderA, String coderB, long unitsPerCode,
                              List<CodeAgreement> codes, AgreementCounts overall, List<Disagreement> disagreements) {

    public AgreementResult {
        codes = List.copyOf(codes);
        disagreements = List.copyOf(disagreements);
    }

    /** The disagreements on one code, in transcript and text order. */
    public List<Disagreement> disagreements(long codeId) {
        return disagreements.stream().filter(d -> d.codeId() == codeId).toList();
    }
}
