package org.divergence.gui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.divergence.gui.common.DialogService.FileType;
import org.divergence.gui.common.DialogService;
import org.divergence.gui.common.ImportHandler;
import org.divergence.gui.common.ProjectContext;

/** Routes imported files to the feature that registered their extension; says which files nothing imports. */
public final class ImportDispatcher implements ImportHandler {

    private record Importer(String description, Set<String> extensions, Consumer<List<Path>> action) {
    }

    private final DialogService dialogs;
    private final ProjectContext context;
    private final List<Importer> importers = new ArrayList<>();

    public ImportDispatcher(DialogService dialogs, ProjectContext context) {
        this.dialogs = dialogs;
        this.context = context;
    }

    @Override
    public void register(String description, Set<String> extensions, Consumer<List<Path>> importer) {
        importers.add(new Importer(description, Set.copyOf(extensions), importer));
    }

    @Override
    public void chooseAndImport() {
        List<FileType> types = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (Importer importer : importers) {
            List<String> patterns = importer.extensions().stream().sorted().map(ext -> "*." + ext).toList();
            types.add(new FileType(importer.description() + " (" + String.join(", ", patterns) + ")", patterns));
            all.addAll(patterns);
        }
        types.addFirst(new FileType("Everything the workbench imports", all));
        types.add(FileType.of("All files", "*.*"));
        List<Path> files = dialogs.chooseFilesToOpen("Import", types);
        if (!files.isEmpty()) {
            importFiles(files);
        }
    }

    @Override
    public void importFiles(List<Path> files) {
        if (!context.hasProject()) {
            dialogs.showError("Cannot import", "Open or create a project first.");
            return;
        }
        Map<Importer, List<Path>> routed = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Path file : files) {
            String extension = extension(file);
            importers.stream().filter(importer -> importer.extensions().contains(extension)).findFirst()
                    .ifPresentOrElse(importer -> routed.computeIfAbsent(importer, key -> new ArrayList<>()).add(file),
                            () -> unknown.add(file.getFileName().toString()));
        }
        if (!unknown.isEmpty()) {
            StringBuilder message = new StringBuilder("Not a file type the workbench imports: ")
                    .append(String.join(", ", unknown)).append('.');
            for (Importer importer : importers) {
                message.append('\n').append(importer.description()).append(": ")
                        .append(String.join(", ", importer.extensions().stream().sorted().map(e -> "." + e).toList()))
                        .append('.');
            }
            dialogs.showError("Cannot import these files", message.toString());
        }
        routed.forEach((importer, paths) -> importer.action().accept(paths));
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
