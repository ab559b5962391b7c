package org.divergence.gui.repositories;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.app.repositories.RemoveImportBatch;
import org.divergence.core.repositories.ImportBatch;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.ImportBatches;

/** The import batches dialog's state: the project's batches, read and removed off the FX thread. */
final class BatchesViewModel {

    private final Project project;
    private final TaskExecutor tasks;
    private final ObservableList<ImportBatch> batches = FXCollections.observableArrayList();

    BatchesViewModel(Project project, TaskExecutor tasks) {
        this.project = project;
        this.tasks = tasks;
    }

    ObservableList<ImportBatch> batches() {
        return batches;
    }

    String projectName() {
        return project.name();
    }

    void reload() {
        tasks.execute(BackgroundTask.of("Reading import batches", progress -> ImportBatches.list(project)).quiet()
                .onSuccess((List<ImportBatch> read) -> batches.setAll(read)));
    }

    /** Removes the batch (see {@link RemoveImportBatch}), then reads the batches again. */
    void remove(ImportBatch batch) {
        tasks.execute(BackgroundTask.of("Removing import batch", progress -> RemoveImportBatch.remove(project,
                batch.id())).onSuccess(removed -> reload()));
    }
}
