package org.divergence.gui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.divergence.app.agreement.ComputeAgreement;
import org.divergence.app.refi.ExportProject;
import org.divergence.app.refi.MergeProject;
import org.divergence.core.agreement.AgreementUnit;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Coder;
import org.divergence.core.common.Progress;
import org.divergence.core.refi.RefiProject;
import org.divergence.gui.common.DialogService;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.SameThreadTaskExecutor;
import org.divergence.samples.SampleInterviews;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;
import org.divergence.store.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Who is coding (ADR 0092): asked the first time someone codes in a project, offering the project's coders, never a
 * made-up "Coder 1"; not asked again, nor when the remembered name already codes in the project; a coder renamed
 * undoably, the current name following the rename and its undo, exports and agreement using the new name.
 */
class WhoIsCodingTest {

    @TempDir
    Path folder;

    private final ProjectContext context = new ProjectContext();

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void asksOnceRenamesUndoablyAndExportsAndAgreementUseTheName() throws Exception {
        Project project = Project.create(folder.resolve("p.divergence"));
        SampleInterviews.populate(project, Progress.NONE);
        Settings settings = new Settings();
        AskingDialogs dialogs = new AskingDialogs();
        CodingWorkspace workspace = new CodingWorkspace(context, new SameThreadTaskExecutor(), dialogs, settings,
                () -> { });
        context.setProject(project);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workspace.coders().size() == 2
                && !workspace.codebook().isEmpty());
        assertNull(workspace.currentCoderProperty().get(), "nobody is made up");
        long transcript = new TranscriptStore(project).list().getFirst().id();
        Code code = workspace.codebook().inTreeOrder().getFirst();
        int before = new CodingStore(project).codings(transcript).size();

        dialogs.answers.add(Optional.empty());
        code(workspace, transcript, code, 0, 5);
        assertEquals(1, dialogs.asked.size());
        assertEquals("Who is coding? | [Ana, Ben] | ", dialogs.asked.getFirst());
        assertEquals(before, new CodingStore(project).codings(transcript).size(), "declined: nothing coded");

        dialogs.answers.add(Optional.of("Carla"));
        code(workspace, transcript, code, 0, 5);
        code(workspace, transcript, code, 5, 9);
        assertEquals(2, dialogs.asked.size(), "asked once more, then known");
        assertEquals("Carla", settings.currentCoder);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workspace.coders().size() == 3);
        Coder carla = workspace.coders().stream().filter(c -> c.name().equals("Carla")).findFirst().orElseThrow();
        assertEquals(2, new CodingStore(project).codings(transcript).stream()
                .filter(c -> c.coderId() == carla.id()).count());

        workspace.renameCoder(carla, "Carla Ruiz");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Carla Ruiz".equals(workspace.currentCoderProperty()
                .get()));
        assertEquals(List.of("Ana", "Ben", "Carla Ruiz"), workspace.coders().stream().map(Coder::name).toList());
        RefiProject exported = ExportProject.exportQdpx(project, folder.resolve("out.qdpx"));
        assertTrue(exported.users().stream().anyMatch(user -> user.name().equals("Carla Ruiz")), "the export");
        assertTrue(MergeProject.readQdpx(folder.resolve("out.qdpx")).users().stream()
                .anyMatch(user -> user.name().equals("Carla Ruiz") && user.guid().equals(carla.guid())));
        assertEquals(List.of("Ana", "Ben", "Carla Ruiz"), ComputeAgreement.compute(project,
                List.of("Ana", "Ben", "Carla Ruiz"), AgreementUnit.CHARACTER, false, Progress.NONE).coders());
        code(workspace, transcript, code, 12, 20);
        assertEquals(2, dialogs.asked.size(), "a rename needs no new question");

        workspace.undoHistory().undo();
        workspace.undoHistory().undo();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Carla".equals(workspace.currentCoderProperty().get()));
        assertEquals(List.of("Ana", "Ben", "Carla"), workspace.coders().stream().map(Coder::name).toList());

        workspace.renameCoder(carla, "Ana");
        assertEquals(List.of("Could not rename coder to \u201CAna\u201D: There is already a coder named \u201CAna\u201D."),
                dialogs.errors);
        workspace.blindCodingProperty().set(true);
        assertEquals("Carla", workspace.visibleCoderName(null));
    }

    @Test
    void aRememberedNameThatCodesInTheProjectIsNotAskedForAndBlindShowsNobodyBeforeAName() throws Exception {
        Project project = Project.create(folder.resolve("p.divergence"));
        SampleInterviews.populate(project, Progress.NONE);
        Settings settings = new Settings();
        AskingDialogs dialogs = new AskingDialogs();
        CodingWorkspace nameless = new CodingWorkspace(context, new SameThreadTaskExecutor(), dialogs, settings,
                () -> { });
        nameless.blindCodingProperty().set(true);
        assertEquals("", nameless.visibleCoderName(null), "blind before a name: nobody's codings, not everyone's");

        settings.currentCoder = "Ben";
        settings.blindCoding = false;
        CodingWorkspace workspace = new CodingWorkspace(context, new SameThreadTaskExecutor(), dialogs, settings,
                () -> { });
        context.setProject(project);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workspace.coders().size() == 2
                && !workspace.codebook().isEmpty());
        long transcript = new TranscriptStore(project).list().getFirst().id();
        code(workspace, transcript, workspace.codebook().inTreeOrder().getFirst(), 1, 3);
        assertEquals(List.of(), dialogs.asked, "Ben codes in this project already");

        settings.currentCoder = "Zoe";
        CodingWorkspace newcomer = new CodingWorkspace(context, new SameThreadTaskExecutor(), dialogs, settings,
                () -> { });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> newcomer.coders().size() == 2);
        dialogs.answers.add(Optional.of("Ana"));
        assertTrue(newcomer.ensureCoderName());
        assertEquals(List.of("Who is coding? | [Ana, Ben] | Zoe"), dialogs.asked, "the remembered name suggested");
        assertEquals("Ana", newcomer.currentCoderProperty().get());
    }

    private static void code(CodingWorkspace workspace, long transcript, Code code, int start, int end) {
        workspace.runAsCoder((project, coder) -> new CodingStore(project).applyCode(transcript, code.id(), coder.id(),
                start, end, code.name()), null);
    }

    /** Answers the name questions from a queue and records them ("title | offered | suggested") and every error. */
    private static final class AskingDialogs implements DialogService {
        final Deque<Optional<String>> answers = new ArrayDeque<>();
        final List<String> asked = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public Optional<String> askForName(String title, String message, List<String> offered, String suggested) {
            asked.add(title + " | " + offered + " | " + suggested);
            return answers.remove();
        }

        @Override
        public void showError(String title, Throwable error) {
            errors.add(title + ": " + error.getMessage());
        }

        @Override
        public void showError(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public void showInformation(String title, String message) {
        }

        @Override
        public boolean confirm(String title, String message, String confirmButton) {
            return true;
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
            return Optional.empty();
        }

        @Override
        public List<Path> chooseFilesToOpen(String title, List<FileType> types) {
            return List.of();
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
            return Optional.empty();
        }
    }
}
