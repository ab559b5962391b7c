package org.divergence.store.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.divergence.app.transcripts.ImportTranscripts;
import org.divergence.core.coding.Coder;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.evidence.Evidence;
import org.divergence.core.evidence.EvidenceLink;
import org.divergence.core.evidence.FindingRef;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.undo.UndoHistory;
import org.divergence.exchange.transcripts.TranscriptReader;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.CodingTestSupport;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;
import org.divergence.store.undo.ProjectCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceStoreTest {

    private static final FindingRef ACCEPTANCE = FindingRef.of(BuiltInMetric.PR_ACCEPTANCE_RATE);
    private static final FindingRef OPENNESS = FindingRef.of(Dimension.COLLABORATION_OPENNESS);

    @TempDir
    Path folder;

    private Project project;
    private EvidenceStore evidence;
    private CodebookStore codebook;
    private CodingStore codings;
    private final UndoHistory history = new UndoHistory();
    private long transcriptId;
    private Coder ana;

    @BeforeEach
    void setUp() {
        project = Project.create(folder.resolve("p.divergence"));
        evidence = new EvidenceStore(project);
        codebook = new CodebookStore(project);
        codings = new CodingStore(project);
        transcriptId = ImportTranscripts.store(project, List.of(TranscriptReader.fromBytes("t.txt",
                "Interviewer: Why?\nP1: Because compute costs too much 😀 and data is closed.".getBytes(
                        StandardCharsets.UTF_8))), ImportTranscripts.Options.DEFAULT, null)
                .getFirst().transcriptId();
        ana = codings.ensureCoder("Ana");
    }

    @AfterEach
    void tearDown() {
        project.close();
    }

    private <T> T run(ProjectCommand<T> command) {
        history.execute(command);
        return command.result();
    }

    private long code(String name) {
        return run(codebook.createCode(null, name, null));
    }

    private long apply(long codeId, int start, int end) {
        return run(codings.applyCode(transcriptId, codeId, ana.id(), start, end, "c"));
    }

    private String dump() {
        return CodingTestSupport.dump(project);
    }

    /** Undoes {@code steps} commands, checks the state before them, redoes them and checks the state after. */
    private void assertUndoRedoExact(String before, String after, int steps) {
        for (int i = 0; i < steps; i++) {
            history.undo();
        }
        assertEquals(before, dump());
        for (int i = 0; i < steps; i++) {
            history.redo();
        }
        assertEquals(after, dump());
    }

    @Test
    void linksSegmentsAndCodesAndUndoesEachStepExactly() {
        long compute = code("Compute");
        long coding = apply(compute, 24, 37);
        String before = dump();
        long segmentLink = run(evidence.linkSegment(coding, ACCEPTANCE, "  costs keep PRs away  "));
        long codeLink = run(evidence.linkCode(compute, OPENNESS, ""));
        run(evidence.editNote(codeLink, "the whole factor"));
        String after = dump();

        List<EvidenceLink> links = evidence.all();
        assertEquals(2, links.size());
        EvidenceLink first = evidence.forCoding(coding).getFirst();
        assertEquals(segmentLink, first.id());
        assertEquals("costs keep PRs away", first.note(), "notes are stripped");
        assertEquals(ACCEPTANCE, first.target());
        assertEquals("the whole factor", evidence.forCode(compute).getFirst().note());
        assertEquals(java.util.Map.of(coding, 1), evidence.linkCountsByCoding(transcriptId));
        assertUndoRedoExact(before, after, 3);

        run(evidence.unlink(segmentLink));
        assertTrue(evidence.forCoding(coding).isEmpty());
        assertUndoRedoExact(after, dump(), 1);
    }

    @Test
    void refusesDuplicatesUnknownFindingsFactorsAndLongNotes() {
        long compute = code("Compute");
        long coding = apply(compute, 24, 37);
        run(evidence.linkSegment(coding, ACCEPTANCE, null));
        InvalidInputException duplicate = assertThrows(InvalidInputException.class,
                () -> run(evidence.linkSegment(coding, ACCEPTANCE, "again")));
        assertTrue(duplicate.getMessage().contains("already linked"), duplicate.getMessage());
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> evidence.linkSegment(coding, new FindingRef(FindingRef.Kind.METRIC, "stars_per_day"), ""));
        assertTrue(unknown.getMessage().contains("pr_acceptance_rate"), "names the known keys: "
                + unknown.getMessage());
        assertThrows(InvalidInputException.class, () -> evidence.linkCode(compute, FindingRef.factor("x"), ""));
        assertThrows(InvalidInputException.class, () -> evidence.linkSegment(coding, ACCEPTANCE,
                "x".repeat(EvidenceStore.MAX_NOTE_LENGTH + 1)));
        assertThrows(InvalidInputException.class, () -> run(evidence.linkSegment(coding + 99, OPENNESS, "")));
        assertEquals(1, evidence.all().size(), "refused changes leave nothing behind");
    }

    @Test
    void removingACodingTakesItsLinksAndUndoBringsThemBack() {
        long compute = code("Compute");
        long coding = apply(compute, 24, 37);
        run(evidence.linkSegment(coding, ACCEPTANCE, "note"));
        run(evidence.linkSegment(coding, OPENNESS, null));
        String linked = dump();
        run(codings.removeCodings(List.of(coding), "remove coding"));
        assertTrue(evidence.all().isEmpty(), "the links went with their segment (ON DELETE CASCADE)");
        assertUndoRedoExact(linked, dump(), 1);
        history.undo();
        assertEquals(2, evidence.forCoding(coding).size());
    }

    @Test
    void deletingACodeTakesCodeAndSegmentLinksOfItsSubtreeAndUndoRestoresThem() {
        long factors = code("Factors");
        long compute = run(codebook.createCode(factors, "Compute", null));
        long coding = apply(compute, 24, 37);
        run(evidence.linkSegment(coding, ACCEPTANCE, "quote"));
        run(evidence.linkCode(compute, OPENNESS, "child code"));
        run(evidence.linkCode(factors, OPENNESS, "parent code"));
        String linked = dump();
        run(codebook.deleteCode(factors));
        assertTrue(evidence.all().isEmpty());
        assertUndoRedoExact(linked, dump(), 1);
    }

    @Test
    void removingATranscriptTakesTheLinksOfItsCodingsAndUndoRestoresThem() {
        long compute = code("Compute");
        long coding = apply(compute, 24, 37);
        run(evidence.linkSegment(coding, ACCEPTANCE, "quote"));
        String linked = dump();
        run(new TranscriptStore(project).remove(transcriptId, "t"));
        assertTrue(evidence.all().isEmpty());
        assertUndoRedoExact(linked, dump(), 1);
    }

    @Test
    void mergingCodesMovesTheirLinksToTheTargetAndUndoesExactly() {
        long compute = code("Compute");
        long cost = code("Cost");
        long duplicate = apply(compute, 24, 37);
        long twin = apply(cost, 24, 37);
        long other = apply(compute, 50, 54);
        run(evidence.linkSegment(duplicate, ACCEPTANCE, "on the duplicate"));
        run(evidence.linkSegment(other, ACCEPTANCE, "moves with its coding"));
        run(evidence.linkCode(compute, OPENNESS, "code link"));
        run(evidence.linkCode(cost, ACCEPTANCE, "target's own"));
        String before = dump();
        run(codebook.mergeCode(compute, cost));
        String after = dump();

        assertEquals(List.of("on the duplicate"), evidence.forCoding(twin).stream().map(EvidenceLink::note).toList(),
                "a dropped duplicate's link moves to the target's identical coding");
        assertEquals(List.of("moves with its coding"), evidence.forCoding(other).stream().map(EvidenceLink::note)
                .toList());
        assertEquals(List.of("code link", "target's own"), evidence.forCode(cost).stream().map(EvidenceLink::note)
                .sorted().toList());
        assertEquals(4, evidence.all().size(), "no link lost");
        assertUndoRedoExact(before, after, 1);
    }

    @Test
    void resolvesEvidenceWithQuotesAndCodes() {
        long compute = code("Compute");
        long first = apply(compute, 24, 37);
        long second = apply(compute, 50, 54);
        run(evidence.linkCode(compute, ACCEPTANCE, "all of it"));
        run(evidence.linkSegment(second, ACCEPTANCE, "second"));
        run(evidence.linkSegment(first, ACCEPTANCE, "first"));
        run(evidence.linkSegment(first, OPENNESS, "elsewhere"));

        List<Evidence> resolved = evidence.evidence(ACCEPTANCE);
        assertEquals(List.of("first", "second", "all of it"), resolved.stream().map(e -> e.link().note()).toList(),
                "segments in text order, then codes");
        assertEquals("cause compute", resolved.getFirst().segment().text());
        assertEquals("Compute", resolved.getFirst().codePath());
        assertFalse(resolved.get(2).isSegment());
        assertEquals(2, resolved.get(2).codeSegments());
    }

    @Test
    void interpretationsSaveUpdateAndRemoveThroughTheUndoHistory() {
        InterpretationStore interpretations = new InterpretationStore(project);
        String empty = dump();
        assertTrue(run(interpretations.save(OPENNESS, "Fewer PRs, more talk.")));
        String saved = dump();
        assertTrue(run(interpretations.save(OPENNESS, "Fewer PRs, more discussions.")));
        assertFalse(run(interpretations.save(OPENNESS, "Fewer PRs, more discussions.  ")), "unchanged");
        assertEquals("Fewer PRs, more discussions.", interpretations.text(OPENNESS));
        String updated = dump();
        assertNotEquals(saved, updated);
        assertTrue(run(interpretations.save(OPENNESS, "  ")));
        assertEquals("", interpretations.text(OPENNESS));
        assertUndoRedoExact(empty, dump(), 4);
        assertThrows(InvalidInputException.class, () -> interpretations.save(OPENNESS,
                "x".repeat(InterpretationStore.MAX_LENGTH + 1)));
    }
}
