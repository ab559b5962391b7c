package org.divergence.app.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.coding.Coder;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.exchange.transcripts.TranscriptFormat;
import org.divergence.exchange.transcripts.TranscriptReader;
import org.divergence.store.coding.CaseStore;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.SegmentQuery;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptImportTest {

    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void plainTextKeepsNonBmpOffsetsEndToEnd() throws IOException {
        String text = "Interviewer: ¿Qué piensas? 😀\r\nP3: 模型是黑盒子 🤗 — e\u0301 ok\r\n";
        Path file = write("P3.txt", text);
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            var imported = ImportTranscripts.importFiles(project, List.of(file), ImportTranscripts.Options.DEFAULT,
                    Progress.NONE).getFirst();
            String stored = new TranscriptStore(project).text(imported.transcriptId());
            assertEquals("Interviewer: ¿Qué piensas? 😀\nP3: 模型是黑盒子 🤗 — \u00e9 ok\n", stored,
                    "CRLF becomes LF and e + combining accent becomes é (NFC)");
            assertEquals(stored.codePointCount(0, stored.length()), imported.length());
            long code = new CodebookStore(project).createCode(null, "Black box", null).run();
            Coder ana = new CodingStore(project).ensureCoder("Ana");
            // "模型是黑盒子 🤗" starts after "P3: " on the second line: count code points, not UTF-16 units.
            int start = stored.codePointCount(0, stored.indexOf("模型"));
            int end = start + "模型是黑盒子 🤗".codePointCount(0, "模型是黑盒子 🤗".length());
            assertEquals(33, start, "33 code points, 34 UTF-16 units (😀 is two)");
            new CodingStore(project).applyCode(imported.transcriptId(), code, ana.id(), start, end, "Black box").run();
            List<CodedSegment> segments = SegmentQuery.segments(project, SegmentQuery.Filter.ALL);
            assertEquals("模型是黑盒子 🤗", segments.getFirst().text());
            assertEquals("P3", segments.getFirst().caseName(), "a case per file, named after it");
        }
    }

    @Test
    void markdownAndSubtitlesKeepTimestampsAndSpeakers() throws IOException {
        Path vtt = write("call.vtt", """
                WEBVTT

                NOTE recorded on a call

                1
                00:00:01.000 --> 00:00:04.000
                <v Interviewer>Do you fork models?</v>

                2
                00:12:03.500 --> 00:12:06.000
                <v Ana>No, there is no fork button.</v>

                3
                00:12:06.000 --> 00:12:08.000
                <v Ana>I upload my <i>own</i> copy.</v>
                """);
        Path srt = write("call.srt", "1\r\n00:00:01,000 --> 00:00:02,000\r\nP1: Hello there\r\n\r\n"
                + "2\r\n01:00:02,000 --> 01:00:03,000\r\nNo speaker line\r\n");
        Path md = write("notes.md", "# Interview\n\n**Interviewer:** hello\n");
        assertEquals("[00:00:01] Interviewer: Do you fork models?\n"
                + "[00:12:03] Ana: No, there is no fork button. I upload my own copy.", TranscriptReader.read(vtt).text());
        assertEquals("[00:00:01] P1: Hello there\n[01:00:02] No speaker line", TranscriptReader.read(srt).text());
        assertEquals("# Interview\n\n**Interviewer:** hello\n", TranscriptReader.read(md).text());
        assertEquals(TranscriptFormat.MD, TranscriptReader.read(md).format());
    }

    @Test
    void wordOpenDocumentAndPdf() throws IOException {
        Path docx = folder.resolve("w.docx");
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
            document.createParagraph().createRun().setText("Interviewer: Was kostet das Training?");
            document.createParagraph().createRun().setText("P2: Zu viel 😀 — wirklich.");
            document.write(out);
        }
        assertEquals("Interviewer: Was kostet das Training?\nP2: Zu viel 😀 — wirklich.\n",
                TranscriptReader.read(docx).text());

        Path odt = folder.resolve("o.odt");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(odt))) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write("application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>
                    <text:h>Interview 😀</text:h>
                    <text:p>Interviewer:<text:s/>hello<text:tab/>there<office:annotation><text:p>comment</text:p></office:annotation></text:p>
                    <text:p>P1:<text:s text:c="2"/>line<text:line-break/>break &amp; more</text:p>
                    </office:text></office:body></office:document-content>""").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("Interview 😀\nInterviewer: hello\tthere\nP1:  line\nbreak & more", TranscriptReader.read(odt).text());

        Path pdf = folder.resolve("p.pdf");
        writePdf(pdf, null, "Interviewer: Was the compute the barrier?", "P4: Yes, mostly.");
        String pdfText = TranscriptReader.read(pdf).text();
        assertTrue(pdfText.contains("Interviewer: Was the compute the barrier?\nP4: Yes, mostly."), pdfText);
    }

    @Test
    void unreadableFilesAreRefusedWithTheirReasonAndNothingIsImported() throws IOException {
        Path good = write("good.txt", "Interviewer: fine");
        Path encryptedPdf = folder.resolve("secret.pdf");
        writePdf(encryptedPdf, "pw", "hidden");
        Path oldWord = folder.resolve("locked.docx");
        try (POIFSFileSystem ole = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(oldWord)) {
            ole.writeFilesystem(out);
        }
        Path latin1 = folder.resolve("latin1.txt");
        Files.write(latin1, "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Path notPdf = write("fake.pdf", "not a pdf");
        Path empty = write("empty.txt", "  \n");
        Path dtd = folder.resolve("evil.odt");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dtd))) {
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Path unknown = write("data.csv", "a,b");
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            InvalidInputException error = assertThrows(InvalidInputException.class, () ->
                    ImportTranscripts.importFiles(project, List.of(good, encryptedPdf, oldWord, latin1, notPdf,
                            empty, dtd, unknown, folder), ImportTranscripts.Options.DEFAULT, Progress.NONE));
            String message = error.getMessage();
            assertTrue(message.contains("secret.pdf: is encrypted"), message);
            assertTrue(message.contains("locked.docx: is encrypted (password-protected) or an old .doc"), message);
            assertTrue(message.contains("latin1.txt: is not UTF-8 text (invalid byte at offset 3)"), message);
            assertTrue(message.contains("fake.pdf: is damaged or not a PDF"), message);
            assertTrue(message.contains("empty.txt: contains no text"), message);
            assertTrue(message.contains("evil.odt: "), message);
            assertTrue(message.contains("data.csv: not a transcript format"), message);
            assertTrue(message.contains(folder.getFileName() + ": "), message);
            assertTrue(new TranscriptStore(project).list().isEmpty(), "nothing half-imported");
            assertTrue(new CaseStore(project).cases().isEmpty());
        }
    }

    @Test
    void caseAndAttributesApplyAndDuplicatesAreRefused() throws IOException {
        Path a = write("a.txt", "P1: one");
        Path b = write("b.txt", "P1: two");
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            ImportTranscripts.importFiles(project, List.of(a, b), new ImportTranscripts.Options("Maria",
                    Map.of("role", "fine-tuner")), Progress.NONE);
            var cases = new CaseStore(project).cases();
            assertEquals(1, cases.size());
            assertEquals(Map.of("role", "fine-tuner"), cases.getFirst().attributes());
            Path again = write("c.txt", "P1: one");
            InvalidInputException error = assertThrows(InvalidInputException.class, () -> ImportTranscripts
                    .importFiles(project, List.of(write("d.txt", "P1: new"), again), ImportTranscripts.Options.DEFAULT,
                            Progress.NONE));
            assertTrue(error.getMessage().contains("c.txt: the same text is already in the project as \u201Ca\u201D"));
            assertEquals(2, new TranscriptStore(project).list().size(), "d.txt was rolled back with c.txt");
        }
    }

    static void writePdf(Path file, String userPassword, String... lines) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.setLeading(16);
                content.newLineAtOffset(72, 700);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(file.toFile());
        }
    }
}
