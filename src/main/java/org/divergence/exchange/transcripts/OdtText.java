package org.divergence.exchange.transcripts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.divergence.core.common.InvalidInputException;
import org.divergence.exchange.common.BoundedText;
import org.divergence.exchange.common.Refusal;
import org.divergence.exchange.common.SafeXml;
import org.divergence.exchange.common.SafeZip;

/**
 * The text of an OpenDocument text file: {@code content.xml} streamed through {@link SafeXml} (DTDs and external
 * entities off, markup bounded) out of a {@link SafeZip} (a zip bomb is refused as it inflates), keeping only the
 * text, itself limited. Paragraphs and headings become lines; spaces, tabs and line breaks are kept; annotations
 * (comments) are left out.
 */
final class OdtText {

    private static final String TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

    private OdtText() {
    }

    static String read(Path file, String name, int maxChars) {
        try (SafeZip zip = SafeZip.open(file, ".odt", SafeZip.Limits.DOCUMENT)) {
            String content = zip.find("content.xml").orElseThrow(() -> new InvalidInputException(name
                    + ": not an OpenDocument text (no content.xml inside)"));
            try (InputStream in = zip.open(content)) {
                return parse(in, name, maxChars);
            } catch (IOException e) {
                InvalidInputException ours = SafeXml.refusalIn(e);
                throw ours != null ? ours : Refusal.of(name + ": is damaged or not an OpenDocument text", e);
            }
        }
    }

    static String parse(InputStream in, String name, int maxChars) {
        XMLStreamReader reader = SafeXml.reader(in, name + " \u203A content.xml");
        BoundedText.Sink out = new BoundedText.Sink(maxChars);
        try {
            int paragraphDepth = 0;
            int skipDepth = 0;
            boolean pendingBreak = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String ns = reader.getNamespaceURI();
                    String local = reader.getLocalName();
                    if (skipDepth > 0 || OFFICE_NS.equals(ns) && "annotation".equals(local)) {
                        skipDepth++;
                        continue;
                    }
                    if (TEXT_NS.equals(ns)) {
                        switch (local) {
                            case "p", "h" -> {
                                if (paragraphDepth == 0 && pendingBreak) {
                                    out.append('\n');
                                }
                                paragraphDepth++;
                            }
                            case "s" -> {
                                String count = reader.getAttributeValue(TEXT_NS, "c");
                                out.repeat(' ', count == null ? 1 : Math.clamp(parseOr(count, 1), 1, 1000));
                            }
                            case "tab" -> out.append('\t');
                            case "line-break" -> out.append('\n');
                            default -> {
                            }
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (skipDepth > 0) {
                        skipDepth--;
                        continue;
                    }
                    if (TEXT_NS.equals(reader.getNamespaceURI())
                            && ("p".equals(reader.getLocalName()) || "h".equals(reader.getLocalName()))) {
                        paragraphDepth--;
                        pendingBreak = true;
                    }
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                        && skipDepth == 0 && paragraphDepth > 0) {
                    out.write(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                } else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new InvalidInputException(name + ": content.xml declares a DTD or entities, which "
                            + "OpenDocument files never do; refusing to read it");
                }
            }
            reader.close();
        } catch (BoundedText.TooLong e) {
            throw TranscriptReader.tooLong(name, e.limit());
        } catch (XMLStreamException | IOException | RuntimeException e) {
            InvalidInputException ours = SafeXml.refusalIn(e);
            throw ours != null ? ours : Refusal.of(name + ": content.xml is not well-formed XML"
                    + SafeXml.at(e) + "; it is damaged", e);
        }
        return out.toString();
    }

    private static int parseOr(String value, int fallback) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
