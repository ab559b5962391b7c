package org.divergence.gui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.Progress;

/** Runs each task at once on the calling thread: ViewModel tests use it to stay deterministic without a toolkit. */
public final class SameThreadTaskExecutor implements TaskExecutor {

    private final ObservableList<TaskHandle> running = FXCollections.observableArrayList();
    private Throwable lastUnhandledFailure;

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        Handle handle = new Handle(task.title(), task.showInStatusBar());
        try {
            T result = task.run(handle);
            handle.active.set(false);
            task.succeeded(result);
        } catch (CancelledException e) {
            handle.active.set(false);
            task.cancelled();
        } catch (Exception e) {
            handle.active.set(false);
            if (!task.failed(e)) {
                lastUnhandledFailure = e;
            }
        }
        return handle;
    }

    /** The failure a task left to the dialog service, for tests to assert on. */
    public Throwable lastUnhandledFailure() {
        return lastUnhandledFailure;
    }

    @Override
    public void onUiThread(Runnable update) {
        update.run();
    }

    @Override
    public ObservableList<TaskHandle> runningTasks() {
        return running;
    }

    @Override
    public void close() {
    }

    private static final class Handle implements TaskHandle, Progress {
        private final String title;
        private final boolean showInStatusBar;
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
        private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(true);
        private volatile boolean cancelled;

        Handle(String title, boolean showInStatusBar) {
            this.title = title;
            this.showInStatusBar = showInStatusBar;
        }

        @Override
        public void update(long done, long total, String text) {
            progress.set(total <= 0 ? -1 : (double) done / total);
            if (text != null) {
                message.set(text);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyBooleanProperty runningProperty() {
            return active.getReadOnlyProperty();
        }

        @Override
        public boolean showInStatusBar() {
            return showInStatusBar;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
