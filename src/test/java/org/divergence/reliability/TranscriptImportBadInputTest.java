package org.divergence.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.divergence.cli.common.ExitCodes;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input battery of the transcript importer, every format: exit code 3, a one-line message naming the file
 * and what is wrong, and the project unchanged.
 */
class TranscriptImportBadInputTest {

    @TempDir
    static Path folder;
    static Path project;
    static String unchanged;
    static byte[] validDocx;
    static byte[] validPdf;
    static byte[] validOdt;

    @BeforeAll
    static void prepare() throws Exception {
        project = folder.resolve("battery.divergence");
        Path good = folder.resolve("kept.txt");
        Files.writeString(good, "Interviewer: hello\nP1: hello");
        assertEquals(ExitCodes.OK, CliRun.of("transcripts", "import", "--project", project.toString(),
                good.toString()).exitCode());
        unchanged = snapshot();
        validDocx = docx("Interviewer: what do you fine-tune?");
        validPdf = pdf();
        validOdt = odt("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
                + "<text:p>P2: compute</text:p></office:text></office:body></office:document-content>");
    }

    static String snapshot() {
        return TableDump.of(project, "transcript", "interview_case", "case_attribute_value", "coding");
    }

    static Stream<Arguments> malformedTranscripts() throws Exception {
        String deep = "<a>".repeat(5000) + "</a>".repeat(5000);
        return Stream.of(
                Arguments.of("truncated docx", "cut.docx", Arrays.copyOf(validDocx, validDocx.length / 2),
                        "cut.docx: is not a ZIP archive (a .docx file is one), or it is damaged"),
                Arguments.of("docx that is text", "plain.docx", utf8("just text"),
                        "plain.docx: is not a ZIP archive (a .docx file is one), or it is damaged"),
                Arguments.of("docx whose document is cut short", "short.docx", zip("word/document.xml",
                        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                                + "<w:p><w:r><w:t>P1: half"), "short.docx: is damaged or not a Word .docx document"),
                Arguments.of("truncated pdf", "cut.pdf", Arrays.copyOf(validPdf, validPdf.length / 3), "cut.pdf: "),
                Arguments.of("pdf without text", "blank.pdf", validPdf, "blank.pdf: contains no text"),
                Arguments.of("truncated odt", "cut.odt", Arrays.copyOf(validOdt, validOdt.length / 2), "cut.odt: "),
                Arguments.of("odt with a DTD", "dtd.odt", odt("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM"
                        + " \"file:///etc/passwd\">]><x>&e;</x>"), "dtd.odt: "),
                Arguments.of("deeply nested odt", "deep.odt", odt(deep), "deep.odt: "),
                Arguments.of("Latin-1 text", "latin.txt", "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1),
                        "latin.txt: is not UTF-8 text"),
                Arguments.of("UTF-16 without BOM", "wide.md", "P1: hi".getBytes(StandardCharsets.UTF_16LE),
                        "wide.md: contains NUL characters"),
                Arguments.of("NUL bytes", "nul.txt", utf8("P1: a\0b"), "nul.txt: contains NUL characters"),
                Arguments.of("empty file", "empty.txt", new byte[0], "empty.txt: contains no text"),
                Arguments.of("subtitles without cues", "broken.vtt", utf8("WEBVTT\n\nnot a cue at all\n"),
                        "broken.vtt: "),
                Arguments.of("srt with bad times", "times.srt", utf8("1\n00:00:xx,000 --> 00:00:02,000\nhi\n"),
                        "times.srt: "),
                Arguments.of("word 97 file", "old.docx", ole2(), "old.docx: is encrypted (password-protected) or an"
                        + " old .doc file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedTranscripts")
    void malformedTranscriptIsRefusedWithItsNameAndChangesNothing(String name, String fileName, byte[] content,
                                                                  String messageStart) throws Exception {
        Path file = folder.resolve(fileName);
        Files.write(file, content);
        CliRun run = CliRun.of("transcripts", "import", "--project", project.toString(), file.toString());
        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), name + ": " + run);
        String message = run.err().strip().replaceFirst("^divergence-workbench: ", "");
        assertTrue(message.startsWith(messageStart) || message.contains("\n" + messageStart)
                || message.contains(messageStart), name + ": " + message);
        assertOursAlone(message);
        assertEquals(unchanged, snapshot(), name);
    }

    @Test
    void foldersMissingFilesAndSpecialFilesAreRefused() throws Exception {
        Path fifo = folder.resolve("pipe.txt");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        for (Path input : List.of(folder, folder.resolve("absent.txt"), fifo)) {
            CliRun run = CliRun.of("transcripts", "import", "--project", project.toString(), input.toString());
            assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
            assertTrue(run.err().contains(input.getFileName().toString() + ": "), run.err());
        }
        assertEquals(unchanged, snapshot());
    }

    /** A refusal in our words: no library's text (class names, "bugzilla", parser internals) reaches the user. */
    static void assertOursAlone(String message) {
        for (String library : List.of("Exception", "org.apache", "bugzilla", "ParseError", "JAXP", "java.")) {
            assertFalse(message.contains(library), "library text \u201C" + library + "\u201D in: " + message);
        }
    }

    private static byte[] zip(String entry, String content) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(utf8(content));
        }
        return bytes.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] docx(String text) throws Exception {
        try (XWPFDocument document = new XWPFDocument(); var out = new java.io.ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            document.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] pdf() throws Exception {
        try (PDDocument document = new PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] odt(String content) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write(utf8("application/vnd.oasis.opendocument.text"));
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(utf8(content));
        }
        return bytes.toByteArray();
    }

    private static byte[] ole2() throws Exception {
        try (var ole = new org.apache.poi.poifs.filesystem.POIFSFileSystem(); var out = new java.io.ByteArrayOutputStream()) {
            ole.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
