package org.divergence.exchange.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.divergence.core.common.LimitExceededException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the guard lets through whole (any length of text between markup; markup up to its limit, here 20 characters)
 * and what it stops, however the markup tries to hide its end.
 */
class XmlSizeGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<a x='1'>" + "long text between tags, as long as it likes" + "</a>",
        "<a x='>>>'/><!-- a > b --><?pi x?><![CDATA[<>]]>",
        "<!-- ends at ---><a/>",
        "<![CDATA[ends at]]]><a/>",
        "<a/>" + "<b/>"})
    void markupWithinTheLimitPasses(String xml) throws IOException {
        assertEquals(xml, read(xml));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<a x='" + "0123456789012345678'/>|tag (with its attributes)",
        "<a x='>" + "0123456789012345678'/>|tag (with its attributes)",
        "<!-- -- > --" + "01234567890123 -->|comment",
        "<![CDATA[ ]] >" + "0123456789]]>|CDATA section",
        "<?pi ? >" + "012345678901234?>|processing instruction",
        "<!DOCTYPE x []><a>" + "0123456789</a>|declaration (a DTD)"})
    void markupBeyondTheLimitIsRefused(String xml, String kind) {
        IOException refused = assertThrows(IOException.class, () -> read(xml));
        assertInstanceOf(LimitExceededException.class, refused.getCause());
        assertEquals("doc.xml, line 1: refused, an XML " + kind + " there is longer than 20 characters (the limit "
                + "for one); nothing was imported", refused.getCause().getMessage());
    }

    private static String read(String xml) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Reader guard = new XmlSizeGuard(new StringReader(xml), "doc.xml", 20)) {
            char[] buffer = new char[3];
            int n;
            while ((n = guard.read(buffer, 0, buffer.length)) >= 0) {
                out.append(buffer, 0, n);
            }
        }
        return out.toString();
    }
}
