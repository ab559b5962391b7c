package org.divergence.gui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.divergence.gui.common.DialogService.FileType;
import org.divergence.gui.common.DialogService;
import org.divergence.gui.common.ExportHandler;
import org.divergence.gui.common.ProjectContext;

/** Offers every registered export in one save dialog and routes the chosen file to its feature by extension. */
public final class ExportDispatcher implements ExportHandler {

    private record Exporter(String description, String extension, Consumer<Path> action) {
    }

    private final DialogService dialogs;
    private final ProjectContext context;
    private final List<Exporter> exporters = new ArrayList<>();

    public ExportDispatcher(DialogService dialogs, ProjectContext context) {
        this.dialogs = dialogs;
        this.context = context;
    }

    @Override
    public void register(String description, String extension, Consumer<Path> exporter) {
        exporters.add(new Exporter(description, extension.toLowerCase(Locale.ROOT), exporter));
    }

    @Override
    public void chooseAndExport() {
        if (!context.hasProject()) {
            dialogs.showError("Cannot export", "Open or create a project first.");
            return;
        }
        if (exporters.isEmpty()) {
            dialogs.showInformation("Export", "There is nothing to export in this version.");
            return;
        }
        List<FileType> types = exporters.stream().map(e -> FileType.of(e.description() + " (*." + e.extension()
                + ")", "*." + e.extension())).toList();
        String suggested = context.project().name() + "." + exporters.getFirst().extension();
        dialogs.chooseFileToSave("Export", suggested, types).ifPresent(this::exportTo);
    }

    /** Exports to {@code file} with the exporter of its extension (the first exporter's when it has none known). */
    @Override
    public void exportTo(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (Exporter exporter : exporters) {
            if (name.endsWith("." + exporter.extension())) {
                exporter.action().accept(file);
                return;
            }
        }
        Exporter first = exporters.getFirst();
        first.action().accept(file.resolveSibling(file.getFileName() + "." + first.extension()));
    }
}
