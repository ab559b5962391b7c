package org.divergence.gui.coding;

import java.util.List;
import org.divergence.core.coding.SpeakerTurn;
import org.divergence.core.coding.SpeakerTurns;
import org.divergence.core.coding.TranscriptInfo;
import org.divergence.core.text.CodePointIndex;

/** An open transcript: its text, the code point ↔ UTF-16 index the editor converts with, and its speaker turns. */
public record TranscriptDocument(TranscriptInfo info, String text, CodePointIndex index, List<SpeakerTurn> turns) {

    public static TranscriptDocument of(TranscriptInfo info, String text) {
        return new TranscriptDocument(info, text, CodePointIndex.of(text), SpeakerTurns.detect(text));
    }

    /** The text of code points [start, end). */
    public String slice(int start, int end) {
        return CodePointIndex.substring(text, index, start, end);
    }
}
