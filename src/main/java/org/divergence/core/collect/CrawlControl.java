package org.divergence.core.collect;

import java.util.concurrent.CopyOnWriteArrayList;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.Progress;

/**
 * Pause, resume and cancel for a running crawl, checked between requests. Pausing holds the crawl at its next
 * checkpoint without losing anything; cancelling also aborts the request in flight (registered as a hook).
 */
public final class CrawlControl {

    private final Object lock = new Object();
    private final CopyOnWriteArrayList<Runnable> cancelHooks = new CopyOnWriteArrayList<>();
    private boolean paused;
    private volatile boolean cancelled;

    public void pause() {
        synchronized (lock) {
            paused = true;
        }
    }

    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    public boolean isPaused() {
        synchronized (lock) {
            return paused;
        }
    }

    public void cancel() {
        cancelled = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        cancelHooks.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code hook} when the crawl is cancelled, e.g. to abort the HTTP call in flight. */
    public void onCancel(Runnable hook) {
        cancelHooks.add(hook);
    }

    /**
     * A safe point: throws {@link CancelledException} once cancelled (here or through {@code progress}), and waits
     * here while paused; {@code whilePaused} runs once when the wait begins (to say so).
     */
    public void checkpoint(Progress progress, Runnable whilePaused) {
        checkCancelled(progress);
        synchronized (lock) {
            boolean announced = false;
            while (paused && !cancelled && !progress.isCancelled()) {
                if (!announced) {
                    announced = true;
                    whilePaused.run();
                }
                try {
                    lock.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                }
            }
        }
        checkCancelled(progress);
    }

    private void checkCancelled(Progress progress) {
        if (cancelled || progress.isCancelled()) {
            throw new CancelledException();
        }
    }
}
