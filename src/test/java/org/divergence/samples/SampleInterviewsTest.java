package org.divergence.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.coding.TranscriptInfo;
import org.divergence.core.common.Progress;
import org.divergence.exchange.coding.CodingCsv;
import org.divergence.store.coding.CaseStore;
import org.divergence.store.coding.CodingTestSupport;
import org.divergence.store.coding.SegmentQuery;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleInterviewsTest {

    @TempDir
    Path folder;

    @Test
    void sixFictionalInterviewsCodedByTwoCodersDeterministically() throws Exception {
        String first;
        try (Project project = Project.create(folder.resolve("a.divergence"))) {
            SampleInterviews.populate(project, Progress.NONE);
            List<TranscriptInfo> transcripts = new TranscriptStore(project).list();
            assertEquals(6, transcripts.size());
            for (TranscriptInfo transcript : transcripts) {
                assertTrue(new TranscriptStore(project).text(transcript.id()).startsWith(
                        "FICTIONAL DEMONSTRATION INTERVIEW."), transcript.name());
            }
            assertEquals(Set.of("OSS maintainer", "model developer", "fine-tuner", "platform staff"),
                    new CaseStore(project).cases().stream().map(c -> c.attributes().get("role"))
                            .collect(Collectors.toSet()));
            List<CodedSegment> segments = SegmentQuery.segments(project, SegmentQuery.Filter.ALL);
            assertEquals(76, segments.size());
            assertEquals(Set.of("Ana", "Ben"), segments.stream().map(CodedSegment::coder).collect(Collectors.toSet()));
            // P03 has emoji before its codings: code point offsets must still cut out exactly the quoted text.
            String quotes = new String(SampleInterviews.resource("codings.csv"), java.nio.charset.StandardCharsets.UTF_8);
            for (CodedSegment segment : segments) {
                assertTrue(quotes.contains(segment.text().replace("\"", "\"\"")), segment.text());
            }
            assertTrue(segments.stream().anyMatch(s -> s.transcript().startsWith("P03")));
            first = export(project);
        }
        try (Project project = Project.create(folder.resolve("b.divergence"))) {
            SampleInterviews.populate(project, Progress.NONE);
            assertEquals(first, export(project), "the sample is the same every time it is built");
            assertEquals(CodingTestSupport.dump(project).lines().filter(l -> l.contains("Ana")).toList(),
                    List.of("1|" + java.util.UUID.nameUUIDFromBytes("divergence-sample:coder:Ana".getBytes(
                            java.nio.charset.StandardCharsets.UTF_8)) + "|Ana"));
        }
    }

    private static String export(Project project) throws Exception {
        StringWriter out = new StringWriter();
        List<CodedSegment> segments = SegmentQuery.segments(project, SegmentQuery.Filter.ALL);
        CodingCsv.writeSegments(out, segments, List.of("role", "organisation_type", "years_experience"));
        return out + segments.stream().map(CodedSegment::codingGuid).collect(Collectors.joining(","));
    }
}
