package org.divergence.gui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.divergence.app.refi.RefiFiles;
import org.divergence.core.coding.TranscriptInfo;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;
import org.divergence.store.settings.AppDirectories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a double-click in the file manager does: the installers register .divergence and .qdpx files, and the
 * launcher starts the window with the file's path as its only argument.
 */
@ExtendWith(ApplicationExtension.class)
class OpenFileAtStartTest {

    @TempDir
    static Path folder;

    private static Path project;
    private static Path qdpx;

    private Workbench projectWorkbench;
    private Workbench qdpxWorkbench;
    private Stage projectStage;
    private Stage qdpxStage;

    @Start
    void start(Stage stage) throws Exception {
        project = folder.resolve("Field study.divergence");
        if (!Files.exists(project)) {
            Project.create(project).close();
        }
        if (qdpx == null) {
            qdpx = RefiFiles.synthetic(Files.createDirectories(folder.resolve("exchange")));
        }

        projectStage = stage;
        projectWorkbench = Workbench.start(stage, directories("project-home"), List.of(project.toString()));

        qdpxStage = new Stage();
        qdpxWorkbench = Workbench.start(qdpxStage, directories("qdpx-home"), List.of(qdpx.toString()));
    }

    private static AppDirectories directories(String name) {
        return AppDirectories.resolve(folder.resolve(name).toString(), Map.of(), "Linux", folder);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            projectWorkbench.close();
            qdpxWorkbench.close();
            projectStage.close();
            qdpxStage.close();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theWindowGetsTheAppIconInEverySizeAfterItsFirstFrame() throws Exception {
        // Set after the first frame (decoding eight sizes up to 512 px would delay it), but set.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> projectStage.getIcons().size()).get() == 8);
        List<Double> widths = WaitForAsyncUtils.asyncFx(() -> projectStage.getIcons().stream()
                .map(icon -> icon.getWidth()).toList()).get();
        assertEquals(List.of(16.0, 24.0, 32.0, 48.0, 64.0, 128.0, 256.0, 512.0), widths);
    }

    @Test
    void aProjectFileOpensInsteadOfTheSampleAndAQdpxIsImportedOnceAProjectIsOpen() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> projectWorkbench.context().hasProject());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(project, projectWorkbench.context().project().file());
        assertEquals("Divergence Workbench — Field study", projectStage.getTitle());

        // The .qdpx goes into the project that opens (the sample, on a first start), once.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> qdpxWorkbench.context().hasProject()
                && new TranscriptStore(qdpxWorkbench.context().project()).list().stream()
                .anyMatch(t -> t.name().equals("Z1 interview")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, new TranscriptStore(qdpxWorkbench.context().project()).list().stream()
                .map(TranscriptInfo::name).filter("Z1 interview"::equals).count());
        assertEquals("Sample project", qdpxWorkbench.context().project().name());
    }
}
