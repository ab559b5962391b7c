package org.divergence.core.semantic;

import java.util.ArrayList;
import java.util.List;
import org.divergence.core.agreement.AgreementUnit;
import org.divergence.core.agreement.TextUnits;
import org.divergence.core.agreement.UnitSpans;
import org.divergence.core.coding.SpeakerTurn;
import org.divergence.core.coding.SpeakerTurns;

/**
 * Splits a transcript into the passages the model embeds (ADR 0121): the speaker turns without their labels, or the
 * sentences when the transcript has no speakers. A turn longer than {@link #MAX_WORDS} words is cut into runs of
 * whole sentences of at most that many words, because the model reads only its first 126 word pieces and would
 * silently ignore the rest.
 */
public final class Passages {

    /** About 126 word pieces of English, the most the model reads. */
    public static final int MAX_WORDS = 80;

    private Passages() {
    }

    public static List<PassageSpan> of(String text) {
        List<SpeakerTurn> turns = SpeakerTurns.detect(text);
        boolean hasSpeakers = turns.stream().anyMatch(turn -> turn.speaker() != null || turn.timestamp() != null);
        UnitSpans sentences = TextUnits.of(text, AgreementUnit.SENTENCE);
        List<PassageSpan> passages = new ArrayList<>();
        if (!hasSpeakers) {
            for (int i = 0; i < sentences.count(); i++) {
                passages.add(new PassageSpan(sentences.start(i), sentences.end(i)));
            }
            return passages;
        }
        int[] wordsBefore = wordsBeforeEachCodePoint(text);
        int sentence = 0;
        for (SpeakerTurn turn : turns) {
            int chunkStart = -1;
            int chunkEnd = -1;
            while (sentence < sentences.count() && sentences.start(sentence) < turn.end()) {
                int start = Math.max(sentences.start(sentence), turn.labelEnd());
                int end = sentences.end(sentence);
                sentence++;
                if (end <= start) {
                    continue;
                }
                if (chunkStart >= 0 && wordsBefore[end] - wordsBefore[chunkStart] > MAX_WORDS) {
                    passages.add(new PassageSpan(chunkStart, chunkEnd));
                    chunkStart = -1;
                }
                if (chunkStart < 0) {
                    chunkStart = start;
                }
                chunkEnd = end;
            }
            if (chunkStart >= 0) {
                passages.add(new PassageSpan(chunkStart, chunkEnd));
            }
        }
        return passages;
    }

    /** For each code point offset, how many words start before it (a word starts after white space). */
    private static int[] wordsBeforeEachCodePoint(String text) {
        int[] counts = new int[text.codePointCount(0, text.length()) + 1];
        boolean inWord = false;
        int cp = 0;
        for (int i = 0; i < text.length(); cp++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
            counts[cp + 1] = counts[cp] + (!space && !inWord ? 1 : 0);
            inWord = !space;
        }
        return counts;
    }
}
