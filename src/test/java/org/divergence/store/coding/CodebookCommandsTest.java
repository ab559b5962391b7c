package org.divergence.store.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.divergence.app.transcripts.ImportTranscripts;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.Coder;
import org.divergence.core.coding.Memo;
import org.divergence.core.coding.StarterCodebook;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.undo.UndoHistory;
import org.divergence.exchange.transcripts.TranscriptReader;
import org.divergence.store.project.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodebookCommandsTest {

    @TempDir
    Path folder;

    private Project project;
    private CodebookStore codebook;
    private CodingStore codings;
    private final UndoHistory history = new UndoHistory();
    private long transcriptId;
    private Coder ana;

    @BeforeEach
    void setUp() {
        project = Project.create(folder.resolve("p.divergence"));
        codebook = new CodebookStore(project);
        codings = new CodingStore(project);
        transcriptId = ImportTranscripts.store(project, List.of(TranscriptReader.fromBytes("t.txt",
                "Interviewer: Why?\nP1: Because compute costs too much 😀 and data is closed.".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))), ImportTranscripts.Options.DEFAULT, null)
                .getFirst().transcriptId();
        ana = codings.ensureCoder("Ana");
    }

    @AfterEach
    void tearDown() {
        project.close();
    }

    private long code(String name, Long parent) {
        var command = codebook.createCode(parent, name, null);
        history.execute(command);
        return command.result();
    }

    private long apply(long codeId, int start, int end) {
        var command = codings.applyCode(transcriptId, codeId, ana.id(), start, end, "c");
        history.execute(command);
        return command.result();
    }

    /** Undo all the way back, redo all the way forward, and check each state is restored exactly. */
    private void assertUndoRedoExact(String before, String after, int steps) {
        for (int i = 0; i < steps; i++) {
            history.undo();
        }
        assertEquals(before, CodingTestSupport.dump(project));
        for (int i = 0; i < steps; i++) {
            history.redo();
        }
        assertEquals(after, CodingTestSupport.dump(project));
    }

    @Test
    void mergeMovesCodingsChildrenAndMemosAndUndoesExactly() {
        long compute = code("Compute", null);
        long cost = code("Cost", null);
        long gpu = code("GPU", cost);
        apply(compute, 18, 30);
        apply(cost, 18, 30);
        apply(cost, 31, 40);
        history.execute(new MemoStore(project).save(Memo.Target.CODE, cost, ana.id(), "about money"));
        String before = CodingTestSupport.dump(project);

        var merge = codebook.mergeCode(cost, compute);
        history.execute(merge);
        assertEquals(1, merge.result(), "the duplicate of an existing coding is dropped, the other moves");
        Codebook merged = codebook.load();
        assertTrue(merged.get(cost).isEmpty());
        assertEquals(compute, merged.get(gpu).orElseThrow().parentId());
        assertEquals(2, codings.codings(transcriptId).size());
        assertEquals("about money", new MemoStore(project).memo(Memo.Target.CODE, compute).orElseThrow().text());
        String after = CodingTestSupport.dump(project);

        assertUndoRedoExact(before, after, 1);
    }

    @Test
    void moveReordersAndRefusesCycles() {
        long a = code("A", null);
        long b = code("B", null);
        long c = code("C", a);
        String before = CodingTestSupport.dump(project);
        history.execute(codebook.moveCode(b, a, 0));
        Codebook moved = codebook.load();
        assertEquals(List.of("A/B", "A/C"), moved.children(a).stream().map(code -> moved.path(code.id())).toList());
        String after = CodingTestSupport.dump(project);
        assertThrows(InvalidInputException.class, () -> history.execute(codebook.moveCode(a, c, 0)));
        assertThrows(InvalidInputException.class, () -> history.execute(codebook.moveCode(a, a, 0)));
        assertEquals(after, CodingTestSupport.dump(project), "a refused move changes nothing");
        assertUndoRedoExact(before, after, 1);
    }

    @Test
    void deleteRemovesTheSubtreeWithItsCodingsAndUndoRestoresSameIdsAndGuids() {
        long parent = code("Parent", null);
        long child = code("Child", parent);
        long coding = apply(child, 0, 12);
        apply(parent, 5, 20);
        history.execute(new MemoStore(project).save(Memo.Target.CODING, coding, ana.id(), "memo on coding"));
        assertEquals(2, codebook.codingsInSubtree(parent));
        String before = CodingTestSupport.dump(project);
        var delete = codebook.deleteCode(parent);
        history.execute(delete);
        assertEquals(2, delete.result());
        assertTrue(codebook.load().isEmpty());
        assertTrue(codings.codings(transcriptId).isEmpty());
        String after = CodingTestSupport.dump(project);
        assertNotEquals(before, after);
        assertUndoRedoExact(before, after, 1);
    }

    @Test
    void splitMovesChosenCodingsToANewSibling() {
        long code = code("Factors", null);
        long first = apply(code, 0, 5);
        apply(code, 6, 10);
        String before = CodingTestSupport.dump(project);
        var split = codebook.splitCode(code, "Costs", List.of(first));
        history.execute(split);
        Codebook after = codebook.load();
        Code costs = after.get(split.result()).orElseThrow();
        assertEquals(null, costs.parentId());
        assertEquals(costs.id(), codings.codings(transcriptId).stream().filter(c -> c.id() == first).findFirst()
                .orElseThrow().codeId());
        assertUndoRedoExact(before, CodingTestSupport.dump(project), 1);
    }

    @Test
    void multiStepUndoAcrossCodebookAndCodingChanges() {
        String empty = CodingTestSupport.dump(project);
        long a = code("A", null);
        apply(a, 0, 3);
        history.execute(codebook.renameCode(a, "Renamed"));
        history.execute(codebook.updateCode(a, new CodebookStore.CodeDetails("Renamed", "#112233", "desc",
                "in", "out", "ex")));
        String full = CodingTestSupport.dump(project);
        assertEquals("#112233", codebook.load().get(a).orElseThrow().color());
        assertUndoRedoExact(empty, full, 4);
    }

    @Test
    void starterCodebookHasFixedGuidsAndIsAddedOnce() {
        var command = codebook.addStarterCodebook();
        history.execute(command);
        assertEquals(StarterCodebook.definitions().size(), command.result());
        Codebook loaded = codebook.load();
        Code root = loaded.byGuid(StarterCodebook.ROOT_GUID).orElseThrow();
        assertEquals(8, loaded.children(root.id()).size());
        assertTrue(loaded.byPath("Socio-technical factors/Compute requirements").isPresent());
        assertEquals(0, codebook.addStarterCodebook().run());
    }

    @Test
    void refusesDuplicateSiblingNamesAndSlashes() {
        code("Same", null);
        assertThrows(InvalidInputException.class, () -> codebook.createCode(null, "same", null).run());
        assertThrows(InvalidInputException.class, () -> codebook.createCode(null, "a/b", null));
        assertThrows(InvalidInputException.class, () -> codings.applyCode(transcriptId, 1, ana.id(), 5, 5, "x").run());
        assertThrows(InvalidInputException.class,
                () -> codings.applyCode(transcriptId, 1, ana.id(), 0, 10_000, "x").run());
    }
}
