package org.divergence.gui.evidence;

import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.core.evidence.Evidence;
import org.divergence.core.evidence.FindingRef;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.store.evidence.EvidenceStore;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;

/**
 * The quotes and codes linked to one finding (a metric, and its dimension), for the panel beside the Compare table.
 * Reloads when the finding changes and when links, codings or codes change.
 */
public final class LinkedQuotesViewModel {

    private final ProjectContext context;
    private final TaskExecutor tasks;
    private final ObjectProperty<FindingRef> finding = new SimpleObjectProperty<>();
    private final ObservableList<Evidence> own = FXCollections.observableArrayList();
    private final ObservableList<Evidence> dimension = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Linked quotes");
    private final ReadOnlyStringWrapper dimensionTitle = new ReadOnlyStringWrapper("");
    private long loads;

    public LinkedQuotesViewModel(ProjectContext context, TaskExecutor tasks) {
        this.context = context;
        this.tasks = tasks;
        finding.addListener((obs, old, now) -> reload());
        context.projectProperty().addListener((obs, old, now) -> reload());
        context.addDataListener(this::dataChanged);
    }

    /** The finding shown: a metric (its dimension's links follow) or a dimension; null shows nothing. */
    public ObjectProperty<FindingRef> findingProperty() {
        return finding;
    }

    /** Evidence linked to the finding itself: quotes first, then codes. */
    public ObservableList<Evidence> evidence() {
        return own;
    }

    /** For a metric, the evidence linked to its dimension. */
    public ObservableList<Evidence> dimensionEvidence() {
        return dimension;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dimensionTitleProperty() {
        return dimensionTitle.getReadOnlyProperty();
    }

    private void dataChanged(Set<DataArea> areas) {
        if (areas.contains(DataArea.EVIDENCE) || areas.contains(DataArea.CODINGS) || areas.contains(DataArea.CODEBOOK)
                || areas.contains(DataArea.TRANSCRIPTS) || areas.contains(DataArea.CASES)) {
            reload();
        }
    }

    public void reload() {
        long load = ++loads;
        FindingRef shown = finding.get();
        Project project = context.project();
        if (shown == null || project == null) {
            own.clear();
            dimension.clear();
            title.set("Linked quotes");
            dimensionTitle.set("");
            return;
        }
        FindingRef parent = shown.kind() == FindingRef.Kind.METRIC && shown.dimensionOf() != null
                ? FindingRef.of(shown.dimensionOf()) : null;
        tasks.execute(BackgroundTask.of("Loading linked quotes", progress -> {
            EvidenceStore store = new EvidenceStore(project);
            return List.of(store.evidence(shown), parent == null ? List.<Evidence>of() : store.evidence(parent));
        }).quiet().onSuccess(loaded -> {
            if (load != loads) {
                return;
            }
            own.setAll(loaded.get(0));
            dimension.setAll(loaded.get(1));
            title.set("Linked to " + shown.label());
            dimensionTitle.set(parent == null ? "" : "Linked to " + parent.label() + " (its dimension)");
        }));
    }
}
