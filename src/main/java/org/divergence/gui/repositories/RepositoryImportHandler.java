package org.divergence.gui.repositories;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.divergence.gui.common.FeatureServices;

/** Opens the import dialog for repository samples routed here by the window's import dispatcher. */
public final class RepositoryImportHandler {

    /** Canonical CSV, JSON Lines, JSON saved from the platforms' APIs, and Parquet (canonical or a Hub snapshot). */
    public static final Set<String> EXTENSIONS = Set.of("csv", "jsonl", "ndjson", "json", "parquet");

    private RepositoryImportHandler() {
    }

    public static void register(FeatureServices services) {
        services.importHandler().register("Repository samples", EXTENSIONS, files -> open(services, files));
    }

    private static void open(FeatureServices services, List<Path> files) {
        ImportDialog.show(services.window(), new ImportViewModel(services.tasks(), services.context().project(),
                files, services.settings(), services::saveSettings));
    }
}
