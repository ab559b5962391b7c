package org.divergence.gui.tags;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.core.tags.FactorTag;
import org.divergence.core.tags.TagUsage;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.store.project.Project;
import org.divergence.store.tags.RepositoryTags;

/**
 * The factor tag a "untagged vs tagged" grouping compares (Compare and Charts screens): the codes at least one
 * repository carries, read in the background, and the chosen one, kept across reloads while it is still in use.
 */
public final class TagChoice {

    /** What a tag grouping says while no repository carries a tag. */
    public static final String NO_TAG_IN_USE = "No repository carries a tag yet. Tag repositories with a code of the"
            + " codebook in the Repositories section: select rows and choose Tag… (Ctrl+T), or save a tag rule.";

    private final TaskExecutor tasks;
    private final Supplier<Project> currentProject;
    private final ObjectProperty<FactorTag> tag = new SimpleObjectProperty<>();
    private final ObservableList<FactorTag> tags = FXCollections.observableArrayList();

    public TagChoice(TaskExecutor tasks, Supplier<Project> currentProject) {
        this.tasks = tasks;
        this.currentProject = currentProject;
    }

    public ObjectProperty<FactorTag> tagProperty() {
        return tag;
    }

    public ObservableList<FactorTag> tags() {
        return tags;
    }

    /** Forgets the choice (another project was opened) and reads the new project's tags. */
    public void reset() {
        tag.set(null);
        reload();
    }

    /** Reads the tags in use again (after tagging, a codebook change or an import). */
    public void reload() {
        Project project = currentProject.get();
        if (project == null) {
            tags.clear();
            return;
        }
        tasks.execute(BackgroundTask.of("Reading tags", progress -> new RepositoryTags(project).usage().stream()
                .filter(usage -> usage.repositories() > 0).map(TagUsage::tag).toList()).quiet()
                .onSuccess(used -> {
                    if (currentProject.get() == project) {
                        show(used);
                    }
                }));
    }

    private void show(List<FactorTag> used) {
        if (!tags.equals(used)) {
            tags.setAll(used);
        }
        FactorTag chosen = tag.get();
        FactorTag same = chosen == null ? null : used.stream()
                .filter(candidate -> candidate.codeId() == chosen.codeId()).findFirst().orElse(null);
        tag.set(same != null ? same : used.isEmpty() ? null : used.getFirst());
    }
}
