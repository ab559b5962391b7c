package org.divergence.exchange.refi;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.divergence.core.common.InvalidInputException;

/**
 * The one way REFI files are parsed: a streaming StAX reader with DTDs and external entities switched off, so an
 * untrusted file can neither read local files or URLs (XXE) nor expand entities without bound. A document that
 * declares a DTD is refused: REFI-QDA documents have none.
 */
final class SafeXml {

    private static final Pattern DECLARED_ENCODING = Pattern.compile(
            "^<\\?xml[^>]*\\sencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private SafeXml() {
    }

    static XMLStreamReader reader(InputStream in, String where) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read (" + systemId + ")");
        });
        try {
            return factory.createXMLStreamReader(decoded(in, where));
        } catch (XMLStreamException e) {
            throw new InvalidInputException(where + ": not XML (" + e.getMessage() + "); nothing was imported", e);
        }
    }

    /**
     * The document's characters, decoded strictly here rather than by the parser (whose own decoder prints to
     * stderr on bad bytes): by its byte order mark, else its declared encoding, else UTF-8.
     */
    private static InputStreamReader decoded(InputStream in, String where) {
        BufferedInputStream buffered = new BufferedInputStream(in);
        Charset charset = StandardCharsets.UTF_8;
        try {
            buffered.mark(256);
            byte[] head = buffered.readNBytes(200);
            buffered.reset();
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                charset = StandardCharsets.UTF_16BE;
                buffered.skipNBytes(2);
            } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                charset = StandardCharsets.UTF_16LE;
                buffered.skipNBytes(2);
            } else if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                    && (head[2] & 0xFF) == 0xBF) {
                buffered.skipNBytes(3);
            } else {
                Matcher declared = DECLARED_ENCODING.matcher(new String(head, StandardCharsets.ISO_8859_1));
                if (declared.find()) {
                    charset = declaredCharset(declared.group(1));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(where + ": cannot be read (" + e.getMessage() + "); nothing was imported",
                    e);
        }
        return new InputStreamReader(buffered, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** A declared single-byte or UTF-8 encoding; anything unknown (or UTF-16 without a mark) reads as UTF-8. */
    private static Charset declaredCharset(String name) {
        try {
            return Charset.isSupported(name) && !name.toUpperCase(java.util.Locale.ROOT).startsWith("UTF-16")
                    ? Charset.forName(name) : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static void setIfSupported(XMLInputFactory factory, String property, Object value) {
        if (factory.isPropertySupported(property)) {
            factory.setProperty(property, value);
        }
    }
}
