package org.divergence.gui.common;

import java.util.Objects;
import java.util.function.Consumer;
import org.divergence.core.common.Progress;

/**
 * Work that runs off the FX thread through the {@link TaskExecutor}: a title for the status bar, the work itself
 * (reporting to a {@link Progress}), and what to do with its result on the FX thread. Failures go to the dialog
 * service unless the task handles them itself.
 */
public final class BackgroundTask<T> {

    /** The work; it may check {@link Progress#checkCancelled()} at safe points. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onCancelled = () -> { };
    private Runnable onFinished = () -> { };
    private boolean showInStatusBar = true;

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /** Replaces the default (the error dialog) for failures this task's caller can explain better. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = handler;
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable handler) {
        this.onCancelled = Objects.requireNonNull(handler);
        return this;
    }

    /** Runs after success, failure or cancellation. */
    public BackgroundTask<T> onFinished(Runnable handler) {
        this.onFinished = Objects.requireNonNull(handler);
        return this;
    }

    /** Quick recomputations (e.g. a chart) keep the status bar quiet. */
    public BackgroundTask<T> quiet() {
        this.showInStatusBar = false;
        return this;
    }

    public String title() {
        return title;
    }

    /** True when the task handles its own failures (else the executor shows the error dialog). */
    boolean handlesFailures() {
        return onFailure != null;
    }

    public boolean showInStatusBar() {
        return showInStatusBar;
    }

    T run(Progress progress) throws Exception {
        return work.run(progress);
    }

    void succeeded(T result) {
        try {
            onSuccess.accept(result);
        } finally {
            onFinished.run();
        }
    }

    /** Returns false when the task has no handler of its own, so the executor shows the error dialog. */
    boolean failed(Throwable error) {
        try {
            if (onFailure == null) {
                return false;
            }
            onFailure.accept(error);
            return true;
        } finally {
            onFinished.run();
        }
    }

    void cancelled() {
        try {
            onCancelled.run();
        } finally {
            onFinished.run();
        }
    }
}
