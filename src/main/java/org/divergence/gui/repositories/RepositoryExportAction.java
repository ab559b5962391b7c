package org.divergence.gui.repositories;

import java.nio.file.Path;
import java.util.List;
import org.divergence.app.repositories.ExportRepositories;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.DialogService.FileType;
import org.divergence.gui.common.FeatureServices;
import org.divergence.store.project.Project;

/** Repositories → Export…: the shown repositories as CSV or JSON Lines, written in the background. */
final class RepositoryExportAction {

    private RepositoryExportAction() {
    }

    static void run(FeatureServices services, RepositoryFilter filter) {
        Project project = services.context().project();
        if (project == null) {
            return;
        }
        services.dialogs().chooseFileToSave("Export repositories", project.name() + "-repositories.csv",
                List.of(FileType.of("CSV", "*.csv"), FileType.of("JSON Lines", "*.jsonl")))
                .ifPresent(file -> export(services, project, file, filter));
    }

    private static void export(FeatureServices services, Project project, Path file, RepositoryFilter filter) {
        services.tasks().execute(BackgroundTask.of("Exporting repositories",
                        progress -> ExportRepositories.export(project, file, filter, progress))
                .onSuccess(count -> services.dialogs().showInformation("Export finished",
                        String.format("Wrote %,d repositories to %s.", count, file))));
    }
}
