package org.divergence.gui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.divergence.gui.common.DialogService;
import org.divergence.gui.common.ProjectContext;
import org.divergence.store.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Export…: one save dialog for every registered export, routed by the chosen file's extension. */
class ExportDispatcherTest {

    @TempDir
    Path folder;

    @Test
    void routesByExtensionAndOffersEveryType() {
        List<String> messages = new ArrayList<>();
        List<List<DialogService.FileType>> offered = new ArrayList<>();
        Path[] chosen = {folder.resolve("study.qdc")};
        DialogService dialogs = new Recording(messages, offered, chosen);
        try (ProjectContext context = new ProjectContext()) {
            ExportDispatcher exports = new ExportDispatcher(dialogs, context);
            List<String> calls = new ArrayList<>();
            exports.register("REFI-QDA project", "qdpx", path -> calls.add("qdpx " + path.getFileName()));
            exports.register("REFI-QDA codebook", "QDC", path -> calls.add("qdc " + path.getFileName()));

            exports.chooseAndExport();
            assertEquals(List.of("Cannot export: Open or create a project first."), messages);

            context.setProject(Project.create(folder.resolve("Field study.divergence")));
            exports.chooseAndExport();
            assertEquals(List.of("REFI-QDA project (*.qdpx)", "REFI-QDA codebook (*.qdc)"),
                    offered.getFirst().stream().map(DialogService.FileType::description).toList());
            exports.exportTo(folder.resolve("other.QDPX"));
            exports.exportTo(folder.resolve("no-extension"));
            assertEquals(List.of("qdc study.qdc", "qdpx other.QDPX", "qdpx no-extension.qdpx"), calls);
        }
    }

    private record Recording(List<String> messages, List<List<FileType>> offered, Path[] chosen)
            implements DialogService {
        @Override
        public void showError(String title, Throwable error) {
            messages.add(title + ": " + error.getMessage());
        }

        @Override
        public void showError(String title, String message) {
            messages.add(title + ": " + message);
        }

        @Override
        public void showInformation(String title, String message) {
            messages.add(title + ": " + message);
        }

        @Override
        public boolean confirm(String title, String message, String confirmButton) {
            return true;
        }

        @Override
        public Optional<String> askForName(String title, String message, List<String> offered, String suggested) {
            return Optional.empty();
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
            offered.add(types);
            assertEquals("Field study.qdpx", suggestedName);
            return Optional.of(chosen[0]);
        }
    }
}
