package org.divergence.gui.repositories;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.divergence.gui.common.DialogService.FileType;
import org.divergence.gui.shell.FeatureServices;
import org.divergence.gui.shell.ImportHandler;

/**
 * File → Import…, the tool bar button and drag-and-drop: repository samples go to the import dialog; transcripts
 * and REFI-QDA projects go to the handlers the interview features register.
 */
public final class RepositoryImportHandler implements ImportHandler {

    static final Set<String> REPOSITORY_EXTENSIONS = Set.of("csv", "jsonl", "ndjson", "json");
    static final Set<String> TRANSCRIPT_EXTENSIONS = Set.of("txt", "md", "docx", "pdf", "odt", "vtt", "srt");

    private final FeatureServices services;
    private final Supplier<Window> window;
    private Consumer<List<Path>> transcriptImporter;
    private Consumer<List<Path>> qdpxImporter;

    public RepositoryImportHandler(FeatureServices services, Supplier<Window> window) {
        this.services = services;
        this.window = window;
    }

    /** The Interviews feature registers how it imports transcripts. */
    public void setTranscriptImporter(Consumer<List<Path>> importer) {
        this.transcriptImporter = importer;
    }

    /** The REFI-QDA feature registers how it imports .qdpx projects. */
    public void setQdpxImporter(Consumer<List<Path>> importer) {
        this.qdpxImporter = importer;
    }

    @Override
    public void chooseAndImport() {
        List<FileType> types = new ArrayList<>();
        types.add(FileType.of("Repository samples (*.csv, *.jsonl, *.json)", "*.csv", "*.jsonl", "*.ndjson",
                "*.json"));
        if (transcriptImporter != null) {
            types.add(FileType.of("Interview transcripts", "*.txt", "*.md", "*.docx", "*.pdf", "*.odt", "*.vtt",
                    "*.srt"));
        }
        if (qdpxImporter != null) {
            types.add(FileType.of("REFI-QDA projects (*.qdpx)", "*.qdpx"));
        }
        types.add(FileType.of("All files", "*.*"));
        List<Path> files = services.dialogs().chooseFilesToOpen("Import", types);
        if (!files.isEmpty()) {
            importFiles(files);
        }
    }

    @Override
    public void importFiles(List<Path> files) {
        if (!services.context().hasProject()) {
            return;
        }
        List<Path> repositories = new ArrayList<>();
        List<Path> transcripts = new ArrayList<>();
        List<Path> qdpx = new ArrayList<>();
        List<Path> unknown = new ArrayList<>();
        for (Path file : files) {
            String extension = extension(file);
            if (REPOSITORY_EXTENSIONS.contains(extension)) {
                repositories.add(file);
            } else if (TRANSCRIPT_EXTENSIONS.contains(extension) && transcriptImporter != null) {
                transcripts.add(file);
            } else if (extension.equals("qdpx") && qdpxImporter != null) {
                qdpx.add(file);
            } else {
                unknown.add(file);
            }
        }
        if (!unknown.isEmpty()) {
            services.dialogs().showError("Cannot import these files", "Not a file type the workbench imports: "
                    + String.join(", ", unknown.stream().map(path -> path.getFileName().toString()).toList())
                    + ".\nRepository samples: .csv, .jsonl, .json." + (transcriptImporter == null ? ""
                    : "\nTranscripts: .txt, .md, .docx, .pdf, .odt, .vtt, .srt.")
                    + (qdpxImporter == null ? "" : "\nREFI-QDA projects: .qdpx."));
        }
        if (!repositories.isEmpty()) {
            ImportDialog.show(window.get(), new ImportViewModel(services.tasks(), services.context().project(),
                    repositories));
        }
        if (!transcripts.isEmpty()) {
            transcriptImporter.accept(transcripts);
        }
        if (!qdpx.isEmpty()) {
            qdpxImporter.accept(qdpx);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
