package org.divergence.core.coding;

/** A memo on a coding, a transcript, a code or a case (exactly one of the ids is set, or none: a project memo). */
public record Memo(long id, String guid, Long codingId, Long transcriptId, Long codeId, Long caseId, Long coderId,
                   String title, String text, String createdAt, String modifiedAt) {

    public enum Target { CODING, TRANSCRIPT, CODE, CASE }
}
