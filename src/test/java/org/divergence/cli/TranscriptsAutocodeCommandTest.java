package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.divergence.cli.common.Json;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.coding.CodingOrigin;
import org.divergence.store.coding.CodingOrigins;
import org.divergence.store.coding.SegmentQuery;
import org.divergence.store.project.Project;
import org.divergence.testsupport.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local model as a coder on the sample project, then compared with a person by agreement. */
class TranscriptsAutocodeCommandTest {

    static final String COMPUTE = "Socio-technical factors/Compute requirements";

    @TempDir
    Path folder;

    private Path project;

    @BeforeEach
    void sample() {
        project = folder.resolve("s.divergence");
        assertEquals(0, CliRun.of("sample", "--out", project.toString()).exitCode());
    }

    private List<CodedSegment> modelSegments() {
        try (Project opened = Project.open(project)) {
            return SegmentQuery.segments(opened, new SegmentQuery.Filter(null, "model", null, null, null));
        }
    }

    @Test
    void codesAsAMachineCoderReplacesOnRerunAndAgreementComparesItWithAPerson() throws Exception {
        CliRun run = CliRun.of("transcripts", "autocode", "--project", project.toString(), "--code", COMPUTE,
                "--coder", "model", "--threshold", "0.35");
        assertEquals(0, run.exitCode(), run.toString());
        List<CodedSegment> first = modelSegments();
        assertTrue(first.size() >= 3, first.toString());
        assertTrue(first.stream().anyMatch(s -> s.text().startsWith("I rent GPUs by the hour.")), first.toString());
        assertTrue(first.stream().allMatch(s -> s.codePath().equals(COMPUTE)));
        try (Project opened = Project.open(project)) {
            CodingOrigins origins = new CodingOrigins(opened);
            for (CodedSegment segment : first) {
                CodingOrigin origin = origins.ofTranscript(segment.transcriptId()).get(segment.codingId());
                assertEquals(CodingOrigin.Kind.MACHINE, origin.kind());
                assertTrue(origin.score() >= 0.35 && origin.model().contains("all-MiniLM-L6-v2"), origin.toString());
            }
        }

        CliRun stricter = CliRun.of("transcripts", "autocode", "--project", project.toString(), "--code", COMPUTE,
                "--coder", "model");
        assertEquals(0, stricter.exitCode(), stricter.toString());
        List<CodedSegment> second = modelSegments();
        assertTrue(second.size() < first.size(), second.toString());

        CliRun agreement = CliRun.of("agreement", "--project", project.toString(), "--coders", "Ana,model",
                "--unit", "sentence", "--json");
        assertEquals(0, agreement.exitCode(), agreement.toString());
        JsonNode json = Json.MAPPER.readTree(agreement.out());
        assertTrue(json.toString().contains(COMPUTE), agreement.out());
    }

    @Test
    void aCoderHoldingAPersonsCodingsIsRefused() {
        CliRun run = CliRun.of("transcripts", "autocode", "--project", project.toString(), "--code", COMPUTE,
                "--coder", "Ana");
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("Ana holds codings made by a person"), run.err());
        CliRun badThreshold = CliRun.of("transcripts", "autocode", "--project", project.toString(), "--code",
                COMPUTE, "--coder", "model", "--threshold", "1.5");
        assertEquals(3, badThreshold.exitCode(), badThreshold.toString());
        CliRun noCode = CliRun.of("transcripts", "autocode", "--project", project.toString(), "--code", "Nope",
                "--coder", "model");
        assertEquals(3, noCode.exitCode(), noCode.toString());
    }
}
