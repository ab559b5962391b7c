package org.divergence.core.undo;

/** A change the user can take back: applied once by {@link UndoHistory#execute}, then undone and redone. */
public interface UndoableCommand {
    /** Shown in the Edit menu as "Undo …" and "Redo …", e.g. "apply code “Compute requirements”". */
    String description();

    void execute();

    void undo();

    /** Redoing is executing again unless a command needs to restore exactly what it created (ids, GUIDs). */
    default void redo() {
        execute();
    }
}
