package org.divergence.core.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GUIDs, colours and code definitions as real exports write them. */
class RefiValuesTest {

    @Test
    void guidsAreKeptWhenTheyConformAndDerivedStablyOtherwise() {
        assertEquals("0a1b2c3d-0000-4000-8000-00000000000a", Guids.normalize("{0A1B2C3D-0000-4000-8000-00000000000A}"));
        assertEquals("0a1b2c3d-0000-4000-8000-00000000000a", Guids.normalize(" 0a1b2c3d-0000-4000-8000-00000000000a "));
        assertTrue(Guids.isConforming("{0A1B2C3D-0000-4000-8000-00000000000A}"));
        assertFalse(Guids.isConforming("{0A1B2C3D-0000-4000-8000-00000000000A"));
        assertFalse(Guids.isConforming("code-1"));
        String derived = Guids.normalize("code-1");
        assertTrue(Guids.isConforming(derived));
        assertEquals(derived, Guids.normalize("code-1"), "the same odd identifier maps to the same GUID");
        assertFalse(derived.equals(Guids.normalize("code-2")));
        assertNull(Guids.normalize(null));
    }

    @Test
    void coloursInTheirUsualNotations() {
        assertEquals("#0072B2", RefiColors.parse("#0072b2"));
        assertEquals("#0072B2", RefiColors.parse("0072B2"));
        assertEquals("#AABBCC", RefiColors.parse("#abc"));
        assertEquals("#FF8000", RefiColors.parse("rgb(255, 128, 0)"));
        assertEquals("#FF8000", RefiColors.parse("255,128,0"));
        assertNull(RefiColors.parse("blue"));
        assertNull(RefiColors.parse("300,0,0"));
        assertNull(RefiColors.parse(""));
    }

    @Test
    void definitionsPackIntoOneDescriptionAndBackApart() {
        RefiProject.Definition full = new RefiProject.Definition("What it is.\n\nTwo paragraphs.", "when A",
                "not when B", "\"a quote\"");
        String packed = CodeDefinitions.pack(full);
        assertEquals("What it is.\n\nTwo paragraphs.\n\nInclude when: when A\n\nExclude when: not when B\n\n"
                + "Example: \"a quote\"", packed);
        assertEquals(full, CodeDefinitions.unpack(packed));
        RefiProject.Definition partial = new RefiProject.Definition(null, null, "never", null);
        assertEquals(partial, CodeDefinitions.unpack(CodeDefinitions.pack(partial)));
        assertEquals(new RefiProject.Definition("Plain text from another tool.", null, null, null),
                CodeDefinitions.unpack("Plain text from another tool."));
        assertEquals(RefiProject.Definition.EMPTY, CodeDefinitions.unpack("  "));
        assertNull(CodeDefinitions.pack(RefiProject.Definition.EMPTY));
    }
}
