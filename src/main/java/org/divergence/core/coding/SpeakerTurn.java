package org.divergence.core.coding;

/**
 * A speaker turn: code points [start, end) of a transcript, where [start, labelEnd) is its label such as
 * "[00:12:03] Interviewer: ". Speaker and timestamp are null when the turn has none.
 */
public record SpeakerTurn(int start, int end, int labelEnd, String speaker, String timestamp) {
}
