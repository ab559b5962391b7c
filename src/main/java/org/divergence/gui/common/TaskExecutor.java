package org.divergence.gui.common;

import javafx.collections.ObservableList;

/**
 * The app's one way to run work off the FX thread. Results and failures arrive on the FX thread; every task can be
 * cancelled. Tests use {@link SameThreadTaskExecutor}.
 */
public interface TaskExecutor extends AutoCloseable {

    <T> TaskHandle execute(BackgroundTask<T> task);

    /**
     * Runs a UI update where this executor delivers results: later on the FX thread for the app, at once for
     * {@link SameThreadTaskExecutor}. ViewModels use it for updates that arrive from work in progress.
     */
    void onUiThread(Runnable update);

    /** The tasks running now, in submission order; the status bar shows the newest. */
    ObservableList<TaskHandle> runningTasks();

    @Override
    void close();
}
