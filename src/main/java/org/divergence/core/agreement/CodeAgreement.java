package org.divergence.core.agreement;

/** The agreement of the coders on one code; {@code code} is its path, e.g. "Parent/Child". */
public record CodeAgreement(long codeId, String code, AgreementFigures figures) {
}
