package org.divergence.app.refi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.Coder;
import org.divergence.core.coding.Coding;
import org.divergence.core.coding.TranscriptInfo;
import org.divergence.core.refi.MergeReport;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both real exports in the shared folder import with all their codes, sources and codings: NVivo for Mac 15 (two
 * users, a nested codebook, rich and plain text) and qc 1.3.2 (two coded transcripts). Skipped with a message when
 * the shared folder is absent (their licence keeps them out of this project), and says so on the console.
 */
class RefiExamplesTest {

    private static final Pattern SELECTION = Pattern.compile(
            "<PlainTextSelection [^>]*startPosition=\"(\\d+)\" endPosition=\"(\\d+)\"[^>]*>(.*?)</PlainTextSelection>");
    private static final Pattern CODING = Pattern.compile("<Coding guid=\"([^\"]+)\"[^>]*>\\s*<CodeRef targetGUID=\"([^\"]+)\"");

    @TempDir
    Path folder;

    @Test
    void nvivoForMac() throws Exception {
        Path file = RefiFiles.sharedExamples().resolve("nvivo-mac-15-export.qdpx");
        try (Project project = Project.create(folder.resolve("n.divergence"))) {
            MergeReport report = MergeProject.importFile(project, file);
            assertEquals(List.of(), report.notCarried(), report.text());
            assertEquals(Set.of("chrisp", "cp"), new CodingStore(project).coders().stream().map(Coder::name)
                    .collect(Collectors.toSet()));
            Codebook codebook = new CodebookStore(project).load();
            assertEquals(262, codebook.size());
            assertEquals(262, report.count(MergeReport.Item.CODES).added());
            assertEquals("36636563-3863-6264-3638-303637613863",
                    codebook.byPath("rq1_definition/competencies/programming").orElseThrow().guid());
            assertEquals(3, codebook.roots().size());
            List<TranscriptInfo> transcripts = new TranscriptStore(project).list();
            assertEquals(2, transcripts.size(), "both sources, though their texts are the same");
            assertEquals(Set.of("d097e6fd-7671-4d95-a8b6-7795fa4a72e1", "e65f5ee2-9a55-47f1-bb0b-4921d8ce15c4"),
                    transcripts.stream().map(TranscriptInfo::guid).collect(Collectors.toSet()));
            for (TranscriptInfo transcript : transcripts) {
                assertArrayEquals(RefiFiles.entry(file, "sources/" + transcript.guid() + ".txt"),
                        new TranscriptStore(project).text(transcript.id()).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void qcWithCodedTranscripts() throws Exception {
        Path file = RefiFiles.sharedExamples().resolve("qc-1.3.2-export.qdpx");
        String document = new String(RefiFiles.entry(file, "project.qde"), StandardCharsets.UTF_8);
        try (Project project = Project.create(folder.resolve("q.divergence"))) {
            MergeReport report = MergeProject.importFile(project, file);
            assertEquals(List.of(), report.notCarried(), report.text());
            assertEquals(262, new CodebookStore(project).load().size());
            Map<String, TranscriptInfo> transcripts = new TranscriptStore(project).list().stream()
                    .collect(Collectors.toMap(TranscriptInfo::name, t -> t));
            assertEquals(Set.of("board_2017", "admin-1"), transcripts.keySet());
            TranscriptInfo board = transcripts.get("board_2017");
            String text = new TranscriptStore(project).text(board.id());
            assertArrayEquals(RefiFiles.entry(file, "sources/board_2017.txt"), text.getBytes(StandardCharsets.UTF_8));

            List<Coding> codings = new CodingStore(project).codings(board.id());
            assertEquals(205, codings.size());
            assertEquals(205, report.count(MergeReport.Item.CODINGS).added());
            assertEquals(List.of("cp"), new CodingStore(project).coders().stream().map(Coder::name).toList());
            // Every coding of the file, with its offsets and code, is in the project.
            Codebook codebook = new CodebookStore(project).load();
            Set<String> expected = new HashSet<>();
            Matcher selection = SELECTION.matcher(document);
            while (selection.find()) {
                Matcher coding = CODING.matcher(selection.group(3));
                while (coding.find()) {
                    expected.add(coding.group(1) + "|" + coding.group(2) + "|" + selection.group(1) + "|"
                            + selection.group(2));
                }
            }
            assertEquals(205, expected.size());
            assertEquals(expected, codings.stream().map(c -> c.guid() + "|" + codebook.get(c.codeId()).orElseThrow()
                    .guid() + "|" + c.start() + "|" + c.end()).collect(Collectors.toSet()));
            Coding first = codings.stream().filter(c -> c.guid().equals("66323339-6466-3364-3266-616537386633"))
                    .findFirst().orElseThrow();
            assertEquals("rq2_curriculum_and_instruction/pedagogy/fun", codebook.path(first.codeId()));
            assertTrue(text.substring(first.start(), first.end()).startsWith("This district goal is engage every "
                    + "student in joyful"), text.substring(first.start(), first.end()));
        }
    }

    @Test
    void mergingTheTwoMatchesCodesAndCoderByGuid() throws Exception {
        Path examples = RefiFiles.sharedExamples();
        try (Project project = Project.create(folder.resolve("both.divergence"))) {
            MergeProject.importFile(project, examples.resolve("nvivo-mac-15-export.qdpx"));
            MergeReport merged = MergeProject.importFile(project, examples.resolve("qc-1.3.2-export.qdpx"));
            assertEquals(new MergeReport.Count(262, 0, 0), merged.count(MergeReport.Item.CODES), merged.text());
            assertEquals(new MergeReport.Count(1, 0, 0), merged.count(MergeReport.Item.CODERS), merged.text());
            assertEquals(205, merged.count(MergeReport.Item.CODINGS).added());
            assertEquals(262, new CodebookStore(project).load().size());
            assertEquals(4, new TranscriptStore(project).list().size());
        }
    }
}
