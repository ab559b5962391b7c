package org.divergence.core.agreement;

/** The 2 × 2 table of one pair of coders, by their positions in the result's coder list (a before b). */
public record PairAgreement(int coderA, int coderB, AgreementCounts counts) {
}
