package org.divergence.core.evidence;

/**
 * A coded segment ({@code codingId}) or a whole code ({@code codeId}) linked to a finding, with the analyst's note on
 * how it bears on it (null when none). Exactly one of codingId and codeId is set.
 */
public record EvidenceLink(long id, Long codingId, Long codeId, FindingRef target, String note, String createdAt) {

    public EvidenceLink {
        if ((codingId == null) == (codeId == null)) {
            throw new IllegalArgumentException("An evidence link is to a segment or to a code");
        }
    }

    /** True when the link is to one coded segment, false when it is to a whole code. */
    public boolean isSegment() {
        return codingId != null;
    }

    public String noteOrEmpty() {
        return note == null ? "" : note;
    }
}
