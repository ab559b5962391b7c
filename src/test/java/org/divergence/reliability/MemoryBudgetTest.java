package org.divergence.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.divergence.cli.common.ExitCodes;
import org.divergence.testsupport.ChildJvm;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.GeneratedPdf;
import org.divergence.testsupport.GeneratedZip;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The memory battery: every reader of user input, in a JVM with a 256 MB heap, given inputs far beyond its limits —
 * zip and XML entries that inflate to gigabytes (written as a streamed zip64 entry, sizes only after the data), a
 * single field, line or attribute of hundreds of megabytes, transcripts far longer than one may be — refuses them
 * with exit code 3 and its limit in one sentence, never runs out of memory, and writes nothing. And inputs at the
 * limits still read in that heap. The limits are listed in docs/reliability.md. The huge inputs are generated as
 * they are written (a compressed block repeated), so each takes about a second and at most 300 MB of disk.
 */
class MemoryBudgetTest {

    private static final String HEADER = RepositoryImportBadInputTest.HEADER;
    private static final long MB = 1L << 20;
    private static final long GIGABYTES = 5L << 29;
    private static final String PROJECT_NS = "urn:QDA-XML:project:1.0";
    private static final String WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String TEXT_LIMIT = "longer than 16.8 million characters";
    private static final String PARAGRAPH = "Interviewer: and then? P1: we waited for the maintainers to review it.";

    @TempDir
    static Path folder;
    static Path project;
    static String unchanged;

    @BeforeAll
    static void createProject() throws Exception {
        project = RepositoryImportBadInputTest.seeded(folder.resolve("budget.divergence"));
        Path transcript = Files.writeString(folder.resolve("kept.txt"), "Interviewer: hello\nP1: hello");
        assertEquals(ExitCodes.OK, CliRun.of("transcripts", "import", "--project", project.toString(),
                transcript.toString()).exitCode());
        unchanged = snapshot();
    }

    static String snapshot() {
        return TableDump.of(project, "repository", "import_batch", "transcript", "interview_case", "code", "coding");
    }

    /** Writes one input (into the given path). */
    @FunctionalInterface
    interface Input {
        void write(Path file) throws IOException;
    }

    static Stream<Arguments> overTheLimits() {
        return Stream.of(
                // Repository samples: a record is held whole, so it has a limit.
                refused("CSV: a 300 MB quoted field", "import", "field.csv", file -> repeated(file,
                        HEADER + "\ngithub,code,o/r,,1,1,,,,,,,,,\"", "x", 300 * MB, "\"\n"),
                        "field.csv:2: a record is longer than 4 MiB"),
                refused("JSON Lines: a 300 MB line", "import", "line.jsonl", file -> repeated(file,
                        "{\"platform\":\"github\",\"repo_type\":\"code\",\"full_name\":\"o/r\",\"list\":[0", ",1",
                        300 * MB, "]}\n"), "line.jsonl:1: a JSON object larger than 8 MiB"),
                refused("API JSON: a 300 MB string", "import", "repos.json", file -> repeated(file,
                        "[{\"full_name\":\"a/b\",\"description\":\"", "x", 300 * MB, "\"}]"),
                        "repos.json:1: invalid JSON: String value length"),
                // Transcripts: the text is held whole, so it has a limit, checked as it comes out of any format.
                refused(".txt: 100 MB", "transcripts import", "large.txt", file -> repeated(file, "", "x", 100 * MB,
                        ""), "large.txt: too large for a transcript (100 MB; the limit is 32 MB)"),
                refused(".txt: 30 million characters on one line", "transcripts import", "long.txt",
                        file -> repeated(file, "", "x", 30 * MB, ""), "long.txt: refused, its text is " + TEXT_LIMIT),
                refused(".vtt: 30 MB of cues", "transcripts import", "long.vtt", file -> repeated(file, "WEBVTT\n\n",
                        "00:00:01.000 --> 00:00:02.000\nAna: " + PARAGRAPH + "\n\n", 30 * MB, ""),
                        "long.vtt: refused, its text is " + TEXT_LIMIT),
                refused(".docx: word/document.xml inflating to 2.5 GiB", "transcripts import", "long.docx",
                        file -> docx(file, "<w:p><w:r><w:t>" + PARAGRAPH + "</w:t></w:r></w:p>"),
                        "long.docx: refused, its text is " + TEXT_LIMIT),
                refused(".docx: a 300 MB attribute", "transcripts import", "attribute.docx",
                        file -> docxAttribute(file), "attribute.docx, line 1: refused, an XML tag (with its "
                                + "attributes) there is longer than 4,194,304 characters"),
                refused(".odt: content.xml inflating to 2.5 GiB", "transcripts import", "long.odt", file -> odt(file),
                        "long.odt: refused, its text is " + TEXT_LIMIT),
                refused(".pdf: a page whose content inflates to 1 GiB", "transcripts import", "long.pdf",
                        file -> GeneratedPdf.write(file, 1, "", ("BT /F1 12 Tf 72 700 Td (" + PARAGRAPH
                                + ") Tj ET\n").repeat(10_000), 1000, ""),
                        "long.pdf: refused, page 1 holds more than 100,000 characters"),
                // REFI-QDA: the archive, then the project document beyond each of its limits.
                refused(".qdpx: a source streamed as a zip64 entry inflating to 2.5 GiB", "qdpx-import",
                        "source.qdpx", file -> GeneratedZip.qdpxWithStreamedSource(file, GIGABYTES),
                        "source.qdpx \u203A sources/51111111-0000-4000-8000-000000000001.txt: refused, the text is "
                                + TEXT_LIMIT),
                refused(".qdpx: project.qde inflating to 2.5 GiB", "qdpx-import", "document.qdpx",
                        file -> qdpxDocument(file, "<Project xmlns=\"" + PROJECT_NS + "\" name=\"x\">", " ".repeat(1 << 20),
                                GIGABYTES / (1 << 20), "</Project>"),
                        "document.qdpx \u203A project.qde: refused, it unpacks to more than 64 MB"),
                refused(".qdpx: a 300 MB attribute in project.qde", "qdpx-import", "attribute.qdpx",
                        file -> qdpxDocument(file, "<Project xmlns=\"" + PROJECT_NS + "\" name=\"", "x".repeat(1 << 20),
                                300, "\"/>"), "attribute.qdpx \u203A project.qde, line 1: refused, an XML tag (with "
                                + "its attributes) there is longer than 4,194,304 characters"),
                refused(".qdpx: a million codes", "qdpx-import", "codes.qdpx", file -> qdpxDocument(file,
                        "<Project xmlns=\"" + PROJECT_NS + "\" name=\"x\"><CodeBook><Codes>",
                        "<Code guid=\"c0000000-0000-4000-8000-000000000001\" name=\"c\" isCodable=\"true\"/>", 1_000_000,
                        "</Codes></CodeBook></Project>"), "refused, the document has more than 500,000 elements"),
                refused(".qdc: a 60 MB description", "qdc-import", "long.qdc", file -> repeated(file,
                        "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"c0000000-0000-4000-8000-"
                                + "000000000001\" name=\"c\" isCodable=\"true\"><Description>", "x", 60 * MB,
                        "</Description></Code></Codes></CodeBook>"),
                        "refused, a text there is longer than 4.2 million characters"),
                // Another project to merge: its coding is held whole, so its size is checked before it is read.
                refused("merge: a project with a transcript of 100 million characters", "merge", "other.divergence",
                        MemoryBudgetTest::projectWithLongTranscript, "other.divergence: refused, a transcript in it is "
                                + TEXT_LIMIT));
    }

