package org.divergence.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.divergence.core.common.InvalidInputException;
import org.divergence.exchange.repositories.ImportFormat;
import org.divergence.exchange.repositories.RepositoryParsing;

/**
 * Fuzz targets for the repository importers. Whatever the bytes, parsing either succeeds or fails with an
 * InvalidInputException (a message for the user): any other exception, a hang or running out of memory is a bug.
 * Run in regression mode by every build (the committed corpus under src/test/resources); fuzzed for a bounded
 * time in CI by .ci/fuzz.
 */
class RepositoryImportFuzzTest {

    private static final Path FOLDER = createFolder();

    private static Path createFolder() {
        try {
            return Files.createTempDirectory("fuzz-import");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void csv(byte[] bytes) throws Exception {
        parse("input.csv", bytes, ImportFormat.CSV, false);
        parse("input.csv", bytes, ImportFormat.CSV, true);
    }

    @FuzzTest(maxDuration = "30s")
    void jsonLines(byte[] bytes) throws Exception {
        parse("input.jsonl", bytes, ImportFormat.JSON_LINES, false);
        parse("input.jsonl", bytes, ImportFormat.JSON_LINES, true);
    }

    @FuzzTest(maxDuration = "30s")
    void platformJson(byte[] bytes) throws Exception {
        parse("models.json", bytes, ImportFormat.PLATFORM_JSON, false);
    }

    private static void parse(String name, byte[] bytes, ImportFormat format, boolean skipInvalid) throws Exception {
        Path file = RepositoryParsing.write(FOLDER, name, bytes);
        try {
            RepositoryParsing.parse(file, format, skipInvalid);
        } catch (InvalidInputException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("An error without a message", expected);
            }
        }
    }
}
