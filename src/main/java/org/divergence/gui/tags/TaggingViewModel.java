package org.divergence.gui.tags;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.core.tags.FactorTag;
import org.divergence.core.tags.TagUsage;
import org.divergence.core.undo.UndoHistory;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.tags.HandTagCommand;
import org.divergence.store.tags.RepositoryTags;
import org.divergence.store.tags.TagRules;

/**
 * The repository tags as the Repositories screen shows them: every code of the codebook with how many repositories
 * carry it, the tags of the rows on screen (loaded a page at a time and cached until tags change), and tagging by
 * hand through the undo history, off the FX thread.
 */
public final class TaggingViewModel {

    /** Rows whose tags are loaded together when a row without loaded tags is shown. */
    static final int PAGE = 100;
    private static final int CACHE_LIMIT = 20_000;

    private final ProjectContext context;
    private final TaskExecutor tasks;
    private final ObservableList<TagUsage> usage = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final Map<Long, List<FactorTag>> tagsByRepository = new HashMap<>();
    private Map<Long, FactorTag> tagsByCode = Map.of();
    private long reload;

    public TaggingViewModel(ProjectContext context, TaskExecutor tasks) {
        this.context = context;
        this.tasks = tasks;
        context.projectProperty().addListener((obs, old, project) -> {
            usage.clear();
            forgetTags();
            reload(true);
        });
        context.addDataListener(this::dataChanged);
        reload(false);
    }

    /** Every code of the codebook with its counts, in codebook order. */
    public ObservableList<TagUsage> usage() {
        return usage;
    }

    /** The codes as tags, in codebook order. */
    public List<FactorTag> tags() {
        return usage.stream().map(TagUsage::tag).toList();
    }

    /** What the last tagging did, e.g. "Tagged 3 repositories with “Compute requirements”." */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Rises whenever shown tags may have changed: tables redraw their tag cells. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /**
     * The tags of the repository at {@code index} of a listing; on a miss the tags of the rows around it are loaded
     * in one query (a millisecond or two, like the rows themselves). {@code idAt} gives a row's repository id.
     */
    public List<FactorTag> tagsAt(int index, int size, IntFunction<Long> idAt) {
        Long id = idAt.apply(index);
        Project project = context.project();
        if (id == null || project == null) {
            return List.of();
        }
        List<FactorTag> cached = tagsByRepository.get(id);
        if (cached != null) {
            return cached;
        }
        if (tagsByRepository.size() > CACHE_LIMIT) {
            tagsByRepository.clear();
        }
        int from = Math.max(0, index - PAGE / 4);
        int to = Math.min(size, from + PAGE);
        List<Long> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Long other = idAt.apply(i);
            if (other != null && !tagsByRepository.containsKey(other)) {
                ids.add(other);
            }
        }
        if (!ids.contains(id)) {
            ids.add(id);
        }
        Map<Long, List<Long>> codes = new RepositoryTags(project).codesOf(ids.stream().mapToLong(Long::longValue)
                .toArray());
        for (Long repository : ids) {
            List<FactorTag> tags = new ArrayList<>();
            for (Long code : codes.getOrDefault(repository, List.of())) {
                FactorTag tag = tagsByCode.get(code);
                if (tag != null) {
                    tags.add(tag);
                }
            }
            tagsByRepository.put(repository, List.copyOf(tags));
        }
        return tagsByRepository.get(id);
    }

    /** Why the repository carries each of its tags, one line each: "Compute requirements — by hand". */
    public String describe(long repositoryId) {
        Project project = context.project();
        if (project == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (RepositoryTags.Assignment assignment : new RepositoryTags(project).assignments(repositoryId)) {
            lines.add(assignment.tag().path() + " \u2014 " + (assignment.byHand() ? "by hand"
                    : "by rule " + assignment.ruleId() + ": " + assignment.ruleExpression()));
        }
        return String.join("\n", lines);
    }

    /** Tags the repositories by hand (undoable with Edit → Undo); {@code onDone} runs on the FX thread after. */
    public void tag(FactorTag tag, long[] repositoryIds, Consumer<Integer> onDone) {
        run(project -> new RepositoryTags(project).tag(tag, repositoryIds), true, tag, repositoryIds.length, onDone);
    }

    /** Takes the hand-given tag off the repositories (undoable); tags given by rules stay. */
    public void untag(FactorTag tag, long[] repositoryIds, Consumer<Integer> onDone) {
        run(project -> new RepositoryTags(project).untag(tag, repositoryIds), false, tag, repositoryIds.length,
                onDone);
    }

    private void run(java.util.function.Function<Project, HandTagCommand> factory, boolean adding, FactorTag tag,
                     int requested, Consumer<Integer> onDone) {
        Project project = context.project();
        if (project == null) {
            return;
        }
        UndoHistory history = context.undoHistory();
        tasks.execute(BackgroundTask.of(adding ? "Tagging repositories" : "Removing tags", progress -> {
            HandTagCommand command = factory.apply(project);
            history.execute(command);
            return command.changed();
        }).onSuccess(changed -> {
            int unchanged = requested - changed;
            status.set(adding
                    ? String.format("Tagged %,d %s with \u201C%s\u201D%s.", changed, plural(changed), tag.name(),
                            unchanged > 0 ? String.format(" (%,d already carried it)", unchanged) : "")
                    : String.format("Took \u201C%s\u201D off %,d %s%s.", tag.name(), changed, plural(changed),
                            unchanged > 0 ? String.format(" (%,d carried it by rule or not at all)", unchanged)
                                    : ""));
            if (onDone != null) {
                onDone.accept(changed);
            }
        }));
    }

    private static String plural(int count) {
        return count == 1 ? "repository" : "repositories";
    }

    private void dataChanged(Set<DataArea> areas) {
        if (areas.contains(DataArea.CODEBOOK) || areas.contains(DataArea.TAGS)
                || areas.contains(DataArea.REPOSITORIES) || areas.contains(DataArea.BATCHES)) {
            forgetTags();
            // A code's deletion taken back brings its rules back: apply them (see docs/tags.md).
            reload(areas.contains(DataArea.CODEBOOK));
        }
    }

    private void forgetTags() {
        tagsByRepository.clear();
        revision.set(revision.get() + 1);
    }

    /** Reloads the codes with their counts in the background; the newest reload wins. */
    private void reload(boolean applyPending) {
        Project project = context.project();
        if (project == null) {
            return;
        }
        long request = ++reload;
        tasks.execute(BackgroundTask.of("Reading tags", progress -> {
            if (applyPending) {
                TagRules.applyPendingIfAny(project);
            }
            return new RepositoryTags(project).usage();
        }).quiet().onSuccess(loaded -> {
            if (request != reload || context.project() != project) {
                return;
            }
            Map<Long, FactorTag> byCode = new LinkedHashMap<>();
            loaded.forEach(item -> byCode.put(item.tag().codeId(), item.tag()));
            tagsByCode = byCode;
            if (!usage.equals(loaded)) {
                usage.setAll(loaded);
            }
            forgetTags();
        }));
    }
}
