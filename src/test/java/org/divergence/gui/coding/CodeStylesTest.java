package org.divergence.gui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.Coding;
import org.divergence.core.coding.SpeakerTurns;
import org.divergence.core.text.CodePointIndex;
import org.junit.jupiter.api.Test;

class CodeStylesTest {

    private static Coding coding(long id, long code, int start, int end) {
        return new Coding(id, "g" + id, 1, code, 1, start, end, "t");
    }

    @Test
    void tintsCodedTextUnderlinesOverlapsAndBoldsLabelsInUtf16() {
        String text = "P1: 😀 abc def";
        Codebook codebook = new Codebook(List.of(
                new Code(1, "a", null, "A", "#0072B2", null, null, null, null, 0),
                new Code(2, "b", null, "B", "#D55E00", null, null, null, null, 1)));
        // Code points: "P1: " 0-4, 😀 4, " " 5, "abc" 6-9, " " 9, "def" 10-13. UTF-16 shifts by one after the emoji.
        List<Coding> codings = List.of(coding(1, 1, 4, 9), coding(2, 2, 6, 13));
        List<CodeStyles.Run> runs = CodeStyles.runs(0, text.length(), codings, SpeakerTurns.detect(text),
                CodePointIndex.of(text), codebook);
        assertEquals(List.of(4, 3, 3, 4), runs.stream().map(CodeStyles.Run::length).toList());
        assertTrue(runs.get(0).style().contains("bold"));
        assertEquals(CodeStyles.style(false, "#0072B2", null), runs.get(1).style());
        assertEquals(CodeStyles.style(false, "#0072B2", "#D55E00"), runs.get(2).style(),
                "where both codings cover the text, the shorter tints and the other underlines");
        assertEquals(CodeStyles.style(false, "#D55E00", null), runs.get(3).style());
        assertEquals(text.length(), runs.stream().mapToInt(CodeStyles.Run::length).sum());
    }
}
