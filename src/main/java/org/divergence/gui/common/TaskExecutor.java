package org.divergence.gui.common;

import javafx.collections.ObservableList;

/**
 * The app's one way to run work off the FX thread. Results and failures arrive on the FX thread; every task can be
 * cancelled. Tests use {@link SameThreadTaskExecutor}.
 */
public interface TaskExecutor extends AutoCloseable {

    <T> TaskHandle execute(BackgroundTask<T> task);

    /** The tasks running now, in submission order; the status bar shows the newest. */
    ObservableList<TaskHandle> runningTasks();

    @Override
    void close();
}
