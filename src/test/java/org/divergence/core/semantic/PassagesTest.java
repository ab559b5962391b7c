package org.divergence.core.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassagesTest {

    private static String slice(String text, PassageSpan span) {
        return text.substring(text.offsetByCodePoints(0, span.start()), text.offsetByCodePoints(0, span.end()));
    }

    @Test
    void speakerTurnsWithoutTheirLabelsAndLeadingTextAsItsOwnPassage() {
        String text = "Header line.\nInterviewer: Why 😀 GitHub?\nP1: Because of forks. And issues.\n\n";
        List<PassageSpan> passages = Passages.of(text);
        assertEquals(List.of("Header line.", "Why 😀 GitHub?", "Because of forks. And issues."),
                passages.stream().map(span -> slice(text, span)).toList());
    }

    @Test
    void sentencesWhenTheTranscriptHasNoSpeakers() {
        String text = "We fork a lot. Then we merge.\nNobody reads weights.";
        assertEquals(List.of("We fork a lot.", "Then we merge.", "Nobody reads weights."),
                Passages.of(text).stream().map(span -> slice(text, span)).toList());
    }

    @Test
    void aLongTurnIsCutIntoRunsOfWholeSentencesOfAtMostEightyWords() {
        String sentence = "One two three four five six seven eight nine ten. ";
        String text = "P1: " + sentence.repeat(20) + "\nInterviewer: Thanks.";
        List<PassageSpan> passages = Passages.of(text);
        assertEquals(4, passages.size(), passages.toString());
        for (PassageSpan span : passages.subList(0, 3)) {
            String chunk = slice(text, span);
            int words = chunk.strip().split("\\s+").length;
            assertTrue(words <= Passages.MAX_WORDS && words % 10 == 0, chunk);
            assertTrue(chunk.endsWith("ten."), chunk);
        }
        assertEquals("Thanks.", slice(text, passages.getLast()));
    }
}
