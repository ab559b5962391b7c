package org.divergence.app.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.Coding;
import org.divergence.core.coding.Memo;
import org.divergence.core.coding.TranscriptInfo;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.refi.MergeReport;
import org.divergence.core.text.CodePointIndex;
import org.divergence.core.undo.UndoHistory;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.CodingTestSupport;
import org.divergence.store.coding.MemoStore;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lenient where real exports deviate (document and folder names, paths, colours, GUIDs, CRLF, decomposed Unicode,
 * byte order marks, rich text only), strict where it matters: offsets stay on the same characters, nothing is
 * half-imported, and what cannot be carried is reported.
 */
class RefiLenientImportTest {

    private static final String NS = "xmlns=\"urn:QDA-XML:project:1.0\"";

    @TempDir
    Path folder;

    @Test
    void readsDeviatingExportsAndKeepsOffsetsOnTheSameCharacters() throws Exception {
        String crlf = "Interviewer: Why?\r\nP1: Compute costs.\r\nP1: Data is closed.\r\n";
        String decomposed = "Cafe\u0301 and re\u0301sume\u0301 \uD83D\uDE00 end";
        String bom = "\uFEFFBOM text here.";
        int compute = cp(crlf, crlf.indexOf("Compute costs."));
        int data = cp(crlf, crlf.indexOf("Data is closed."));
        int resume = cp(decomposed, decomposed.indexOf("re\u0301sume\u0301"));
        int resumeEnd = resume + "re\u0301sume\u0301".length();
        int cafeE = cp(decomposed, decomposed.indexOf("e\u0301 and"));
        String qde = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project " + NS + " name=\"Field\" origin=\"Tool 9\">"
                + "<Users><User guid=\"{0A1B2C3D-0000-4000-8000-00000000000A}\" name=\"Mia\"/></Users>"
                + "<CodeBook><Codes>"
                + "<Code guid=\"code-1\" name=\"Costs\" isCodable=\"true\" color=\"rgb(255, 0, 0)\">"
                + "<Description>Money.\n\nInclude when: prices\n\nExample: \"too dear\"</Description>"
                + "<Code guid=\"c0000000-0000-4000-8000-000000000002\" name=\"and/or\" isCodable=\"true\" color=\"#abc\"/>"
                + "</Code>"
                + "<Code guid=\"c0000000-0000-4000-8000-000000000003\" name=\"Data\" isCodable=\"true\" color=\"blue\"/>"
                + "</Codes></CodeBook><Sources>"
                + "<TextSource guid=\"50000000-0000-4000-8000-000000000001\" name=\"Windows file\" plainTextPath=\"crlf.txt\">"
                + selection("51", compute, compute + "Compute costs.".length(), "{0A1B2C3D-0000-4000-8000-00000000000A}",
                        "code-1")
                + selection("52", data, data + "Data is closed.".length(), "{0A1B2C3D-0000-4000-8000-00000000000A}",
                        "c0000000-0000-4000-8000-000000000003")
                + "</TextSource>"
                + "<TextSource guid=\"50000000-0000-4000-8000-000000000002\" name=\"Mac file\" "
                + "plainTextPath=\"internal://nfc.txt\">"
                + selection("53", resume, resumeEnd, "99999999-0000-4000-8000-000000000009", "code-1")
                // Ends between "e" and its combining accent: the accented letter stays inside the coding.
                + selection("54", cafeE - 3, cafeE + 1, null, "c0000000-0000-4000-8000-000000000003")
                + "</TextSource>"
                + "<TextSource guid=\"50000000-0000-4000-8000-000000000003\" name=\"With BOM\" "
                + "plainTextPath=\"internal://bom.txt\">"
                + selection("55", 0, 3, "{0A1B2C3D-0000-4000-8000-00000000000A}", "code-1")
                + "</TextSource>"
                + "<TextSource guid=\"50000000-0000-4000-8000-000000000004\" name=\"Word only\" "
                + "richTextPath=\"internal://word.docx\">"
                + selection("56", 5, 9, "{0A1B2C3D-0000-4000-8000-00000000000A}", "code-1")
                + "</TextSource>"
                + "</Sources></Project>";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Field study.qde", RefiFiles.utf8(qde));
        entries.put("Sources/crlf.txt", RefiFiles.utf8(crlf));
        entries.put("Sources/nfc.txt", RefiFiles.utf8(decomposed));
        entries.put("Sources/bom.txt", RefiFiles.utf8(bom));
        entries.put("Sources/word.docx", docx("From Word only."));
        Path file = RefiFiles.zip(folder.resolve("field.qdpx"), entries);

        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            MergeReport report = MergeProject.importFile(project, file);
            String text = report.text();
            assertEquals(List.of(), report.notCarried(), text);
            assertEquals(4, report.count(MergeReport.Item.TRANSCRIPTS).added(), text);
            assertEquals(6, report.count(MergeReport.Item.CODINGS).added(), text);
            assertTrue(text.contains("CRLF line ending(s) changed to LF"), text);
            assertTrue(text.contains("Unicode normalised to NFC"), text);
            assertTrue(text.contains("byte order marks before source texts left out"), text);
            assertTrue(text.contains("read from their rich text (.docx)"), text);
            assertTrue(text.contains("not GUIDs replaced"), text);
            assertTrue(text.contains("another notation than #RRGGBB"), text);
            assertTrue(text.contains("no colour replaced"), text);
            assertTrue(text.contains("written with \u201C\u2215\u201D"), text);
            assertTrue(text.contains("credited to \u201CUser 99999999\u201D"), text);

            Codebook codebook = new CodebookStore(project).load();
            Code costs = codebook.byPath("Costs").orElseThrow();
            assertEquals("#FF0000", costs.color());
            assertEquals("Money.", costs.description());
            assertEquals("prices", costs.inclusion());
            assertEquals("\"too dear\"", costs.example());
            assertEquals("#AABBCC", codebook.byPath("Costs/and\u2215or").orElseThrow().color());
            assertTrue(codebook.byPath("Data").orElseThrow().color().matches("#[0-9A-F]{6}"));
            assertEquals("c0000000-0000-4000-8000-000000000002", codebook.byPath("Costs/and\u2215or").orElseThrow()
                    .guid());
            assertEquals("0a1b2c3d-0000-4000-8000-00000000000a", new CodingStore(project).coders().stream()
                    .filter(c -> c.name().equals("Mia")).findFirst().orElseThrow().guid());

            Map<String, String> coded = codedTexts(project, codebook);
            assertEquals("Compute costs.", coded.get("Windows file|Costs"));
            assertEquals("Data is closed.", coded.get("Windows file|Data"));
            assertEquals("r\u00E9sum\u00E9", coded.get("Mac file|Costs"));
            assertEquals("Caf\u00E9", coded.get("Mac file|Data"));
            assertEquals("BOM", coded.get("With BOM|Costs"));
            assertEquals("Word", coded.get("Word only|Costs"));
            String windows = new TranscriptStore(project).text(transcript(project, "Windows file").id());
            assertEquals(crlf.replace("\r\n", "\n"), windows);
        }
    }

    @Test
    void reportsWhatItCannotCarryAndKeepsThePdfText() throws Exception {
        String qde = "<Project " + NS + " name=\"Mixed\"><Users><User guid=\"10000000-0000-4000-8000-000000000001\" "
                + "name=\"Lee\"/></Users><CodeBook><Codes><Code guid=\"c0000000-0000-4000-8000-000000000001\" "
                + "name=\"Theme\" isCodable=\"true\"/></Codes></CodeBook>"
                + "<Cases><Case guid=\"ca000000-0000-4000-8000-000000000001\" name=\"P1\">"
                + "<CodeRef targetGUID=\"c0000000-0000-4000-8000-000000000001\"/></Case></Cases>"
                + "<Sources>"
                + "<PictureSource guid=\"20000000-0000-4000-8000-000000000001\" path=\"internal://a.png\">"
                + "<PictureSelection guid=\"21000000-0000-4000-8000-000000000001\" firstX=\"1\" firstY=\"1\" "
                + "secondX=\"5\" secondY=\"5\"><Coding guid=\"22000000-0000-4000-8000-000000000001\">"
                + "<CodeRef targetGUID=\"c0000000-0000-4000-8000-000000000001\"/></Coding></PictureSelection>"
                + "</PictureSource>"
                + "<PDFSource guid=\"30000000-0000-4000-8000-000000000001\" name=\"Report\" path=\"internal://r.pdf\">"
                + "<PDFSelection guid=\"31000000-0000-4000-8000-000000000001\" page=\"1\" firstX=\"1\" firstY=\"1\" "
                + "secondX=\"2\" secondY=\"2\"/>"
                + "<Representation guid=\"32000000-0000-4000-8000-000000000001\" "
                + "plainTextPath=\"internal://r.txt\">"
                + selection("33", 0, 6, "10000000-0000-4000-8000-000000000001", "c0000000-0000-4000-8000-000000000001")
                + "</Representation></PDFSource>"
                + "<AudioSource guid=\"40000000-0000-4000-8000-000000000001\" path=\"internal://a.m4a\">"
                + "<AudioSelection guid=\"41000000-0000-4000-8000-000000000001\" begin=\"0\" end=\"1000\"/>"
                + "</AudioSource>"
                + "<VideoSource guid=\"50000000-0000-4000-8000-000000000001\" path=\"absolute:///v.mp4\"/>"
                + "<TextSource guid=\"60000000-0000-4000-8000-000000000001\" plainTextPath=\"relative://far.txt\"/>"
                + "</Sources>"
                + "<Notes><Note guid=\"70000000-0000-4000-8000-000000000001\" name=\"N\">"
                + "<PlainTextContent>A note.</PlainTextContent></Note></Notes>"
                + "<Links><Link guid=\"80000000-0000-4000-8000-000000000001\" "
                + "originGUID=\"30000000-0000-4000-8000-000000000001\" "
                + "targetGUID=\"20000000-0000-4000-8000-000000000001\"/></Links>"
                + "<Sets><Set guid=\"90000000-0000-4000-8000-000000000001\" name=\"S\"/></Sets>"
                + "<Graphs><Graph guid=\"a0000000-0000-4000-8000-000000000001\"/></Graphs>"
                + "</Project>";
        Path file = RefiFiles.zip(folder.resolve("mixed.qdpx"), Map.of("project.qde", RefiFiles.utf8(qde),
                "sources/r.txt", RefiFiles.utf8("Annual report text.")));
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            MergeReport report = MergeProject.importFile(project, file);
            String notCarried = String.join("\n", report.notCarried());
            for (String expected : List.of("picture sources", "picture regions", "PDF regions", "audio sources",
                    "audio codings", "video sources", "sets", "graphs", "links between items",
                    "codes applied to whole cases", "sources stored outside the archive")) {
                assertTrue(notCarried.contains(expected), expected + " missing from:\n" + notCarried);
            }
            List<TranscriptInfo> transcripts = new TranscriptStore(project).list();
            assertEquals(List.of("Report"), transcripts.stream().map(TranscriptInfo::name).toList());
            assertEquals(1, new CodingStore(project).allCodings().size());
            assertEquals(1, report.count(MergeReport.Item.MEMOS).added());
        }
    }

    @Test
    void neverHalfImportsAndUndoTakesTheImportBack() throws Exception {
        Path file = RefiFiles.synthetic(folder);
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            RefiRoundTripTest.richProject(project);
            String before = CodingTestSupport.dump(project);
            int transcriptsBefore = new TranscriptStore(project).list().size();
            // A failure in the middle of the write (injected by a trigger on the last coding) rolls everything back.
            project.write(java.util.EnumSet.noneOf(org.divergence.store.project.DataArea.class), connection -> {
                try (var statement = connection.createStatement()) {
                    statement.execute("CREATE TRIGGER fail_late BEFORE INSERT ON coding WHEN new.created_at = "
                            + "'2001-01-01T00:00:03Z' BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
                }
                return null;
            });
            RuntimeException failure = assertThrows(RuntimeException.class, () -> MergeProject.importFile(project,
                    file));
            assertTrue(String.valueOf(failure.getMessage()).contains("injected failure"), failure.toString());
            assertEquals(before, CodingTestSupport.dump(project));
            assertEquals(transcriptsBefore, new TranscriptStore(project).list().size());
            project.write(java.util.EnumSet.noneOf(org.divergence.store.project.DataArea.class), connection -> {
                try (var statement = connection.createStatement()) {
                    statement.execute("DROP TRIGGER fail_late");
                }
                return null;
            });

            UndoHistory history = new UndoHistory();
            var command = MergeProject.merge(project, MergeProject.readQdpx(file), file);
            history.execute(command);
            String after = CodingTestSupport.dump(project);
            assertTrue(command.result().count(MergeReport.Item.CODINGS).added() > 0);
            history.undo();
            assertEquals(before, CodingTestSupport.dump(project), "undo takes the whole import back");
            history.redo();
            assertEquals(after, CodingTestSupport.dump(project), "redo brings it back with the same ids");
        }
    }

    @Test
    void malformedDocumentsAreRefusedWithTheirPlaceAndNothingChanges() throws Exception {
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            String before = CodingTestSupport.dump(project);
            Path broken = RefiFiles.zip(folder.resolve("broken.qdpx"), Map.of("project.qde",
                    RefiFiles.utf8("<Project " + NS + " name=\"x\">\n<Users>\n<User guid=\"a\" </Users></Project>")));
            InvalidInputException error = assertThrows(InvalidInputException.class,
                    () -> MergeProject.importFile(project, broken));
            assertTrue(error.getMessage().startsWith("broken.qdpx \u203A project.qde, line 3"), error.getMessage());
            assertTrue(error.getMessage().endsWith("nothing was imported"), error.getMessage());
            Path noDocument = RefiFiles.zip(folder.resolve("empty.qdpx"), Map.of("sources/a.txt",
                    RefiFiles.utf8("x")));
            assertTrue(assertThrows(InvalidInputException.class, () -> MergeProject.importFile(project, noDocument))
                    .getMessage().contains("holds no project document"));
            Path notZip = java.nio.file.Files.writeString(folder.resolve("text.qdpx"), "just text");
            assertTrue(assertThrows(InvalidInputException.class, () -> MergeProject.importFile(project, notZip))
                    .getMessage().contains("is not a ZIP archive"));
            Path codebook = RefiFiles.zip(folder.resolve("codebook.qdpx"), Map.of("project.qde",
                    RefiFiles.utf8("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes/></CodeBook>")));
            assertTrue(assertThrows(InvalidInputException.class, () -> MergeProject.importFile(project, codebook))
                    .getMessage().contains("import it as .qdc"));
            assertEquals(before, CodingTestSupport.dump(project));
        }
    }

    @Test
    void notesFindTheirItems() throws Exception {
        String qde = "<Project " + NS + " name=\"Notes\"><Users><User guid=\"10000000-0000-4000-8000-000000000001\" "
                + "name=\"Lee\"/></Users><CodeBook><Codes><Code guid=\"c0000000-0000-4000-8000-000000000001\" "
                + "name=\"Theme\" isCodable=\"true\"><NoteRef targetGUID=\"70000000-0000-4000-8000-000000000002\"/>"
                + "</Code></Codes></CodeBook>"
                + "<Cases><Case guid=\"ca000000-0000-4000-8000-000000000001\" name=\"P1\">"
                + "<SourceRef targetGUID=\"60000000-0000-4000-8000-000000000001\"/></Case></Cases>"
                + "<Sources><TextSource guid=\"60000000-0000-4000-8000-000000000001\" name=\"T\">"
                + "<PlainTextContent>Inline text of the source.</PlainTextContent>"
                + "<PlainTextSelection guid=\"61000000-0000-4000-8000-000000000001\" startPosition=\"0\" "
                + "endPosition=\"6\" creatingUser=\"10000000-0000-4000-8000-000000000001\">"
                + "<Coding guid=\"62000000-0000-4000-8000-000000000001\"><CodeRef "
                + "targetGUID=\"c0000000-0000-4000-8000-000000000001\"/>"
                + "<NoteRef targetGUID=\"70000000-0000-4000-8000-000000000003\"/></Coding></PlainTextSelection>"
                + "<NoteRef targetGUID=\"70000000-0000-4000-8000-000000000004\"/></TextSource></Sources>"
                + "<Notes>" + note("1", "On the project") + note("2", "On the code") + note("3", "On the coding")
                + note("4", "On the source") + note("5", "On the case") + "</Notes>"
                + "<Links><Link guid=\"80000000-0000-4000-8000-000000000001\" "
                + "originGUID=\"70000000-0000-4000-8000-000000000005\" "
                + "targetGUID=\"ca000000-0000-4000-8000-000000000001\"/></Links>"
                + "<NoteRef targetGUID=\"70000000-0000-4000-8000-000000000001\"/></Project>";
        Path file = RefiFiles.zip(folder.resolve("notes.qdpx"), Map.of("project.qde", RefiFiles.utf8(qde)));
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            MergeReport report = MergeProject.importFile(project, file);
            assertEquals(List.of(), report.notCarried(), report.text());
            MemoStore memos = new MemoStore(project);
            Codebook codebook = new CodebookStore(project).load();
            TranscriptInfo source = transcript(project, "T");
            Coding coding = new CodingStore(project).codings(source.id()).getFirst();
            assertEquals("On the code", memos.memo(Memo.Target.CODE, codebook.byPath("Theme").orElseThrow().id())
                    .orElseThrow().text());
            assertEquals("On the coding", memos.memo(Memo.Target.CODING, coding.id()).orElseThrow().text());
            assertEquals("On the source", memos.memo(Memo.Target.TRANSCRIPT, source.id()).orElseThrow().text());
            assertEquals("On the case", memos.memo(Memo.Target.CASE, source.caseId()).orElseThrow().text());
            assertEquals("P1", source.caseName());
            assertEquals(5, report.count(MergeReport.Item.MEMOS).added());
        }
    }

    private static String note(String n, String text) {
        return "<Note guid=\"70000000-0000-4000-8000-00000000000" + n + "\" name=\"" + text + "\">"
                + "<PlainTextContent>" + text + "</PlainTextContent></Note>";
    }

    private static String selection(String id, int start, int end, String user, String code) {
        return "<PlainTextSelection guid=\"" + id + "000000-0000-4000-8000-000000000001\" startPosition=\"" + start
                + "\" endPosition=\"" + end + "\"" + (user == null ? "" : " creatingUser=\"" + user + "\"") + ">"
                + "<Coding guid=\"" + id + "100000-0000-4000-8000-000000000001\"><CodeRef targetGUID=\"" + code
                + "\"/></Coding></PlainTextSelection>";
    }

    private static int cp(String text, int utf16) {
        return text.codePointCount(0, utf16);
    }

    private static byte[] docx(String text) throws Exception {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            document.write(out);
            return out.toByteArray();
        }
    }

    private static TranscriptInfo transcript(Project project, String name) {
        return new TranscriptStore(project).list().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow();
    }

    /** "transcript|code path" → the coded text (one coding each in these tests). */
    private static Map<String, String> codedTexts(Project project, Codebook codebook) {
        return new TranscriptStore(project).list().stream().flatMap(t -> {
            String text = new TranscriptStore(project).text(t.id());
            CodePointIndex index = CodePointIndex.of(text);
            return new CodingStore(project).codings(t.id()).stream().map(c -> Map.entry(t.name() + "|"
                    + codebook.path(c.codeId()), CodePointIndex.substring(text, index, c.start(), c.end())));
        }).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
