package org.divergence.core.agreement;

/**
 * Where coders disagree on a code: code points [start, end) of a transcript that some but not all of them coded with
 * it. {@code codedBy} has bit i set when coder i (in the result's coder list) coded it. For character units this is a
 * maximal range with the same coders; for other units it is one unit.
 */
public record Disagreement(long transcriptId, long codeId, int start, int end, long codedBy) {

    public boolean codedBy(int coder) {
        return (codedBy & (1L << coder)) != 0;
    }
}
