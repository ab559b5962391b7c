package org.divergence.gui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.SameThreadTaskExecutor;
import org.divergence.samples.SampleInterviews;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;
import org.divergence.store.settings.Settings;
import org.divergence.testsupport.RecordingDialogs;
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
        Project project = sample();
        Settings settings = new Settings();
        RecordingDialogs dialogs = new RecordingDialogs();
        CodingWorkspace workspace = workspace(dialogs, settings);
        context.setProject(project);
        loaded(workspace);
        assertNull(workspace.currentCoderProperty().get(), "nobody is made up");
        long transcript = new TranscriptStore(project).list().getFirst().id();
        Code code = workspace.codebook().inTreeOrder().getFirst();
        int before = new CodingStore(project).codings(transcript).size();

        dialogs.names.add(Optional.empty());
        code(workspace, transcript, code, 0, 5);
        assertEquals(1, dialogs.asked.size());
        assertEquals("Who is coding? | [Ana, Ben] | ", dialogs.asked.getFirst());
        assertEquals(before, new CodingStore(project).codings(transcript).size(), "declined: nothing coded");

        dialogs.names.add(Optional.of("Carla"));
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
        Project project = sample();
        Settings settings = new Settings();
        RecordingDialogs dialogs = new RecordingDialogs();
        CodingWorkspace nameless = workspace(dialogs, settings);
        nameless.blindCodingProperty().set(true);
        assertEquals("", nameless.visibleCoderName(null), "blind before a name: nobody's codings, not everyone's");

        settings.currentCoder = "Ben";
        settings.blindCoding = false;
        CodingWorkspace workspace = workspace(dialogs, settings);
        context.setProject(project);
        loaded(workspace);
        long transcript = new TranscriptStore(project).list().getFirst().id();
        code(workspace, transcript, workspace.codebook().inTreeOrder().getFirst(), 1, 3);
        assertEquals(List.of(), dialogs.asked, "Ben codes in this project already");

        settings.currentCoder = "Zoe";
        CodingWorkspace newcomer = workspace(dialogs, settings);
        loaded(newcomer);
        dialogs.names.add(Optional.of("Ana"));
        assertTrue(newcomer.ensureCoderName());
        assertEquals(List.of("Who is coding? | [Ana, Ben] | Zoe"), dialogs.asked, "the remembered name suggested");
        assertEquals("Ana", newcomer.currentCoderProperty().get());
    }

    private Project sample() {
        Project project = Project.create(folder.resolve("p.divergence"));
        SampleInterviews.populate(project, Progress.NONE);
        return project;
    }

    private CodingWorkspace workspace(RecordingDialogs dialogs, Settings settings) {
        return new CodingWorkspace(context, new SameThreadTaskExecutor(), dialogs, settings, () -> { });
    }

    private static void loaded(CodingWorkspace workspace) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workspace.coders().size() == 2
                && !workspace.codebook().isEmpty());
    }

    private static void code(CodingWorkspace workspace, long transcript, Code code, int start, int end) {
        workspace.runAsCoder((project, coder) -> new CodingStore(project).applyCode(transcript, code.id(), coder.id(),
                start, end, code.name()), null);
    }
}
