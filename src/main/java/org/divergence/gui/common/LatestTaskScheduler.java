package org.divergence.gui.common;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Runs recomputations "latest wins, debounced" on the {@link TaskExecutor}: a request waits for the debounce delay
 * (further requests in that time replace it), then starts after cancelling the one still running; only the newest
 * request's result, failure or cancellation reaches its handlers, so a slow old computation can never overwrite a
 * newer one. Call from the FX thread (or, without a toolkit, from one thread), as the executor's callbacks arrive.
 */
public final class LatestTaskScheduler implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "latest-task-debounce");
        thread.setDaemon(true);
        return thread;
    });

    private final TaskExecutor tasks;
    private final Duration debounce;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private long generation;
    private ScheduledFuture<?> waiting;
    private TaskHandle running;
    private boolean closed;

    /** {@code debounce} zero submits at once (tests, with the same-thread executor). */
    public LatestTaskScheduler(TaskExecutor tasks, Duration debounce) {
        this.tasks = tasks;
        this.debounce = debounce;
    }

    /** True from a request until the newest request has finished (successfully or not). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** Replaces whatever was requested before; its handlers run only if nothing newer is requested meanwhile. */
    public <T> void schedule(BackgroundTask<T> task) {
        if (closed) {
            return;
        }
        long request = ++generation;
        cancelWaiting();
        busy.set(true);
        if (debounce.isZero() || debounce.isNegative()) {
            start(task, request);
            return;
        }
        waiting = TIMER.schedule(() -> FxThread.run(() -> {
            if (request == generation && !closed) {
                start(task, request);
            }
        }), debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Cancels the waiting and the running request; none of their handlers run (the caller knows it cancelled). */
    public void cancel() {
        generation++;
        cancelWaiting();
        if (running != null) {
            running.cancel();
            running = null;
        }
        busy.set(false);
    }

    private <T> void start(BackgroundTask<T> task, long request) {
        if (running != null) {
            running.cancel();
        }
        BackgroundTask<T> latest = BackgroundTask.<T>of(task.title(), task::run)
                .onSuccess(result -> {
                    if (finish(request)) {
                        task.succeeded(result);
                    }
                })
                .onCancelled(() -> {
                    if (finish(request)) {
                        task.cancelled();
                    }
                });
        if (task.handlesFailures()) {
            latest.onFailure(error -> {
                if (finish(request)) {
                    task.failed(error);
                }
            });
        } else {
            latest.onFinished(() -> finish(request));
        }
        if (!task.showInStatusBar()) {
            latest.quiet();
        }
        TaskHandle handle = tasks.execute(latest);
        if (request == generation && handle.runningProperty().get()) {
            running = handle;
        }
    }

    /** Marks the request done; true when it is still the newest one (its handlers should run). */
    private boolean finish(long request) {
        if (request != generation) {
            return false;
        }
        running = null;
        busy.set(false);
        return true;
    }

    private void cancelWaiting() {
        if (waiting != null) {
            waiting.cancel(false);
            waiting = null;
        }
    }

    @Override
    public void close() {
        cancel();
        closed = true;
    }
}
