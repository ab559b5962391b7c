package org.divergence.exchange.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.divergence.core.common.LimitExceededException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming .docx reader gives the body text Apache POI's extractor gives (POI, a test dependency only, is the
 * reference): paragraphs, tabs, line breaks, tables and links; and leaves out what is not the running text.
 */
class DocxTextTest {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    @TempDir
    Path folder;

    @Test
    void bodyTextIsWhatPoiExtracts() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            XWPFRun run = document.createParagraph().createRun();
            run.setText("Interviewer:");
            run.addTab();
            run.setText("why Hugging Face? 😀");
            run.addBreak();
            run.setText("Ünïcödé next line");
            XWPFTable table = document.createTable(2, 2);
            table.getRow(0).getCell(0).setText("a1");
            table.getRow(0).getCell(1).setText("b1");
            table.getRow(1).getCell(0).setText("a2");
            table.getRow(1).getCell(1).setText("b2");
            table.getRow(1).getCell(1).addParagraph().createRun().setText("b2, second paragraph");
            document.createParagraph().createRun().setText("P1: after the table");
            XWPFParagraph linked = document.createParagraph();
            linked.createRun().setText("see ");
            linked.createHyperlinkRun("https://huggingface.co").setText("the hub");
            document.write(bytes);
        }
        String poi;
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes.toByteArray()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            poi = extractor.getText();
        }
        Path file = Files.write(folder.resolve("rich.docx"), bytes.toByteArray());
        assertEquals(poi, DocxText.read(file, "rich.docx", 1000));
        assertEquals(poi, DocxText.read(new ByteArrayInputStream(bytes.toByteArray()), "rich.docx", 1000),
                "the same from a stream (a .docx inside a .qdpx)");
    }

    @Test
    void deletedRevisionsFieldCodesAndDrawingsAreLeftOut() throws Exception {
        Path file = docx("<w:body><w:p><w:r><w:t>kept</w:t></w:r><w:del><w:r><w:delText>deleted</w:delText></w:r>"
                + "</w:del><w:ins><w:r><w:t xml:space=\"preserve\"> inserted</w:t></w:r></w:ins><w:r><w:instrText>"
                + "PAGE</w:instrText></w:r><w:r><w:drawing><w:t>in a text box</w:t></w:drawing></w:r>"
                + "<w:r><w:rPr><w:t>not text</w:t></w:rPr></w:r></w:p><w:sectPr><w:t>section</w:t></w:sectPr>"
                + "</w:body>");
        assertEquals("kept inserted\n", DocxText.read(file, "revisions.docx", 1000));
    }

    @Test
    void aTextBeyondItsLimitIsRefusedAsItComesOut() throws Exception {
        Path file = docx("<w:body>" + "<w:p><w:r><w:t>0123456789</w:t></w:r></w:p>".repeat(20) + "</w:body>");
        assertEquals(220, DocxText.read(file, "long.docx", 220).length());
        LimitExceededException refused = assertThrows(LimitExceededException.class,
                () -> DocxText.read(file, "long.docx", 219));
        assertEquals("long.docx: refused, its text is longer than 219 characters (the limit for one transcript)",
                refused.getMessage());
    }

    private Path docx(String body) throws Exception {
        Path file = folder.resolve("long.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<w:document xmlns:w=\"" + W + "\">" + body + "</w:document>").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
