package org.divergence.gui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.Coding;
import org.junit.jupiter.api.Test;

class CodingStripesTest {

    private final Codebook codebook = new Codebook(List.of(
            new Code(1, "p", null, "Factors", "#555555", null, null, null, null, 0),
            new Code(2, "a", 1L, "Compute", "#D55E00", null, null, null, null, 0),
            new Code(3, "b", 1L, "Platform", "#56B4E9", null, null, null, null, 1)));

    private static Coding coding(long id, long code, long coder, int start, int end) {
        return new Coding(id, "g" + id, 1, code, coder, start, end, "t");
    }

    private static String coder(long id) {
        return id == 1 ? "Ana" : "Ben";
    }

    @Test
    void twoCodesInOneParagraphAreTwoStripesInTheCodebooksOrderNotOneBar() {
        List<Coding> codings = List.of(coding(1, 3, 1, 10, 20), coding(2, 2, 1, 30, 40), coding(3, 2, 1, 42, 44),
                coding(4, 3, 1, 200, 210));
        List<CodingStripes.Stripe> stripes = CodingStripes.of(0, 100, codings, codebook, false, CodingStripesTest::coder);
        assertEquals(List.of("Compute", "Platform"), stripes.stream().map(CodingStripes.Stripe::label).toList());
        assertEquals(List.of(2L, 3L), stripes.getFirst().codings().stream().map(Coding::id).toList(),
                "a code's codings in the paragraph share its stripe, first one first");
        assertEquals("Factors/Compute", stripes.getFirst().path());
        assertEquals("#D55E00", stripes.getFirst().color());
    }

    @Test
    void severalCodersGetAStripeEachNamedAfterThem() {
        List<Coding> codings = List.of(coding(1, 2, 2, 10, 20), coding(2, 2, 1, 12, 18));
        assertTrue(CodingStripes.severalCoders(codings));
        assertFalse(CodingStripes.severalCoders(codings.subList(0, 1)));
        assertEquals(List.of("Ana · Compute", "Ben · Compute"), CodingStripes.of(0, 100, codings, codebook, true,
                CodingStripesTest::coder).stream().map(CodingStripes.Stripe::label).toList());
    }

    @Test
    void theMarginIsAsWideAsTheBusiestParagraphNeeds() {
        int[] paragraphs = {0, 50, 100};
        List<Coding> codings = List.of(coding(1, 2, 1, 0, 10), coding(2, 3, 1, 5, 60), coding(3, 2, 2, 55, 58),
                coding(4, 2, 1, 100, 101), coding(5, 2, 1, 52, 54));
        assertEquals(2, CodingStripes.mostPerParagraph(paragraphs, codings, false));
        assertEquals(3, CodingStripes.mostPerParagraph(paragraphs, codings, true), "the second paragraph: Platform "
                + "by Ana (a coding from the first one runs into it), Compute by Ana and Compute by Ben");
        assertEquals(0, CodingStripes.mostPerParagraph(paragraphs, List.of(), false));
    }

    @Test
    void aShortParagraphLabelsWhatFitsAndCountsTheRest() {
        assertEquals(2, StripeMargin.labelled(2, 2 * StripeMargin.ROW + 5));
        assertEquals(1, StripeMargin.labelled(3, 2 * StripeMargin.ROW + 5), "one label and \"+2 more\"");
        assertEquals(1, StripeMargin.labelled(1, 10), "one label always fits");
        assertEquals(0, StripeMargin.labelled(2, 10), "two in one short line: \"+2 more\" only");
    }
}
