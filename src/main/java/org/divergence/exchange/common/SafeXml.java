package org.divergence.exchange.common;

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
 * The one way untrusted XML is parsed (REFI-QDA documents, and the text of .docx and .odt files): a streaming StAX
 * reader with DTDs and external entities switched off, so an untrusted file can neither read local files or URLs
 * (XXE) nor expand entities without bound. Text comes in pieces (not coalesced), and {@link XmlSizeGuard} bounds
 * what the parser holds whole, so memory stays bounded however the document is shaped. Callers refuse a DTD when the
 * parser reports one: none of these formats has any.
 */
public final class SafeXml {

    /** The longest tag (with its attributes), comment, CDATA section or processing instruction: 4 million characters. */
    public static final long MAX_MARKUP_CHARS = 4L << 20;

    private static final Pattern DECLARED_ENCODING = Pattern.compile(
            "^<\\?xml[^>]*\\sencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private SafeXml() {
    }

    /** {@code where} names the document in messages ("study.qdpx › project.qde"). */
    public static XMLStreamReader reader(InputStream in, String where) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read (" + systemId + ")");
        });
        try {
            return factory.createXMLStreamReader(new XmlSizeGuard(decoded(in, where), where, MAX_MARKUP_CHARS));
        } catch (XMLStreamException e) {
            throw Refusal.of(where + ": is not XML; nothing was imported", e);
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
            InvalidInputException limit = refusalIn(e);
            throw limit != null ? limit : Refusal.of(where + ": cannot be read; nothing was imported", e);
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

    /**
     * The refusal of ours a parser failure carries (a zip entry over its limit, markup over its length, a text
     * over its size), however the parser wrapped it; null when there is none.
     */
    public static InvalidInputException refusalIn(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current instanceof InvalidInputException invalid) {
                return invalid;
            }
            Throwable next = current instanceof XMLStreamException stream && stream.getNestedException() != null
                    ? stream.getNestedException() : current.getCause();
            current = next == current ? null : next;
        }
        return null;
    }

    /** ", line 3, column 7" where the parser stopped, or nothing when it does not say. */
    public static String at(Throwable error) {
        if (error instanceof XMLStreamException stream && stream.getLocation() != null
                && stream.getLocation().getLineNumber() > 0) {
            return ", line " + stream.getLocation().getLineNumber() + ", column "
                    + stream.getLocation().getColumnNumber();
        }
        return "";
    }

    private static void setIfSupported(XMLInputFactory factory, String property, Object value) {
        if (factory.isPropertySupported(property)) {
            factory.setProperty(property, value);
        }
    }
}
