package org.divergence.exchange.transcripts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.LimitExceededException;
import org.divergence.core.text.TextLimits;
import org.divergence.core.text.TextNormalizer;
import org.divergence.exchange.common.BoundedText;
import org.divergence.exchange.common.Refusal;

/**
 * Reads one transcript file into normalised text (see {@link TextNormalizer}). Every failure is an
 * {@link InvalidInputException} whose message starts with the file name and says what is wrong, in our words (what a
 * format library said goes to the log, see {@link Refusal}). Every format is read as a stream that keeps at most the
 * text's limit of characters; the limits are checked while reading, so no file can make the reader hold more.
 */
public final class TranscriptReader {

    /** A transcript read from a file, not yet stored. */
    public record ReadTranscript(Path file, String name, String text, TranscriptFormat format) {
    }

    /** Documents may carry images, text files are all text: larger files are refused before reading. */
    static final long MAX_DOCUMENT_BYTES = 200L * 1024 * 1024;
    static final long MAX_TEXT_FILE_BYTES = 32L * 1024 * 1024;
    /** The limit of every format, checked while the text comes out. */
    static final int MAX_TEXT_CHARS = TextLimits.MAX_TRANSCRIPT_CHARS;
    /** A PDF stream (a page's content, a font, an image) once decoded: PDFBox holds one in memory while it reads it. */
    static final long MAX_PDF_STREAM_BYTES = 64L << 20;
    /** A PDF page's characters: PDFBox keeps each with its position until the page ends. */
    static final int MAX_PDF_PAGE_CHARS = 100_000;
    private static final byte[] OLE2_SIGNATURE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
        (byte) 0xB1, 0x1A, (byte) 0xE1};

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
                throw new LimitExceededException(name + ": too large for a transcript (" + size / (1024 * 1024)
                        + " MB; the limit is " + limit / (1024 * 1024) + " MB)");
            }
            String raw = switch (format) {
                case TXT, MD -> text(file, name, size);
                case VTT -> SubtitleText.fromVtt(text(file, name, size), name, MAX_TEXT_CHARS);
                case SRT -> SubtitleText.fromSrt(text(file, name, size), name, MAX_TEXT_CHARS);
                case DOCX -> docx(file, name);
                case PDF -> pdf(file, name);
                case ODT -> OdtText.read(file, name, MAX_TEXT_CHARS);
            };
            String text = TextNormalizer.normalize(raw);
            if (text.indexOf('\0') >= 0) {
                throw new InvalidInputException(name + ": contains NUL characters; it does not look like text");
            }
            if (text.isBlank()) {
                throw new InvalidInputException(name + ": contains no text"
                        + (format == TranscriptFormat.PDF ? " (a scanned PDF without a text layer?)" : ""));
            }
            return new ReadTranscript(file, stem(name), text, format);
        } catch (BoundedText.TooLong e) {
            throw tooLong(name, e.limit());
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static InvalidInputException tooLong(String name, long limit) {
        return new LimitExceededException(name + ": refused, its text is longer than " + TextLimits.characters(limit)
                + " (the limit for one transcript)");
    }

    /** A plain-text transcript given as bytes (e.g. a resource bundled in the jar), read like a .txt file. */
    public static ReadTranscript fromBytes(String fileName, byte[] bytes) {
        try {
            String text = TextNormalizer.normalize(decodeText(new ByteArrayInputStream(bytes), fileName,
                    bytes.length));
            return new ReadTranscript(Path.of(fileName), stem(fileName), text, TranscriptFormat.TXT);
        } catch (BoundedText.TooLong e) {
            throw tooLong(fileName, e.limit());
        } catch (IOException e) {
            throw new InvalidInputException(fileName + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String text(Path file, String name, long size) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return decodeText(in, name, size);
        }
    }

    /** UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused with the failing byte offset. */
    private static String decodeText(InputStream in, String name, long size) throws IOException {
        try {
            return BoundedText.decode(in, MAX_TEXT_CHARS, size).text();
        } catch (BoundedText.Malformed e) {
            String what = e.charset() == StandardCharsets.UTF_8 ? "UTF-8 text" : e.charset().name() + " text";
            throw new InvalidInputException(name + ": is not " + what + " (invalid byte at offset " + e.offset()
                    + "); save it as UTF-8 and import it again", e);
        }
    }

    private static String docx(Path file, String name) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            if (Arrays.equals(in.readNBytes(OLE2_SIGNATURE.length), OLE2_SIGNATURE)) {
                throw new InvalidInputException(name + ": is encrypted (password-protected) or an old .doc file; "
                        + "remove the password or save it as .docx, then import it again");
            }
        }
        return DocxText.read(file, name, MAX_TEXT_CHARS);
    }

    private static String pdf(Path file, String name) {
        BoundedText.Sink text = new BoundedText.Sink(MAX_TEXT_CHARS);
        try (PDDocument document = Loader.loadPDF(file.toFile(),
                MemoryUsageSetting.setupMainMemoryOnly(MAX_PDF_STREAM_BYTES).streamCache)) {
            PDFTextStripper stripper = new PageBoundedStripper();
            stripper.setLineSeparator("\n");
            stripper.setParagraphEnd("");
            stripper.setPageEnd("\n");
            stripper.writeText(document, text);
            return text.toString();
        } catch (InvalidPasswordException e) {
            throw new InvalidInputException(name + ": is encrypted (password-protected); remove the password and "
                    + "import it again", e);
        } catch (BoundedText.TooLong e) {
            throw tooLong(name, e.limit());
        } catch (PageTooLong e) {
            throw new LimitExceededException(name + ": refused, page " + e.page + " holds more than "
                    + TextLimits.characters(MAX_PDF_PAGE_CHARS) + " (the limit for one page)");
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            if (String.valueOf(e.getMessage()).contains("Maximum allowed scratch file memory")) {
                throw new LimitExceededException(name + ": refused, a stream in the PDF unpacks to more than "
                        + MAX_PDF_STREAM_BYTES / (1024 * 1024) + " MB (the limit for one)");
            }
            throw Refusal.of(name + ": is damaged or not a PDF", e);
        }
    }

    /** Counts the characters of the page being read, which PDFBox holds until the page ends. */
    private static final class PageBoundedStripper extends PDFTextStripper {
        private int pageChars;

        @Override
        protected void startPage(PDPage page) throws IOException {
            pageChars = 0;
            super.startPage(page);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (++pageChars > MAX_PDF_PAGE_CHARS) {
                throw new PageTooLong(getCurrentPageNo());
            }
            super.processTextPosition(text);
        }
    }

    private static final class PageTooLong extends RuntimeException {
        private final int page;

        PageTooLong(int page) {
            super("page " + page + " is too long", null, false, false);
            this.page = page;
        }
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
