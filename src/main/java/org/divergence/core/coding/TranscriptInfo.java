package org.divergence.core.coding;

/** A transcript without its text: what lists and tables show. Length counts code points. */
public record TranscriptInfo(long id, String guid, String name, Long caseId, String caseName, int length,
                             String sourceFile, String sourceFormat, String importedAt, int codings) {
}
