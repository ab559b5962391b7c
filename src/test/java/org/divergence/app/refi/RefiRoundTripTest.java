package org.divergence.app.refi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.divergence.app.refi.ExportProject;
import org.divergence.app.transcripts.ImportTranscripts;
import org.divergence.core.coding.Memo;
import org.divergence.core.common.Progress;
import org.divergence.core.refi.MergeReport;
import org.divergence.core.refi.RefiProject;
import org.divergence.exchange.transcripts.TranscriptReader;
import org.divergence.samples.SampleInterviews;
import org.divergence.store.coding.CaseStore;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.MemoStore;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.refi.ProjectSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export → import → export keeps everything REFI-QDA can carry: codes (names, hierarchy, colours, definitions,
 * GUIDs), source texts byte for byte, codings (offsets in code points, coder, time, GUID), memos on every kind of
 * item, cases with their attributes and transcripts; exports are stable (RefiSchemaTest validates them).
 */
class RefiRoundTripTest {

    @TempDir
    Path folder;

    @Test
    void importExportImportKeepsEverything() throws Exception {
        Path originalFile = folder.resolve("original.divergence");
        try (Project original = Project.create(originalFile)) {
            richProject(original);
            Path first = folder.resolve("first.qdpx");
            Path again = folder.resolve("again.qdpx");
            RefiProject exported = ExportProject.exportQdpx(original, first);
            ExportProject.exportQdpx(original, again);
            assertArrayEquals(java.nio.file.Files.readAllBytes(first), java.nio.file.Files.readAllBytes(again),
                    "the same project exports to the same bytes: GUIDs and order are stable");
            for (RefiProject.Source source : exported.sources()) {
                assertArrayEquals(source.text().getBytes(StandardCharsets.UTF_8),
                        RefiFiles.entry(first, "sources/" + source.guid() + ".txt"));
            }

            try (Project copy = Project.create(folder.resolve("copy.divergence"))) {
                MergeReport report = MergeProject.importFile(copy, first);
                assertEquals(List.of(), report.notCarried(), report.text());
                assertEquals(exported.allCodes().size(), report.count(MergeReport.Item.CODES).added());
                assertEquals(exported.codingCount(), report.count(MergeReport.Item.CODINGS).added());
                assertEquals(exported.notes().size(), report.count(MergeReport.Item.MEMOS).added());
                RefiProject reimported = ProjectSnapshot.of(copy);
                assertEquals(exported.users(), reimported.users());
                assertEquals(exported.codes(), reimported.codes(), "codes: names, hierarchy, colours, GUIDs");
                assertEquals(exported.variables(), reimported.variables());
                assertEquals(exported.cases(), reimported.cases());
                assertEquals(exported.notes(), reimported.notes());
                assertEquals(exported.sources().size(), reimported.sources().size());
                for (int i = 0; i < exported.sources().size(); i++) {
                    RefiProject.Source before = exported.sources().get(i);
                    RefiProject.Source after = reimported.sources().get(i);
                    assertEquals(before.guid(), after.guid());
                    assertEquals(before.name(), after.name());
                    assertArrayEquals(before.text().getBytes(StandardCharsets.UTF_8),
                            after.text().getBytes(StandardCharsets.UTF_8), "text of " + before.name());
                    assertEquals(before.codings(), after.codings(), "codings of " + before.name());
                }

                // Importing the same file again adds nothing: everything matches by GUID.
                MergeReport second = MergeProject.importFile(copy, first);
                for (MergeReport.Item item : MergeReport.Item.values()) {
                    assertEquals(0, second.count(item).added(), item + "\n" + second.text());
                }
                assertEquals(exported.codingCount(), second.count(MergeReport.Item.CODINGS).matchedOtherwise());
            }
        }
    }

    @Test
    void codebookAloneRoundTripsAndIsValid() throws Exception {
        try (Project original = Project.create(folder.resolve("o.divergence"))) {
            new CodebookStore(original).addStarterCodebook().run();
            Path qdc = folder.resolve("codes.qdc");
            RefiProject exported = ExportProject.exportQdc(original, qdc);
            try (Project copy = Project.create(folder.resolve("c.divergence"))) {
                MergeReport report = MergeProject.importFile(copy, qdc);
                assertEquals(exported.allCodes().size(), report.count(MergeReport.Item.CODES).added());
                assertEquals(exported.codes(), ProjectSnapshot.of(copy).codes());
                assertEquals(new CodebookStore(original).load().inTreeOrder().stream().map(c -> c.guid() + c.name()
                                + c.color() + c.inclusion() + c.exclusion() + c.example()).toList(),
                        new CodebookStore(copy).load().inTreeOrder().stream().map(c -> c.guid() + c.name()
                                + c.color() + c.inclusion() + c.exclusion() + c.example()).toList());
            }
        }
    }

    /** The sample interviews plus memos on everything, a project memo, a case description, an integer attribute,
     * and a transcript whose codings sit after emoji (code points ≠ UTF-16 units). */
    static void richProject(Project project) {
        SampleInterviews.populate(project, Progress.NONE);
        var transcript = ImportTranscripts.store(project, List.of(TranscriptReader.fromBytes("emoji.txt",
                        "P9: 😀 Weights 😀 are opaque. Café naïve 日本語.\nInterviewer: And GPUs?\nP9: 😀😀 Too costly."
                                .getBytes(StandardCharsets.UTF_8))),
                new ImportTranscripts.Options("P9", Map.of()), null).getFirst();
        var codebook = new CodebookStore(project).load();
        var code = codebook.byPath("Socio-technical factors/Compute requirements").orElseThrow();
        var coder = new CodingStore(project).ensureCoder("Ana");
        String text = new TranscriptStore(project).text(transcript.transcriptId());
        int start = text.codePointCount(0, text.indexOf("Too costly"));
        long coding = new CodingStore(project).applyCode(transcript.transcriptId(), code.id(), coder.id(), start,
                start + "Too costly".length(), code.name()).run();
        MemoStore memos = new MemoStore(project);
        memos.save(Memo.Target.CODING, coding, coder.id(), "Cost as the barrier.").run();
        memos.save(Memo.Target.TRANSCRIPT, transcript.transcriptId(), coder.id(), "Short and full of emoji 😀.").run();
        memos.save(Memo.Target.CODE, code.id(), null, "Check against the GPU survey.").run();
        long caseId = new CaseStore(project).cases().getFirst().id();
        memos.save(Memo.Target.CASE, caseId, coder.id(), "Talked for two hours.").run();
        project.write(EnumSet.of(DataArea.MEMOS, DataArea.CASES), connection -> {
            try (var statement = connection.prepareStatement("INSERT INTO memo (guid, text, title, created_at, "
                    + "modified_at) VALUES ('8a0c1a5e-0000-4000-8000-000000000001', 'A memo on the whole study.', "
                    + "'Study', '2026-01-01T10:00:00Z', '2026-01-02T10:00:00Z')")) {
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement("UPDATE interview_case SET description = "
                    + "'Maintainer of a library' WHERE name = 'P01'")) {
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement("UPDATE case_attribute SET value_type = 'integer' "
                    + "WHERE name = 'years_experience'")) {
                statement.executeUpdate();
            }
            return null;
        });
        assertTrue(new MemoStore(project).memo(Memo.Target.CODING, coding).isPresent());
    }
}
