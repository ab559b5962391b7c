package org.divergence.exchange.transcripts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.text.TextNormalizer;

/**
 * Reads one transcript file into normalised text (see {@link TextNormalizer}). Every failure is an
 * {@link InvalidInputException} whose message starts with the file name and says what is wrong.
 */
public final class TranscriptReader {

    /** A transcript read from a file, not yet stored. */
    public record ReadTranscript(Path file, String name, String text, TranscriptFormat format) {
    }

    /** Larger inputs are refused before reading: no real interview comes near this. */
    /** Documents may carry images; text files are all text. Both bounds keep a 256 MB heap enough for any input. */
    static final long MAX_DOCUMENT_BYTES = 200L * 1024 * 1024;
    static final long MAX_TEXT_FILE_BYTES = 32L * 1024 * 1024;
    /** About 8,000 pages: far beyond any interview, small enough to code and to hold in memory. */
    static final int MAX_TEXT_CHARS = 16 * 1024 * 1024;

    static {
        // POI logs through the Log4j API; without a provider it complains on stderr. A simple logger is enough.
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory",
                    "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
    }

    private TranscriptReader() {
    }

    public static ReadTranscript read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        TranscriptFormat format = TranscriptFormat.of(file).orElseThrow(() -> new InvalidInputException(name
                + ": not a transcript format the workbench reads (use .txt, .md, .docx, .pdf, .odt, .vtt or .srt)"));
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(name + ": is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(name + ": file not found");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException(name + ": cannot be read (permission denied)");
        }
        try {
            long size = Files.size(file);
            long limit = switch (format) {
                case DOCX, PDF, ODT -> MAX_DOCUMENT_BYTES;
                default -> MAX_TEXT_FILE_BYTES;
            };
            if (size > limit) {
                throw new InvalidInputException(name + ": too large for a transcript (" + size / (1024 * 1024)
                        + " MB; the limit is " + limit / (1024 * 1024) + " MB)");
            }
            String raw = switch (format) {
                case TXT, MD -> decodeText(Files.readAllBytes(file), name);
                case VTT -> SubtitleText.fromVtt(decodeText(Files.readAllBytes(file), name), name);
                case SRT -> SubtitleText.fromSrt(decodeText(Files.readAllBytes(file), name), name);
                case DOCX -> docx(file, name);
                case PDF -> pdf(file, name);
                case ODT -> OdtText.read(file, name);
            };
            if (raw.length() > MAX_TEXT_CHARS) {
                throw new InvalidInputException(name + ": the text is too long for one transcript ("
                        + raw.length() / (1024 * 1024) + " million characters)");
            }
            String text = TextNormalizer.normalize(raw);
            if (text.indexOf('\0') >= 0) {
                throw new InvalidInputException(name + ": contains NUL characters; it does not look like text");
            }
            if (text.isBlank()) {
                throw new InvalidInputException(name + ": contains no text"
                        + (format == TranscriptFormat.PDF ? " (a scanned PDF without a text layer?)" : ""));
            }
            return new ReadTranscript(file, stem(name), text, format);
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** A plain-text transcript given as bytes (e.g. a resource bundled in the jar), read like a .txt file. */
    public static ReadTranscript fromBytes(String fileName, byte[] bytes) {
        String text = TextNormalizer.normalize(decodeText(bytes, fileName));
        return new ReadTranscript(Path.of(fileName), stem(fileName), text, TranscriptFormat.TXT);
    }

    /** UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused with the failing byte offset. */
    static String decodeText(byte[] bytes, String name) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF) {
            skip = 3;
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        try {
            return decoder.decode(buffer).toString();
        } catch (MalformedInputException e) {
            throw new InvalidInputException(name + ": is not UTF-8 text (invalid byte at offset " + buffer.position()
                    + "); save it as UTF-8 and import it again", e);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(name + ": is not readable as " + charset.name() + " text", e);
        }
    }

    private static String docx(Path file, String name) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             XWPFDocument document = new XWPFDocument(in);
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        } catch (OLE2NotOfficeXmlFileException | EncryptedDocumentException e) {
            throw new InvalidInputException(name + ": is encrypted (password-protected) or an old .doc file; "
                    + "remove the password or save it as .docx, then import it again", e);
        } catch (NotOfficeXmlFileException e) {
            throw new InvalidInputException(name + ": is not a Word .docx document", e);
        } catch (IOException e) {
            throw new InvalidInputException(name + ": is damaged or not a .docx document (" + e.getMessage() + ")",
                    e);
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw new InvalidInputException(name + ": is damaged or not a .docx document (" + e.getMessage() + ")",
                    e);
        } catch (NoClassDefFoundError e) {
            // Found by fuzzing: a ZIP entry compressed with a method (e.g. Zstandard) whose optional decoder is not
            // shipped; POI then fails to load it. Word never writes such files.
            throw new InvalidInputException(name + ": uses a ZIP compression method Word does not use ("
                    + e.getMessage() + "); is it really a .docx document?", e);
        }
    }

    private static String pdf(Path file, String name) {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            stripper.setParagraphEnd("");
            stripper.setPageEnd("\n");
            return stripper.getText(document);
        } catch (InvalidPasswordException e) {
            throw new InvalidInputException(name + ": is encrypted (password-protected); remove the password and "
                    + "import it again", e);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(name + ": is damaged or not a PDF (" + e.getMessage() + ")", e);
        }
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
