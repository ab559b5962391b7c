package org.divergence.store.undo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.divergence.core.undo.UndoableCommand;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;

/**
 * A change to the project that the undo history can take back exactly. Executing it runs the change in one committed
 * transaction while a {@link ChangeRecorder} notes the rows it touches; undo and redo restore those rows, each in
 * one committed transaction too.
 */
public final class ProjectCommand<T> implements UndoableCommand {

    /** The change itself: touches rows through the recorder, then modifies them; returns a result for the caller. */
    @FunctionalInterface
    public interface Change<T> {
        T apply(Connection connection, ChangeRecorder recorder) throws SQLException;
    }

    private final Project project;
    private final String description;
    private final Set<DataArea> areas;
    private final Change<T> change;
    private RecordedChange recorded;
    private T result;

    public ProjectCommand(Project project, String description, Set<DataArea> areas, Change<T> change) {
        this.project = project;
        this.description = description;
        this.areas = Set.copyOf(areas);
        this.change = change;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void execute() {
        if (recorded != null) {
            throw new IllegalStateException("\"" + description + "\" was already executed");
        }
        project.write(areas, connection -> {
            ChangeRecorder recorder = new ChangeRecorder(connection);
            result = change.apply(connection, recorder);
            recorded = recorder.finish();
            return null;
        });
    }

    @Override
    public void undo() {
        project.write(areas, connection -> {
            recorded.undo(connection, description);
            return null;
        });
    }

    @Override
    public void redo() {
        project.write(areas, connection -> {
            recorded.redo(connection, description);
            return null;
        });
    }

    /** What the change returned when it was executed (e.g. the id of a new code). */
    public T result() {
        return result;
    }

    /** Executes it and returns its result: for callers outside an undo history (command line, sample project). */
    public T run() {
        execute();
        return result;
    }
}
