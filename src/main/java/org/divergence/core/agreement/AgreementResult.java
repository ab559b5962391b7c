package org.divergence.core.agreement;

import java.util.List;

/**
 * Agreement of two or more coders over one kind of unit: per code (in codebook order, the codes at least one of
 * them applied) and overall, pooled over all (unit, code) pairs of those codes; every disagreement; and, when asked
 * for, the same per transcript (in continuum order).
 */
public record AgreementResult(AgreementUnit unit, List<String> coders, long unitsPerCode, List<CodeAgreement> codes,
                              AgreementFigures overall, List<Disagreement> disagreements,
                              List<TranscriptAgreement> transcripts) {

    public AgreementResult {
        coders = List.copyOf(coders);
        codes = List.copyOf(codes);
        disagreements = List.copyOf(disagreements);
        transcripts = List.copyOf(transcripts);
    }

    /** The disagreements on one code, in transcript and text order. */
    public List<Disagreement> disagreements(long codeId) {
        return disagreements.stream().filter(d -> d.codeId() == codeId).toList();
    }

    /** The names of the coders who coded a disagreement (or, with {@code coded} false, who did not). */
    public List<String> coders(Disagreement disagreement, boolean coded) {
        return java.util.stream.IntStream.range(0, coders.size())
                .filter(i -> disagreement.codedBy(i) == coded).mapToObj(coders::get).toList();
    }
}
