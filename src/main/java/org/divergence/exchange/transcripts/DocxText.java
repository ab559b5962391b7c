package org.divergence.exchange.transcripts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.divergence.core.common.InvalidInputException;
import org.divergence.exchange.common.BoundedText;
import org.divergence.exchange.common.CappedInputStream;
import org.divergence.exchange.common.Refusal;
import org.divergence.exchange.common.SafeXml;
import org.divergence.exchange.common.SafeZip;

/**
 * The text of a Word document (.docx), read by streaming its main part ({@code word/document.xml}) with
 * {@link SafeXml}: memory holds the text and nothing else, however large the document. Paragraphs become lines; tabs
 * and line breaks are kept; table cells are separated by tabs and rows by lines. What is not the body's running text
 * is left out: deleted revisions, field codes, drawings and text boxes, headers and footers, comments and notes.
 */
public final class DocxText {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String MAIN_PART = "word/document.xml";
    /** Subtrees with no running text of the body (properties, deleted or moved-away text, drawings, references). */
    private static final Set<String> SKIPPED = Set.of("pPr", "rPr", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr",
            "sdtPr", "sdtEndPr", "del", "moveFrom", "delText", "instrText", "delInstrText", "drawing", "pict",
            "object", "footnoteReference", "endnoteReference", "commentReference", "fldData");
    private static final String MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private DocxText() {
    }

    /** A .docx file: its main part read through {@link SafeZip}, within {@link SafeZip.Limits#DOCUMENT}. */
    static String read(Path file, String name, int maxChars) {
        try (SafeZip zip = SafeZip.open(file, ".docx", SafeZip.Limits.DOCUMENT)) {
            String part = zip.find(MAIN_PART).orElseThrow(() -> new InvalidInputException(name + ": is not a Word "
                    + ".docx document (it has no " + MAIN_PART + ")"));
            try (InputStream in = zip.open(part)) {
                return parse(in, name, maxChars);
            } catch (IOException e) {
                throw failure(name, e);
            }
        }
    }

    /**
     * A .docx held in another archive (a REFI-QDA source's rich text), read as a stream: the entries before the main
     * part are passed over, the main part is parsed as it inflates, and its size is bounded like a file's.
     */
    public static String read(InputStream docx, String name, int maxChars) {
        try (ZipInputStream zip = new ZipInputStream(docx)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().replace('\\', '/').equalsIgnoreCase(MAIN_PART)) {
                    long limit = SafeZip.Limits.DOCUMENT.maxEntryBytes();
                    return parse(new CappedInputStream(zip, limit, name + " \u203A " + MAIN_PART + ": refused, it "
                            + "unpacks to more than " + SafeZip.mb(limit) + " (a zip bomb?); nothing was imported"),
                            name, maxChars);
                }
            }
            throw new InvalidInputException(name + ": is not a Word .docx document (it has no " + MAIN_PART + ")");
        } catch (IOException e) {
            throw failure(name, e);
        }
    }

    private static InvalidInputException failure(String name, Exception e) {
        InvalidInputException ours = SafeXml.refusalIn(e);
        return ours != null ? ours : Refusal.of(name + ": is damaged or not a Word .docx document" + SafeXml.at(e), e);
    }

    static String parse(InputStream in, String name, int maxChars) {
        XMLStreamReader xml = SafeXml.reader(in, name);
        BoundedText.Sink text = new BoundedText.Sink(maxChars);
        try {
            new Walker(xml, text, name).walk();
            return text.toString();
        } catch (BoundedText.TooLong e) {
            throw TranscriptReader.tooLong(name, e.limit());
        } catch (XMLStreamException | IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw failure(name, e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // Closing a parser over a stream its caller closes.
            }
        }
    }

    /** Follows the document's elements, writing the body's running text. */
    private static final class Walker {
        private final XMLStreamReader xml;
        private final BoundedText.Sink text;
        private final String name;
        private int skipDepth;
        private boolean inTextElement;
        private int tableDepth;
        /** Per open table row: cells started so far; in a cell: paragraphs ended so far. */
        private final int[] cellsInRow = new int[64];
        private final int[] paragraphsInCell = new int[64];

        Walker(XMLStreamReader xml, BoundedText.Sink text, String name) {
            this.xml = xml;
            this.text = text;
            this.name = name;
        }

        void walk() throws XMLStreamException, IOException {
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> start();
                    case XMLStreamConstants.END_ELEMENT -> end();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (skipDepth == 0 && inTextElement) {
                            text.write(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        }
                    }
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new InvalidInputException(name + ": declares a DTD or entities, which Word "
                                    + "documents never do; refusing to read it");
                    default -> {
                    }
                }
            }
        }

        private void start() throws IOException {
            String local = xml.getLocalName();
            String ns = xml.getNamespaceURI();
            if (skipDepth > 0 || W.equals(ns) && SKIPPED.contains(local)
                    || MARKUP_COMPATIBILITY.equals(ns) && local.equals("AlternateContent")) {
                skipDepth++;
                return;
            }
            if (!W.equals(ns)) {
                return;
            }
            switch (local) {
                case "t" -> inTextElement = true;
                case "tab" -> text.write('\t');
                case "br", "cr" -> text.write('\n');
                case "noBreakHyphen" -> text.write('-');
                case "p" -> {
                    if (tableDepth > 0 && paragraphsInCell[cell()] > 0) {
                        text.write('\t');
                    }
                }
                case "tbl" -> tableDepth++;
                case "tr" -> cellsInRow[cell()] = 0;
                case "tc" -> {
                    if (cellsInRow[cell()]++ > 0) {
                        text.write('\t');
                    }
                    paragraphsInCell[cell()] = 0;
                }
                default -> {
                }
            }
        }

        private void end() throws IOException {
            if (skipDepth > 0) {
                skipDepth--;
                return;
            }
            if (!W.equals(xml.getNamespaceURI())) {
                return;
            }
            switch (xml.getLocalName()) {
                case "t" -> inTextElement = false;
                case "p" -> {
                    if (tableDepth > 0) {
                        paragraphsInCell[cell()]++;
                    } else {
                        text.write('\n');
                    }
                }
                case "tr" -> text.write('\n');
                case "tbl" -> {
                    tableDepth--;
                    if (tableDepth == 0) {
                        text.write('\n');
                    }
                }
                default -> {
                }
            }
        }

        /** Tables nest; deeper than the array, cells share its last slot (their text still comes out). */
        private int cell() {
            return Math.min(tableDepth, cellsInRow.length - 1);
        }
    }
}
