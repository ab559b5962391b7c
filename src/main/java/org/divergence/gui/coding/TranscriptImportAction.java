package org.divergence.gui.coding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.divergence.app.semantic.PassageEmbeddings;
import org.divergence.app.transcripts.ImportTranscripts;
import org.divergence.exchange.semantic.MiniLmEmbedder;
import org.divergence.exchange.transcripts.TranscriptFormat;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.DialogService.FileType;
import org.divergence.gui.common.FeatureServices;
import org.divergence.gui.common.Section;
import org.divergence.store.project.Project;

/**
 * Imports transcript files into the open project in the background, all or nothing, then shows them in Interviews.
 * The window's File → Import… and drag-and-drop dispatcher routes transcript files ({@link #accepts}) here.
 */
public final class TranscriptImportAction {

    public static final FileType TRANSCRIPT_FILES = new FileType("Transcripts (.txt, .md, .docx, .pdf, .odt, .vtt, "
            + ".srt)", TranscriptFormat.patterns());

    private final FeatureServices services;
    private final List<Consumer<List<ImportTranscripts.Imported>>> listeners = new ArrayList<>();

    public TranscriptImportAction(FeatureServices services) {
        this.services = services;
    }

    /** Creates the action and routes the window's transcript imports (File → Import…, dropped files) to it. */
    public static TranscriptImportAction register(FeatureServices services) {
        TranscriptImportAction action = new TranscriptImportAction(services);
        services.importHandler().register("Interview transcripts", TranscriptFormat.extensions(),
                action::importFiles);
        return action;
    }

    /** True for the file types this action imports. */
    public static boolean accepts(Path file) {
        return TranscriptFormat.isTranscript(file);
    }

    public void chooseAndImport() {
        List<Path> files = services.dialogs().chooseFilesToOpen("Import transcripts", List.of(TRANSCRIPT_FILES));
        if (!files.isEmpty()) {
            importFiles(files);
        }
    }

    public void importFiles(List<Path> files) {
        if (!services.context().hasProject()) {
            services.dialogs().showError("Import transcripts", "Open or create a project first.");
            return;
        }
        Project project = services.context().project();
        String title = files.size() == 1 ? "Importing " + files.getFirst().getFileName()
                : "Importing " + files.size() + " transcripts";
        services.tasks().execute(BackgroundTask.of(title, progress -> ImportTranscripts.importFiles(project,
                        List.copyOf(files), ImportTranscripts.Options.DEFAULT, progress))
                .onSuccess(imported -> {
                    services.navigate(Section.INTERVIEWS);
                    listeners.forEach(listener -> listener.accept(imported));
                    prepareSearchByMeaning(project);
                })
                .onFailure(error -> services.dialogs().showError("Transcripts not imported", error)));
    }

    /**
     * Reads the new transcripts with the local model in the background (ADR 0121), so that search by meaning and
     * suggestions answer at once; cancelling keeps what is done, and the rest is read on first use.
     */
    private void prepareSearchByMeaning(Project project) {
        services.tasks().execute(BackgroundTask.of("Preparing search by meaning (on this computer)", progress ->
                        PassageEmbeddings.update(project, MiniLmEmbedder.shared(), progress))
                .onFailure(error -> {
                    if (services.context().hasProject() && services.context().project() == project) {
                        services.dialogs().showError("Search by meaning not prepared", error);
                    }
                }));
    }

    /** Called on the FX thread after a successful import, e.g. to open the first new transcript. */
    public void addImportedListener(Consumer<List<ImportTranscripts.Imported>> listener) {
        listeners.add(listener);
    }
}
