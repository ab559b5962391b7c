package org.divergence.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.divergence.app.refi.MergeProject;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.refi.RefiProject;
import org.divergence.core.refi.SourceText;

/**
 * Fuzz targets for the REFI-QDA readers. Whatever the bytes (a whole .qdpx archive, the project.qde inside a valid
 * archive, or a .qdc), reading either succeeds or fails with an InvalidInputException that has a message: any other
 * exception, a hang or running out of memory is a bug. What is read is also normalised as the merger would store it,
 * checking that every coding's offsets map inside the stored text. Run in regression mode by every build (the
 * committed corpus under src/test/resources); fuzzed for a bounded time in CI by .ci/fuzz.
 */
class RefiImportFuzzTest {

    private static final Path FOLDER = createFolder();
    private static final byte[] SOURCE = "Interviewer: Why?\r\nP1: Caf\u00E9 and GPUs \uD83D\uDE00 cost.\r\n"
            .getBytes(StandardCharsets.UTF_8);

    private static Path createFolder() {
        try {
            return Files.createTempDirectory("fuzz-refi");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void qdpx(byte[] bytes) throws Exception {
        read(Files.write(FOLDER.resolve("input.qdpx"), bytes));
    }

    @FuzzTest(maxDuration = "30s")
    void qde(byte[] bytes) throws Exception {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(archive)) {
            zip.putNextEntry(new ZipEntry("project.qde"));
            zip.write(bytes);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("sources/s.txt"));
            zip.write(SOURCE);
            zip.closeEntry();
        }
        read(Files.write(FOLDER.resolve("input.qdpx"), archive.toByteArray()));
    }

    @FuzzTest(maxDuration = "30s")
    void qdc(byte[] bytes) throws Exception {
        read(Files.write(FOLDER.resolve("input.qdc"), bytes));
    }

    private static void read(Path file) {
        RefiProject project;
        try {
            project = MergeProject.read(file, null);
        } catch (InvalidInputException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("An error without a message", expected);
            }
            return;
        }
        for (RefiProject.Source source : project.sources()) {
            int[] offsets = source.codings().stream().flatMapToInt(c -> java.util.stream.IntStream.of(c.start(),
                    c.end())).toArray();
            SourceText text = SourceText.of(source.text(), offsets);
            int stored = text.text().codePointCount(0, text.text().length());
            for (RefiProject.Coding coding : source.codings()) {
                if (coding.start() < 0 || coding.end() > text.rawLength() || coding.start() >= coding.end()) {
                    throw new AssertionError("the reader let a coding outside its text through: " + coding);
                }
                int start = text.mapStart(coding.start());
                int end = text.mapEnd(coding.end());
                if (start < 0 || end > stored || start > end) {
                    throw new AssertionError("offsets mapped outside the stored text: " + coding);
                }
            }
        }
    }
}
