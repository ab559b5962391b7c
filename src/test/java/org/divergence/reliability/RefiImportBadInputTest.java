package org.divergence.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
 * The bad-input battery of the REFI-QDA importers (.qdpx projects and .qdc codebooks): exit code 3, one line naming
 * the file and what is wrong, and the project unchanged.
 */
class RefiImportBadInputTest {

    private static final String PROJECT_NS = "urn:QDA-XML:project:1.0";
    private static final String CODEBOOK_NS = "urn:QDA-XML:codebook:1.0";

    @TempDir
    static Path folder;
    static Path project;
    static String unchanged;
    static byte[] validQdpx;
    static byte[] validQdc;

    @BeforeAll
    static void prepare() throws Exception {
        Path sample = folder.resolve("sample.divergence");
        assertEquals(ExitCodes.OK, CliRun.of("sample", "--out", sample.toString()).exitCode());
        Path qdpx = folder.resolve("valid.qdpx");
        Path qdc = folder.resolve("valid.qdc");
        assertEquals(ExitCodes.OK, CliRun.of("qdpx-export", "--project", sample.toString(), "--out", qdpx.toString())
                .exitCode());
        assertEquals(ExitCodes.OK, CliRun.of("qdc-export", "--project", sample.toString(), "--out", qdc.toString())
                .exitCode());
        validQdpx = Files.readAllBytes(qdpx);
        validQdc = Files.readAllBytes(qdc);
        project = folder.resolve("target.divergence");
        assertEquals(ExitCodes.OK, CliRun.of("transcripts", "starter-codebook", "--project", project.toString())
                .exitCode());
        unchanged = snapshot();
    }

    static String snapshot() {
        return TableDump.of(project, "transcript", "code", "coding", "coder", "interview_case", "memo");
    }

    static Stream<Arguments> malformedArchives() throws Exception {
        String deep = "<Code guid=\"x\" name=\"n\" isCodable=\"true\">".repeat(3000);
        return Stream.of(
                Arguments.of("truncated archive", "qdpx-import", "cut.qdpx", Arrays.copyOf(validQdpx,
                        validQdpx.length / 2)),
                Arguments.of("empty archive file", "qdpx-import", "empty.qdpx", new byte[0]),
                Arguments.of("not a zip", "qdpx-import", "text.qdpx", utf8("<Project/>")),
                Arguments.of("zip without a project", "qdpx-import", "nothing.qdpx", zip("readme.txt", utf8("hi"))),
                Arguments.of("truncated XML", "qdpx-import", "cutxml.qdpx", zip("project.qde",
                        utf8("<?xml version=\"1.0\"?><Project xmlns=\"" + PROJECT_NS + "\" name=\"x\"><CodeBook>"))),
                Arguments.of("Latin-1 XML declared as UTF-8", "qdpx-import", "latin.qdpx", zip("project.qde",
                        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Project xmlns=\"" + PROJECT_NS + "\" name=\"caf\u00e9\"/>")
                                .getBytes(StandardCharsets.ISO_8859_1))),
                Arguments.of("NUL in XML", "qdpx-import", "nul.qdpx", zip("project.qde",
                        utf8("<?xml version=\"1.0\"?><Project xmlns=\"" + PROJECT_NS + "\" name=\"a\0b\"/>"))),
                Arguments.of("deeply nested codes", "qdpx-import", "deep.qdpx", zip("project.qde",
                        utf8("<?xml version=\"1.0\"?><Project xmlns=\"" + PROJECT_NS + "\" name=\"x\"><CodeBook><Codes>"
                                + deep))),
                Arguments.of("truncated codebook", "qdc-import", "cut.qdc", Arrays.copyOf(validQdc, validQdc.length / 2)),
                Arguments.of("empty codebook file", "qdc-import", "empty.qdc", new byte[0]),
                Arguments.of("codebook with a DTD", "qdc-import", "dtd.qdc", utf8("<?xml version=\"1.0\"?>"
                        + "<!DOCTYPE c [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CodeBook xmlns=\"" + CODEBOOK_NS
                        + "\"><Codes><Code guid=\"a\" name=\"&e;\" isCodable=\"true\"/></Codes></CodeBook>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedArchives")
    void malformedExchangeFileIsRefusedWithItsNameAndChangesNothing(String name, String command, String fileName,
                                                                    byte[] content) throws Exception {
        Path file = folder.resolve(fileName);
        Files.write(file, content);
        CliRun run = CliRun.of(command, "--project", project.toString(), file.toString());
        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), name + ": " + run);
        assertTrue(run.err().contains(fileName), name + ": " + run.err());
        assertEquals(1, run.err().strip().lines().count(), name + ": " + run.err());
        TranscriptImportBadInputTest.assertOursAlone(run.err());
        assertEquals(unchanged, snapshot(), name);
    }

    @Test
    void foldersMissingFilesAndSpecialFilesAreRefused() throws Exception {
        Path fifo = folder.resolve("pipe.qdpx");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        for (Path input : List.of(folder, folder.resolve("absent.qdpx"), fifo)) {
            CliRun run = CliRun.of("qdpx-import", "--project", project.toString(), input.toString());
            assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
            assertTrue(run.err().contains(input.getFileName().toString()), run.err());
        }
        assertEquals(unchanged, snapshot());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(String entry, byte[] content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
        }
        return bytes.toByteArray();
    }
}
