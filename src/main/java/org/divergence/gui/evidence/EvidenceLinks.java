package org.divergence.gui.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.divergence.core.evidence.EvidenceLink;
import org.divergence.core.evidence.FindingRef;
import org.divergence.core.undo.UndoHistory;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.DialogService;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.store.evidence.EvidenceStore;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.undo.ProjectCommand;

/**
 * The open project's evidence links, by segment and by code, kept current (reloaded when links, codings or codes
 * change), and the actions that add, edit and remove links through the global undo history. Holds no controls: the
 * Interviews and Codebook sections show and edit links through it, and tests drive it without a toolkit.
 */
public final class EvidenceLinks {

    /** What a link is made from: a coded segment or a whole code, named for dialogs. */
    public record Subject(Long codingId, Long codeId, String title, String detail) {

        public static Subject segment(long codingId, String title, String quote) {
            return new Subject(codingId, null, title, quote);
        }

        public static Subject code(long codeId, String path) {
            return new Subject(null, codeId, "Code \u201C" + path + "\u201D", "Every segment coded with it.");
        }
    }

    private final ProjectContext context;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private Map<Long, List<EvidenceLink>> byCoding = Map.of();
    private Map<Long, List<EvidenceLink>> byCode = Map.of();
    private long reloads;

    public EvidenceLinks(ProjectContext context, TaskExecutor tasks, DialogService dialogs) {
        this.context = context;
        this.tasks = tasks;
        this.dialogs = dialogs;
        context.projectProperty().addListener((obs, old, project) -> reload());
        context.addDataListener(this::dataChanged);
        reload();
    }

    /** Increases after every reload: views showing links refresh on it. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public List<EvidenceLink> forCoding(long codingId) {
        return byCoding.getOrDefault(codingId, List.of());
    }

    public List<EvidenceLink> forCode(long codeId) {
        return byCode.getOrDefault(codeId, List.of());
    }

    public List<EvidenceLink> of(Subject subject) {
        return subject.codingId() != null ? forCoding(subject.codingId()) : forCode(subject.codeId());
    }

    /** "PR acceptance rate, Collaboration openness": the findings the links point at. */
    public static String findings(List<EvidenceLink> links) {
        return String.join(", ", links.stream().map(link -> link.target().label()).toList());
    }

    private void dataChanged(Set<DataArea> areas) {
        if (areas.contains(DataArea.EVIDENCE) || areas.contains(DataArea.CODINGS)
                || areas.contains(DataArea.CODEBOOK) || areas.contains(DataArea.TRANSCRIPTS)) {
            reload();
        }
    }

    public void reload() {
        Project project = context.project();
        long reload = ++reloads;
        if (project == null) {
            apply(reload, List.of());
            return;
        }
        tasks.execute(BackgroundTask.of("Loading evidence links", progress -> new EvidenceStore(project).all())
                .quiet().onSuccess(links -> {
                    if (context.project() == project) {
                        apply(reload, links);
                    }
                }));
    }

    private void apply(long reload, List<EvidenceLink> links) {
        if (reload != reloads) {
            return;
        }
        Map<Long, List<EvidenceLink>> codings = new HashMap<>();
        Map<Long, List<EvidenceLink>> codes = new HashMap<>();
        for (EvidenceLink link : links) {
            (link.isSegment() ? codings.computeIfAbsent(link.codingId(), key -> new ArrayList<>())
                    : codes.computeIfAbsent(link.codeId(), key -> new ArrayList<>())).add(link);
        }
        byCoding = codings;
        byCode = codes;
        revision.set(revision.get() + 1);
    }

    public void link(Subject subject, FindingRef target, String note, Runnable onDone) {
        run(project -> subject.codingId() != null
                ? new EvidenceStore(project).linkSegment(subject.codingId(), target, note)
                : new EvidenceStore(project).linkCode(subject.codeId(), target, note), onDone);
    }

    public void editNote(EvidenceLink link, String note, Runnable onDone) {
        run(project -> new EvidenceStore(project).editNote(link.id(), note), onDone);
    }

    public void unlink(EvidenceLink link, Runnable onDone) {
        run(project -> new EvidenceStore(project).unlink(link.id()), onDone);
    }

    /** Runs a change through the undo history off the FX thread; errors (e.g. a duplicate link) go to a dialog. */
    private <T> void run(java.util.function.Function<Project, ProjectCommand<T>> factory, Runnable onDone) {
        Project project = context.project();
        if (project == null) {
            return;
        }
        ProjectCommand<T> command;
        try {
            command = factory.apply(project);
        } catch (RuntimeException e) {
            dialogs.showError("Cannot link", e.getMessage());
            return;
        }
        UndoHistory history = context.undoHistory();
        Consumer<T> done = result -> {
            if (onDone != null) {
                onDone.run();
            }
        };
        tasks.execute(BackgroundTask.of(command.description(), progress -> {
            history.execute(command);
            return command.result();
        }).quiet().onSuccess(done).onFailure(error -> dialogs.showError("Could not " + command.description(),
                error.getMessage())));
    }
}