    private static Arguments refused(String name, String command, String fileName, Input input, String message) {
        return Arguments.of(name, command, fileName, input, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overTheLimits")
    void overItsLimitIsRefusedWithinA256MbHeap(String name, String command, String fileName, Input input,
                                               String message) throws Exception {
        Path file = folder.resolve(fileName);
        input.write(file);
        Path target = command.startsWith("qd") ? folder.resolve("new-" + fileName + ".divergence") : project;
        String output = runAt256Mb(command, target, file);
        Files.delete(file);
        assertTrue(output.contains("divergence-workbench: ") && output.contains(message), name + ":\n" + output);
        assertEquals(1, output.lines().filter(line -> line.startsWith("divergence-workbench: ")).count(), output);
        assertFalse(output.contains("OutOfMemoryError"), output);
        if (target == project) {
            assertEquals(unchanged, snapshot(), name + ": nothing written");
        } else {
            assertFalse(Files.exists(target), name + ": nothing written, not even a new project");
        }
    }

    /**
     * Inputs at the limits of the readers that hold the most, in non-Latin-1 text: a transcript, a .qdpx, and the
     * project that imported it merged into another.
     */
    @Test
    void atTheLimitsTranscriptsArchivesAndProjectsStillReadWithinA256MbHeap() throws Exception {
        String line = "\u00E9".repeat(1023) + "\n";
        Path transcript = folder.resolve("longest.txt");
        repeated(transcript, "", line, 32 * MB, "");
        Path target = folder.resolve("longest.divergence");
        String output = runAt256Mb("transcripts import", target, transcript, ExitCodes.OK);
        assertTrue(output.contains("Imported longest (Plain text, 16,777,216 characters)"), output);
        Files.delete(transcript);

        Path archive = folder.resolve("largest.qdpx");
        StringBuilder sources = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            sources.append("<TextSource guid=\"51111111-0000-4000-8000-00000000000").append(i).append("\" name=\"s")
                    .append(i).append("\" plainTextPath=\"internal://s").append(i).append(".txt\">")
                    .append("<PlainTextSelection guid=\"5e111111-0000-4000-8000-00000000000").append(i)
                    .append("\" startPosition=\"").append(i).append("\" endPosition=\"9\"><Coding guid=\"c0d11111-0000-")
                    .append("4000-8000-00000000000").append(i).append("\"><CodeRef targetGUID=\"c1111111-0000-4000-8000-")
                    .append("000000000001\"/></Coding></PlainTextSelection></TextSource>");
        }
        try (GeneratedZip zip = GeneratedZip.create(archive)) {
            zip.add("project.qde", ("<Project xmlns=\"" + PROJECT_NS + "\" name=\"x\"><CodeBook><Codes><Code guid=\""
                    + "c1111111-0000-4000-8000-000000000001\" name=\"Trust\" isCodable=\"true\"/></Codes></CodeBook>"
                    + "<Sources>" + sources + "</Sources></Project>").getBytes(StandardCharsets.UTF_8));
            byte[] block = line.getBytes(StandardCharsets.UTF_8);
            for (int i = 1; i <= 3; i++) {
                // 15.9 million characters each: 95.4 MB unpacked in all, under the archive's 96 MB.
                zip.addStreamed("sources/s" + i + ".txt", ("P" + i + ": ").getBytes(StandardCharsets.UTF_8), block,
                        15_540, new byte[0]);
            }
        }
        Path largest = folder.resolve("largest.divergence");
        output = runAt256Mb("qdpx-import", largest, archive, ExitCodes.OK);
        assertTrue(output.contains("transcripts: 3 added"), output);
        Files.delete(archive);

        // The project that holds them is as large as another project to merge may be.
        Path into = folder.resolve("into.divergence");
        org.divergence.store.project.Project.create(into).close();
        output = runAt256Mb("merge", into, largest, ExitCodes.OK);
        assertTrue(output.contains("transcripts: 3 added"), output);
    }

    private static String runAt256Mb(String command, Path target, Path input) throws Exception {
        return runAt256Mb(command, target, input, ExitCodes.INVALID_INPUT);
    }

    private static String runAt256Mb(String command, Path target, Path input, int expectedExit) throws Exception {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--project", target.toString(), input.toString()));
        Path log = folder.resolve(input.getFileName() + ".log");
        Process child = ChildJvm.start(log, args.toArray(String[]::new));
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "finished within two minutes: " + input);
        String output = Files.readString(log);
        assertEquals(expectedExit, child.exitValue(), output);
        return output;
    }

