package org.divergence.gui.common;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.divergence.core.undo.UndoHistory;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;

/**
 * The project the window has open, its undo history, and the FX-thread stream of "data changed" notices that
 * views refresh on. Switching projects closes the previous one and starts a fresh undo history.
 */
public final class ProjectContext implements AutoCloseable {

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UndoHistory> undoHistory = new ReadOnlyObjectWrapper<>(new UndoHistory());
    private final CopyOnWriteArrayList<Consumer<Set<DataArea>>> dataListeners = new CopyOnWriteArrayList<>();
    private final Consumer<Set<DataArea>> forwarder = this::forward;

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public Project project() {
        return project.get();
    }

    public boolean hasProject() {
        return project.get() != null;
    }

    public ReadOnlyObjectProperty<UndoHistory> undoHistoryProperty() {
        return undoHistory.getReadOnlyProperty();
    }

    public UndoHistory undoHistory() {
        return undoHistory.get();
    }

    /** Must be called on the FX thread. Closes the project that was open. */
    public void setProject(Project next) {
        Project previous = project.get();
        if (previous == next) {
            return;
        }
        if (previous != null) {
            previous.removeChangeListener(forwarder);
        }
        undoHistory.set(new UndoHistory());
        if (next != null) {
            next.addChangeListener(forwarder);
        }
        project.set(next);
        if (previous != null) {
            previous.close();
        }
    }

    /** Called on the FX thread after every committed change to the open project. */
    public void addDataListener(Consumer<Set<DataArea>> listener) {
        dataListeners.add(listener);
    }

    public void removeDataListener(Consumer<Set<DataArea>> listener) {
        dataListeners.remove(listener);
    }

    private void forward(Set<DataArea> areas) {
        FxThread.run(() -> dataListeners.forEach(listener -> listener.accept(areas)));
    }

    @Override
    public void close() {
        setProject(null);
    }
}
