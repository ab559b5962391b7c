package org.divergence.core.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpeakerTurnsTest {

    @Test
    void detectsLabelsTimestampsAndTilesTheText() {
        String text = "Header line\n\nInterviewer: Hello?\nP3: Hi 😀 there.\ncontinued line\n"
                + "[00:12:03] Maria López: Yes.\nSo the thing is: not a speaker.\n[01:02:03] no speaker here";
        List<SpeakerTurn> turns = SpeakerTurns.detect(text);
        assertEquals(java.util.Arrays.asList(null, "Interviewer", "P3", "Maria López", null),
                turns.stream().map(SpeakerTurn::speaker).toList());
        assertEquals(0, turns.getFirst().start());
        int length = text.codePointCount(0, text.length());
        assertEquals(length, turns.getLast().end());
        for (int i = 1; i < turns.size(); i++) {
            assertEquals(turns.get(i - 1).end(), turns.get(i).start(), "turns tile the text");
        }
        SpeakerTurn p3 = turns.get(2);
        assertEquals("P3: ", text.substring(text.offsetByCodePoints(0, p3.start()),
                text.offsetByCodePoints(0, p3.labelEnd())));
        SpeakerTurn maria = turns.get(3);
        assertEquals("00:12:03", maria.timestamp());
        assertEquals("[00:12:03] Maria López: ", text.substring(text.offsetByCodePoints(0, maria.start()),
                text.offsetByCodePoints(0, maria.labelEnd())));
        assertEquals("01:02:03", turns.getLast().timestamp());
        assertNull(turns.getLast().speaker());
    }

    @Test
    void textWithoutLabelsIsOneTurn() {
        List<SpeakerTurn> turns = SpeakerTurns.detect("just some text\nmore");
        assertEquals(1, turns.size());
        assertEquals(19, turns.getFirst().end());
        assertEquals(List.of(), SpeakerTurns.detect(""));
    }
}
