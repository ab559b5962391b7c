package org.divergence.core.undo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The global, multi-step undo history of a project session. Every change goes through {@link #execute}; the
 * revision counter rises on every execute, undo and redo, so views can bind to it (Scene Builder's JobManager).
 */
public final class UndoHistory {

    private final int limit;
    private final Deque<UndoableCommand> done = new ArrayDeque<>();
    private final Deque<UndoableCommand> undone = new ArrayDeque<>();
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long revision;

    public UndoHistory() {
        this(1_000);
    }

    public UndoHistory(int limit) {
        this.limit = limit;
    }

    /** Applies the command and makes it the next one to undo; a failing command is not recorded. */
    public synchronized void execute(UndoableCommand command) {
        command.execute();
        done.push(command);
        if (done.size() > limit) {
            done.removeLast();
        }
        undone.clear();
        changed();
    }

    public synchronized boolean undo() {
        UndoableCommand command = done.peek();
        if (command == null) {
            return false;
        }
        command.undo();
        undone.push(done.pop());
        changed();
        return true;
    }

    public synchronized boolean redo() {
        UndoableCommand command = undone.peek();
        if (command == null) {
            return false;
        }
        command.redo();
        done.push(undone.pop());
        changed();
        return true;
    }

    public synchronized boolean canUndo() {
        return !done.isEmpty();
    }

    public synchronized boolean canRedo() {
        return !undone.isEmpty();
    }

    public synchronized Optional<String> nextUndo() {
        return Optional.ofNullable(done.peek()).map(UndoableCommand::description);
    }

    public synchronized Optional<String> nextRedo() {
        return Optional.ofNullable(undone.peek()).map(UndoableCommand::description);
    }

    public synchronized long revision() {
        return revision;
    }

    public synchronized void clear() {
        done.clear();
        undone.clear();
        changed();
    }

    /** Called after every change of the history, on the thread that changed it. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        revision++;
        listeners.forEach(Runnable::run);
    }
}
