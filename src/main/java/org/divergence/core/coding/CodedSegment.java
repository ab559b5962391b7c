package org.divergence.core.coding;

import java.util.Map;

/**
 * One coded segment as exports and retrieval show it: where it is, who coded it with what, and its text.
 * Offsets count code points, end exclusive.
 */
public record CodedSegment(long codingId, String codingGuid, long transcriptId, String transcript, String caseName,
                           Map<String, String> caseAttributes, long codeId, String codePath, String coder, int start,
                           int end, String text, String createdAt) {
}
