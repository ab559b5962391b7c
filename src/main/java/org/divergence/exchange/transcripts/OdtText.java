package org.divergence.exchange.transcripts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.divergence.core.common.InvalidInputException;

/**
 * The text of an OpenDocument text file: {@code content.xml} read with StAX, DTDs and external entities off, and the
 * uncompressed size bounded (a zip bomb is refused). Paragraphs and headings become lines; spaces, tabs and line
 * breaks are kept; annotations (comments) are left out.
 */
final class OdtText {

    static final long MAX_CONTENT_BYTES = 200L * 1024 * 1024;
    private static final String TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

    private OdtText() {
    }

    static String read(Path file, String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("content.xml");
            if (entry == null) {
                throw new InvalidInputException(name + ": not an OpenDocument text (no content.xml inside)");
            }
            if (entry.getSize() > MAX_CONTENT_BYTES) {
                throw new InvalidInputException(name + ": content.xml is too large to import ("
                        + entry.getSize() / (1024 * 1024) + " MB uncompressed)");
            }
            try (InputStream in = new BoundedInputStream(zip.getInputStream(entry), MAX_CONTENT_BYTES, name)) {
                return parse(in, name);
            }
        } catch (java.util.zip.ZipException e) {
            throw new InvalidInputException(name + ": not a valid OpenDocument file (" + e.getMessage() + ")", e);
        }
    }

    static String parse(InputStream in, String name) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        StringBuilder out = new StringBuilder();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
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
                    out.append(reader.getText());
                } else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new InvalidInputException(name + ": content.xml declares a DTD or entities, which "
                            + "OpenDocument files never do; refusing to read it");
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw new InvalidInputException(name + ": content.xml is not well-formed XML ("
                    + e.getMessage().lines().findFirst().orElse("") + ")", e);
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

    /** Stops reading past a limit, whatever the archive's header claims. */
    static final class BoundedInputStream extends java.io.FilterInputStream {
        private final long limit;
        private final String name;
        private long read;

        BoundedInputStream(InputStream in, long limit, String name) {
            super(in);
            this.limit = limit;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw new InvalidInputException(name + ": content is larger than " + limit / (1024 * 1024)
                        + " MB uncompressed; refusing it (a damaged file or a zip bomb)");
            }
        }
    }
}
