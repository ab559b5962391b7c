package org.divergence.gui.refi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.divergence.app.refi.ExportProject;
import org.divergence.app.refi.MergeProject;
import org.divergence.core.refi.MergeReport;
import org.divergence.core.refi.RefiProject;
import org.divergence.core.undo.UndoHistory;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.DialogService.FileType;
import org.divergence.gui.common.FeatureServices;
import org.divergence.gui.common.Section;
import org.divergence.store.project.Project;
import org.divergence.store.undo.ProjectCommand;

/**
 * REFI-QDA in the window: File → Import… takes .qdpx projects, .qdc codebooks and other projects (.divergence, to
 * merge another coder's work); File → Export… writes .qdpx and .qdc. Imports run in the background as one undoable
 * step and end with the import report.
 */
public final class RefiActions {

    public static final FileType MERGEABLE = new FileType("Another coder's work (.qdpx, .divergence)",
            List.of("*.qdpx", "*.divergence"));

    private final FeatureServices services;
    private final List<Consumer<MergeReport>> listeners = new ArrayList<>();

    private RefiActions(FeatureServices services) {
        this.services = services;
    }

    /** Registers the file types with the window's import and export handlers. */
    public static RefiActions register(FeatureServices services) {
        RefiActions actions = new RefiActions(services);
        services.importHandler().register("REFI-QDA projects (NVivo, ATLAS.ti, MAXQDA, QualCoder)", Set.of("qdpx"),
                files -> files.forEach(file -> actions.importFile(file, Section.INTERVIEWS)));
        services.importHandler().register("REFI-QDA codebooks", Set.of("qdc"),
                files -> files.forEach(file -> actions.importFile(file, Section.CODEBOOK)));
        services.importHandler().register("Another project's coding (merged in)", Set.of("divergence"),
                files -> files.forEach(actions::confirmAndMerge));
        services.exportHandler().register("REFI-QDA project", "qdpx", actions::exportProject);
        services.exportHandler().register("REFI-QDA codebook", "qdc", actions::exportCodebook);
        return actions;
    }

    /** Asks for another coder's .qdpx or project and merges it (the Agreement screen's button). */
    public void chooseAndMerge() {
        services.dialogs().chooseFileToOpen("Merge another coder's work", List.of(MERGEABLE))
                .ifPresent(file -> importFile(file, null));
    }

    /** A project file dropped or chosen for import might have been meant to be opened: ask first. */
    private void confirmAndMerge(Path file) {
        if (services.dialogs().confirm("Merge another project", "Merge the transcripts, codes and codings of "
                + file.getFileName() + " into this project? Each coding keeps its coder, so you can compare them "
                + "under Agreement; Ctrl+Z takes the merge back. (To open that project instead, use File → Open "
                + "Project….)", "Merge")) {
            importFile(file, Section.AGREEMENT);
        }
    }

    /** Reads and merges a file in the background; {@code then} is the section to show afterwards (null: stay). */
    public void importFile(Path file, Section then) {
        if (!services.context().hasProject()) {
            services.dialogs().showError("Cannot import", "Open or create a project first.");
            return;
        }
        Project project = services.context().project();
        UndoHistory history = services.context().undoHistory();
        services.tasks().execute(BackgroundTask.of("Importing " + file.getFileName(), progress -> {
            RefiProject incoming = MergeProject.read(file, project);
            progress.checkCancelled();
            ProjectCommand<MergeReport> command = MergeProject.merge(project, incoming, file);
            history.execute(command);
            return command.result();
        }).onSuccess(report -> {
            if (then != null) {
                services.navigate(then);
            }
            listeners.forEach(listener -> listener.accept(report));
            MergeReportDialog.show(services.window(), report);
        }).onFailure(error -> services.dialogs().showError("Not imported: " + file.getFileName(), error)));
    }

    /** Called on the FX thread after each successful import, with its report. */
    public void addImportedListener(Consumer<MergeReport> listener) {
        listeners.add(listener);
    }

    private void exportProject(Path file) {
        Project project = services.context().project();
        services.tasks().execute(BackgroundTask.of("Exporting " + file.getFileName(), progress ->
                ExportProject.exportQdpx(project, file)).onSuccess(exported -> services.dialogs().showInformation(
                "Exported", "Wrote " + file.getFileName() + ": " + exported.users().size() + " coder(s), "
                        + exported.allCodes().size() + " code(s), " + exported.sources().size() + " transcript(s), "
                        + exported.codingCount() + " coding(s), " + exported.notes().size() + " memo(s)."))
                .onFailure(error -> services.dialogs().showError("Not exported", error)));
    }

    private void exportCodebook(Path file) {
        Project project = services.context().project();
        services.tasks().execute(BackgroundTask.of("Exporting " + file.getFileName(), progress ->
                ExportProject.exportQdc(project, file)).onSuccess(exported -> services.dialogs().showInformation(
                "Exported", "Wrote " + file.getFileName() + ": " + exported.allCodes().size() + " code(s)."))
                .onFailure(error -> services.dialogs().showError("Not exported", error)));
    }
}
