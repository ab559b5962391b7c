package org.divergence.gui.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.divergence.core.tags.FactorTag;
import org.divergence.core.tags.TagUsage;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.SameThreadTaskExecutor;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.project.Project;
import org.divergence.testsupport.RepositorySamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The tagging and rule editor view models without a toolkit: same-thread executor, a real project file. */
class TaggingViewModelsTest {

    @TempDir
    Path folder;

    private final ProjectContext context = new ProjectContext();
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();

    @BeforeEach
    void openProject() {
        Project project = RepositorySamples.projectFromResource(folder.resolve("small.divergence"),
                "/golden/small.csv");
        new CodebookStore(project).createCode(null, "Compute requirements", "#D55E00").run();
        new CodebookStore(project).createCode(null, "Governance", null).run();
        context.setProject(project);
    }

    @AfterEach
    void close() {
        context.close();
    }

    /**
     * Data notices reach view models on the FX thread when another test started the toolkit: wait for them. The
     * condition reads lists the FX thread may be replacing at that moment; a read that collides is not yet an answer.
     */
    private static void await(java.util.function.BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                try {
                    return condition.getAsBoolean();
                } catch (java.util.ConcurrentModificationException collided) {
                    return false;
                }
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 10 s", e);
        }
    }

    private static TagUsage usage(TaggingViewModel viewModel, String name) {
        return viewModel.usage().stream().filter(u -> u.tag().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void tagsByHandThroughTheUndoHistoryAndShowsTheTagsOfRows() {
        TaggingViewModel viewModel = new TaggingViewModel(context, tasks);
        assertEquals(List.of("Compute requirements", "Governance"), viewModel.tags().stream().map(FactorTag::name)
                .toList());
        FactorTag compute = viewModel.tags().getFirst();
        int[] changed = {-1};
        viewModel.tag(compute, new long[] {1, 2, 3}, count -> changed[0] = count);
        assertEquals(3, changed[0]);
        await(() -> usage(viewModel, "Compute requirements").repositories() == 3);
        assertEquals("Tagged 3 repositories with \u201CCompute requirements\u201D.", viewModel.statusProperty().get());
        viewModel.tag(compute, new long[] {3, 4}, null);
        assertEquals("Tagged 1 repository with \u201CCompute requirements\u201D (1 already carried it).",
                viewModel.statusProperty().get());

        await(() -> usage(viewModel, "Compute requirements").repositories() == 4);
        assertEquals("Compute requirements \u2014 by hand", viewModel.describe(1));
        long[] listing = {4, 5, 1, 9};
        assertEquals(List.of(compute), viewModel.tagsAt(0, listing.length, index -> listing[index]));
        assertEquals(List.of(), viewModel.tagsAt(1, listing.length, index -> listing[index]));
        assertEquals(List.of(compute), viewModel.tagsAt(2, listing.length, index -> listing[index]));

        long revision = viewModel.revisionProperty().get();
        assertTrue(context.undoHistory().undo());
        await(() -> viewModel.revisionProperty().get() > revision
                && usage(viewModel, "Compute requirements").repositories() == 3);
        assertEquals(List.of(), viewModel.tagsAt(0, listing.length, index -> listing[index]),
                "shown tags are reloaded after undo");

        viewModel.untag(compute, new long[] {1, 2}, null);
        await(() -> usage(viewModel, "Compute requirements").repositories() == 1);
        assertTrue(context.undoHistory().nextUndo().orElseThrow().startsWith("remove tag"));
    }

    @Test
    void theRuleEditorShowsProblemsWithTheirPositionAndCountsMatchesBeforeSaving() {
        TaggingViewModel tagging = new TaggingViewModel(context, tasks);
        RuleEditorViewModel editor = new RuleEditorViewModel(context, tasks, Duration.ZERO);
        editor.expressionProperty().set("platform = huggingface AND likes >=");
        assertEquals("at character 36: expected a value after '>='", editor.problemProperty().get());
        assertEquals(35, editor.problemPositionProperty().get());
        assertEquals(-1, editor.matchesProperty().get());
        assertFalse(editor.canSaveProperty().get());

        editor.expressionProperty().set("platform = huggingface AND likes >= 2");
        assertEquals("", editor.problemProperty().get());
        long matches = editor.matchesProperty().get();
        assertTrue(matches > 0 && matches < 140, "Hugging Face has 140 repositories in small.csv: " + matches);
        assertFalse(editor.canSaveProperty().get(), "no code chosen yet");

        FactorTag governance = tagging.tags().get(1);
        editor.tagProperty().set(governance);
        assertTrue(editor.canSaveProperty().get());
        long[] saved = {-1};
        editor.save(count -> saved[0] = count);
        assertEquals(matches, saved[0]);
        await(() -> editor.rules().size() == 1 && usage(tagging, "Governance").byRule() == matches);
        assertEquals(matches, editor.rules().getFirst().matches());
        assertEquals("", editor.expressionProperty().get(), "the editor is cleared for the next rule");

        editor.edit(editor.rules().getFirst(), tagging.tags());
        editor.expressionProperty().set("platform = huggingface");
        editor.save(null);
        await(() -> editor.rules().getFirst().matches() == 140);
        assertTrue(context.undoHistory().undo());
        await(() -> editor.rules().getFirst().matches() == matches);

        editor.remove(editor.rules().getFirst());
        await(() -> editor.rules().isEmpty() && usage(tagging, "Governance").repositories() == 0);
        editor.dispose();
    }
}
