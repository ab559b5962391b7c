package org.divergence.gui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Coding;
import org.divergence.core.coding.Memo;
import org.divergence.core.common.Progress;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.SameThreadTaskExecutor;
import org.divergence.samples.SampleInterviews;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.MemoStore;
import org.divergence.store.project.Project;
import org.divergence.store.settings.Settings;
import org.divergence.testsupport.RecordingDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The coding view model without any control: tasks run on the calling thread, against a real project file. */
class CodingViewModelTest {

    @TempDir
    Path folder;

    private final ProjectContext context = new ProjectContext();
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @AfterEach
    void close() {
        context.close();
        assertEquals(List.of(), dialogs.errors, "no error was shown");
    }

    @Test
    void appliesFiltersRemovesAndRemembersTheCoder() throws Exception {
        Project project = Project.create(folder.resolve("p.divergence"));
        SampleInterviews.populate(project, Progress.NONE);
        Settings settings = new Settings();
        int[] saved = {0};
        CodingWorkspace workspace = new CodingWorkspace(context, new SameThreadTaskExecutor(), dialogs,
                settings, () -> saved[0]++);
        CodingViewModel viewModel = new CodingViewModel(workspace);
        context.setProject(project);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.transcripts().size() == 6
                && workspace.coders().size() == 2 && !workspace.codebook().isEmpty());

        viewModel.selectedTranscriptProperty().set(viewModel.transcripts().get(2));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.document() != null);
        TranscriptDocument document = viewModel.document();
        assertTrue(document.info().name().startsWith("P03"));
        int all = viewModel.codings().size();
        viewModel.coderFilterProperty().set(workspace.coders().getFirst());
        assertTrue(viewModel.visibleCodings().size() < all, "one coder's codings are a part of all");

        workspace.chooseCoder("Carla");
        assertEquals("Carla", settings.currentCoder);
        assertEquals(1, saved[0]);
        String quote = "Within a week I had a model";
        int start = document.text().codePointCount(0, document.text().indexOf(quote));
        viewModel.selectionStartProperty().set(start);
        viewModel.selectionEndProperty().set(start + quote.length());
        Code skills = workspace.codebook().byPath("Socio-technical factors/Skill sets: model building vs application")
                .orElseThrow();
        viewModel.applyCode(skills);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.codings().size() == all + 1);
        Coding added = viewModel.codings().stream().filter(c -> c.start() == start).findFirst().orElseThrow();
        assertEquals(quote, document.slice(added.start(), added.end()), "code points across the 🤗 before it");
        assertEquals("Carla", viewModel.coderName(added.coderId()));
        assertEquals(List.of(skills), List.copyOf(workspace.recentCodes()));

        viewModel.applyCode(skills);
        assertTrue(viewModel.statusProperty().get().contains("already has"), viewModel.statusProperty().get());

        viewModel.saveMemo(Memo.Target.CODING, added.id(), "an adaptation story");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> new MemoStore(project)
                .memo(Memo.Target.CODING, added.id()).isPresent());

        viewModel.refreshCaret(start + 3);
        assertTrue(viewModel.codingsAtCaret().isEmpty(), "Carla's coding is hidden while showing only Ana's");
        viewModel.coderFilterProperty().set(null);
        viewModel.refreshCaret(start + 3);
        assertEquals(List.of(added), List.copyOf(viewModel.codingsAtCaret()));
        viewModel.removeCoding(added);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.codings().size() == all);
        assertTrue(new MemoStore(project).memo(Memo.Target.CODING, added.id()).isEmpty(), "its memo went with it");

        context.undoHistory().undo();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.codings().size() == all + 1);
        assertTrue(new CodingStore(project).codings(document.info().id()).contains(added));
        assertEquals("an adaptation story", new MemoStore(project).memo(Memo.Target.CODING, added.id())
                .orElseThrow().text());
    }
}
