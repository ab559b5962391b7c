package org.divergence.core.agreement;

import java.util.List;

/**
 * The agreement within one transcript (NVivo reports agreement per code and source): its codes, in codebook order,
 * those at least one coder applied in it, and overall; alpha_u on this transcript alone as the continuum.
 */
public record TranscriptAgreement(long transcriptId, String transcript, long unitsPerCode, List<CodeAgreement> codes,
                                  AgreementFigures overall) {

    public TranscriptAgreement {
        codes = List.copyOf(codes);
    }
}
