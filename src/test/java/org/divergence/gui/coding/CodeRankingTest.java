package org.divergence.gui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.geometry.BoundingBox;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.junit.jupiter.api.Test;

/** Quick code offers what one means first, and sits beside the selection, not over it. */
class CodeRankingTest {

    private static final Code FACTORS = code(1, null, "Socio-technical factors");
    private static final Code BLACK_BOX = code(2, 1L, "Black-box nature of models");
    private static final Code COMPUTE = code(3, 1L, "Compute requirements");
    private static final Code DOCS = code(4, 1L, "Model documentation");
    private static final Code GOVERNANCE = code(5, 1L, "Governance");
    private final Codebook codebook = new Codebook(List.of(FACTORS, BLACK_BOX, COMPUTE, DOCS, GOVERNANCE));

    private static Code code(long id, Long parent, String name) {
        return new Code(id, "g" + id, parent, name, "#999999", null, null, null, null, (int) id);
    }

    private List<String> names(List<Code> recent, String query) {
        return CodeRanking.rank(codebook, recent, query).stream().map(Code::name).toList();
    }

    @Test
    void withNothingTypedTheRecentCodesComeFirstAndTheParentLast() {
        assertEquals(List.of("Governance", "Compute requirements", "Black-box nature of models",
                "Model documentation", "Socio-technical factors"), names(List.of(GOVERNANCE, COMPUTE), ""));
        assertEquals("Black-box nature of models", names(List.of(), " ").getFirst(), "not the parent code");
    }

    @Test
    void theBestMatchesComeFirstThenRecentWithinEqualMatches() {
        assertEquals(List.of("Model documentation", "Black-box nature of models"), names(List.of(), "mod"),
                "a name starting with the text before a word of a name starting with it");
        assertEquals(List.of("Compute requirements"), names(List.of(), "comp"));
        assertEquals(List.of("Governance"), names(List.of(), "govrnance"), "letters in order still find it");
        assertEquals(List.of("Socio-technical factors", "Black-box nature of models", "Compute requirements",
                "Model documentation", "Governance"), names(List.of(), "socio"),
                "a parent's name finds the codes under it, after itself");
        assertEquals(List.of("Compute requirements", "Model documentation"), names(List.of(), "ment"));
        assertEquals(List.of("Model documentation", "Compute requirements"), names(List.of(DOCS), "ment"),
                "among codes that match alike, the recent one first");
    }

    @Test
    void thePaletteGoesBelowTheSelectionOrWhereThereIsMoreRoomShortenedToFit() {
        BoundingBox area = new BoundingBox(100, 100, 600, 600);
        assertEquals(new QuickCodePalette.Placement(150, 228, 300),
                QuickCodePalette.place(new BoundingBox(150, 200, 300, 20), area, 440, 300));
        assertEquals(new QuickCodePalette.Placement(150, 292, 300),
                QuickCodePalette.place(new BoundingBox(150, 600, 300, 20), area, 440, 300), "above: no room below");
        assertEquals(new QuickCodePalette.Placement(150, 100, 292),
                QuickCodePalette.place(new BoundingBox(150, 400, 300, 300), area, 440, 400),
                "neither side has room: the larger one, the list shortened");
        assertEquals(new QuickCodePalette.Placement(260, 228, 300),
                QuickCodePalette.place(new BoundingBox(500, 200, 100, 20), area, 440, 300), "kept inside on the right");
    }
}
