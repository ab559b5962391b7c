package org.divergence.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.divergence.core.coding.SpeakerTurns;
import org.divergence.core.common.InvalidInputException;
import org.divergence.exchange.transcripts.TranscriptReader;

/**
 * Fuzz targets for the transcript readers: any bytes given as a .vtt, .srt, .txt, .odt or .docx either read as a
 * transcript (whose speaker turns can be found) or fail with an InvalidInputException; nothing else.
 */
class TranscriptReaderFuzzTest {

    private static final Path FOLDER = createFolder();

    private static Path createFolder() {
        try {
            return Files.createTempDirectory("fuzz-transcripts");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void subtitles(byte[] bytes) throws Exception {
        read("input.vtt", bytes);
        read("input.srt", bytes);
        read("input.txt", bytes);
    }

    @FuzzTest(maxDuration = "30s")
    void documents(byte[] bytes) throws Exception {
        read("input.odt", bytes);
        read("input.docx", bytes);
    }

    private static void read(String name, byte[] bytes) throws Exception {
        Path file = FOLDER.resolve(name);
        Files.write(file, bytes);
        try {
            TranscriptReader.ReadTranscript transcript = TranscriptReader.read(file);
            SpeakerTurns.detect(transcript.text());
        } catch (InvalidInputException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("An error without a message", expected);
            }
        }
    }
}
