package org.divergence.gui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.Progress;

/**
 * Runs {@link BackgroundTask}s as {@code javafx.concurrent.Task}s on a small pool of daemon threads. Task's own
 * coalescing of progress updates throttles the status bar; cancelling sets a flag the work checks at safe points,
 * so a cancelled write is rolled back by the work itself rather than interrupted halfway.
 */
public final class FxTaskExecutor implements TaskExecutor {

    private static final int THREADS = 3;

    private final ExecutorService pool;
    private final DialogService dialogs;
    private final ObservableList<TaskHandle> running = FXCollections.observableArrayList();

    public FxTaskExecutor(DialogService dialogs) {
        this.dialogs = dialogs;
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "background-task-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = Executors.newFixedThreadPool(THREADS, factory);
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        FxTask<T> fxTask = new FxTask<>(task);
        running.add(fxTask.handle);
        pool.execute(fxTask);
        return fxTask.handle;
    }

    @Override
    public void onUiThread(Runnable update) {
        FxThread.run(update);
    }

    @Override
    public ObservableList<TaskHandle> runningTasks() {
        return running;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** The Task runs the work; its handle is what the status bar and the work's Progress talk to. */
    private final class FxTask<T> extends Task<T> {
        private final BackgroundTask<T> task;
        private final Handle handle = new Handle();

        FxTask(BackgroundTask<T> task) {
            this.task = task;
            updateTitle(task.title());
            updateProgress(-1, 1);
        }

        @Override
        protected T call() throws Exception {
            T result = task.run(handle);
            if (handle.cancelRequested.get()) {
                throw new CancelledException();
            }
            return result;
        }

        @Override
        protected void succeeded() {
            finish();
            task.succeeded(getValue());
        }

        @Override
        protected void failed() {
            finish();
            Throwable error = getException();
            if (error instanceof CancelledException || handle.cancelRequested.get()) {
                task.cancelled();
            } else if (!task.failed(error)) {
                dialogs.showError(task.title() + " failed", error);
            }
        }

        private void finish() {
            handle.active.set(false);
            running.remove(handle);
        }

        private final class Handle implements TaskHandle, Progress {
            private final AtomicBoolean cancelRequested = new AtomicBoolean();
            private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(true);

            @Override
            public void update(long done, long total, String message) {
                updateProgress(total < 0 ? -1 : done, total < 0 ? 1 : total);
                if (message != null) {
                    updateMessage(message);
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested.get();
            }

            @Override
            public String title() {
                return task.title();
            }

            @Override
            public ReadOnlyDoubleProperty progressProperty() {
                return FxTask.this.progressProperty();
            }

            @Override
            public ReadOnlyStringProperty messageProperty() {
                return FxTask.this.messageProperty();
            }

            @Override
            public ReadOnlyBooleanProperty runningProperty() {
                return active.getReadOnlyProperty();
            }

            @Override
            public boolean showInStatusBar() {
                return task.showInStatusBar();
            }

            @Override
            public void cancel() {
                if (cancelRequested.compareAndSet(false, true)) {
                    updateMessage("Cancelling…");
                }
            }
        }
    }
}
