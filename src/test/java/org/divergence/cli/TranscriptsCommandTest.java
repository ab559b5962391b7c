package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.divergence.cli.common.Json;
import org.divergence.testsupport.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptsCommandTest {

    @TempDir
    Path folder;

    @Test
    void importsCodesAndExportsSegmentsAndMatrix() throws Exception {
        Path project = folder.resolve("p.divergence");
        Path transcript = Files.writeString(folder.resolve("P7 interview.txt"),
                "Interviewer: What stops you?\r\nP7: Compute, \"mostly\" 😀, and the data.\r\n", StandardCharsets.UTF_8);
        CliRun imported = CliRun.of("transcripts", "import", "--project", project.toString(), transcript.toString(),
                "--case", "P7", "--attr", "role=fine-tuner", "--attr", "years_experience=3");
        assertEquals(0, imported.exitCode(), imported.toString());
        assertTrue(imported.out().contains("Imported P7 interview"), imported.out());

        CliRun starter = CliRun.of("transcripts", "starter-codebook", "--project", project.toString());
        assertEquals(0, starter.exitCode(), starter.toString());
        CliRun code = CliRun.of("transcripts", "code", "--project", project.toString(), "--transcript", "P7 interview",
                "--code", "Socio-technical factors/Compute requirements", "--coder", "Ana", "--start", "33",
                "--end", "53");
        assertEquals(0, code.exitCode(), code.toString());

        CliRun list = CliRun.of("transcripts", "list", "--project", project.toString(), "--json");
        assertEquals(0, list.exitCode(), list.toString());
        JsonNode json = Json.MAPPER.readTree(list.out());
        assertEquals("P7 interview", json.get(0).get("name").asText());
        assertEquals("P7", json.get(0).get("case").asText());
        assertEquals(1, json.get(0).get("codings").asInt());

        Path segments = folder.resolve("segments.csv");
        CliRun export = CliRun.of("transcripts", "export-segments", "--project", project.toString(), "--out",
                segments.toString());
        assertEquals(0, export.exitCode(), export.toString());
        assertEquals("source,case,role,years_experience,code,coder,start,end,text\r\n"
                + "P7 interview,P7,fine-tuner,3,Socio-technical factors/Compute requirements,Ana,33,53,"
                + "\"Compute, \"\"mostly\"\" 😀,\"\r\n", Files.readString(segments, StandardCharsets.UTF_8));

        Path matrix = folder.resolve("matrix.csv");
        CliRun exportMatrix = CliRun.of("transcripts", "export-matrix", "--project", project.toString(), "--out",
                matrix.toString());
        assertEquals(0, exportMatrix.exitCode(), exportMatrix.toString());
        String matrixText = Files.readString(matrix, StandardCharsets.UTF_8);
        assertTrue(matrixText.startsWith("case,Socio-technical factors,Socio-technical factors/Black-box nature of "
                + "models,Socio-technical factors/Compute requirements,"), matrixText);
        assertTrue(matrixText.contains("\r\nP7,0,0,1,0,"), matrixText);
    }

    @Test
    void badInputExitsWithThree() throws Exception {
        Path project = folder.resolve("p.divergence");
        Path bad = Files.write(folder.resolve("bad.txt"), new byte[] {(byte) 0xC3, (byte) 0x28});
        CliRun run = CliRun.of("transcripts", "import", "--project", project.toString(), bad.toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("bad.txt: is not UTF-8 text"), run.err());
        CliRun attr = CliRun.of("transcripts", "import", "--project", project.toString(), "--attr", "novalue",
                bad.toString());
        assertEquals(3, attr.exitCode(), attr.toString());
        CliRun missing = CliRun.of("transcripts", "import", "--project", project.toString(),
                folder.resolve("missing.srt").toString());
        assertEquals(3, missing.exitCode());
        assertTrue(missing.err().contains("missing.srt: file not found"), missing.err());
    }
}
