package org.divergence.core.agreement;

/**
 * Where two coders disagree on a code: code points [start, end) of a transcript that only one of them coded with it.
 * For character units this is a maximal range; for other units it is one unit.
 */
public record Disagreement(long transcriptId, long codeId, int start, int end, Side side) {

    /** Which coder coded the range. */
    public enum Side { A_ONLY, B_ONLY }
}