    /** prefix, then block repeated up to about {@code bytes}, then suffix, written as it goes. */
    private static void repeated(Path file, String prefix, String block, long bytes, String suffix)
            throws IOException {
        byte[] chunk = block.repeat(Math.max(1, (1 << 20) / block.length())).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(prefix.getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written + chunk.length <= bytes; written += chunk.length) {
                out.write(chunk);
            }
            out.write(suffix.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void docx(Path file, String paragraph) throws IOException {
        byte[] block = utf8(paragraph.repeat((1 << 20) / paragraph.length()));
        try (GeneratedZip zip = GeneratedZip.create(file)) {
            zip.add("[Content_Types].xml", utf8("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "content-types\"/>"));
            zip.addStreamed("word/document.xml", utf8("<w:document xmlns:w=\"" + WORD_NS + "\"><w:body>"), block,
                    GIGABYTES / block.length, utf8("</w:body></w:document>"));
        }
    }

    private static void docxAttribute(Path file) throws IOException {
        try (GeneratedZip zip = GeneratedZip.create(file)) {
            zip.addStreamed("word/document.xml", utf8("<w:document xmlns:w=\"" + WORD_NS + "\"><w:body><w:p w:rsidR=\""),
                    utf8("a".repeat(1 << 20)), 300, utf8("\"/></w:body></w:document>"));
        }
    }

    private static void odt(Path file) throws IOException {
        byte[] block = utf8(("<text:p>" + PARAGRAPH + "</text:p>").repeat(1 << 14));
        try (GeneratedZip zip = GeneratedZip.create(file)) {
            zip.add("mimetype", utf8("application/vnd.oasis.opendocument.text"));
            zip.addStreamed("content.xml", utf8("<office:document-content xmlns:office=\"urn:oasis:names:tc:"
                    + "opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
                    + "<office:body><office:text>"), block, GIGABYTES / block.length,
                    utf8("</office:text></office:body></office:document-content>"));
        }
    }

    private static void qdpxDocument(Path file, String prefix, String block, long repeats, String suffix)
            throws IOException {
        try (GeneratedZip zip = GeneratedZip.create(file)) {
            zip.addStreamed("project.qde", utf8(prefix), utf8(block), repeats, utf8(suffix));
        }
    }

    /** A project whose one transcript SQLite itself makes 100 MB long, without the test ever holding it. */
    private static void projectWithLongTranscript(Path file) throws IOException {
        Path text = Files.writeString(folder.resolve("short.txt"), "Interviewer: soon much longer");
        assertEquals(ExitCodes.OK, CliRun.of("transcripts", "import", "--project", file.toString(), text.toString())
                .exitCode());
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement()) {
            statement.execute("UPDATE transcript SET content = replace(hex(zeroblob(50000000)), '00', 'ab')");
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }
    }
}
