package org.divergence.core.agreement;

/** One coding as agreement sees it: a code on code points [start, end) of a transcript (the coder is implied). */
public record CodedRange(long transcriptId, long codeId, int start, int end) {
}
