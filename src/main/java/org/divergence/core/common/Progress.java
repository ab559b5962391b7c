package org.divergence.core.common;

/**
 * How long-running core work reports progress and learns it was cancelled, without knowing who listens
 * (the status bar, a command-line counter, or nobody).
 */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** {@code total} is -1 when unknown. Implementations throttle; callers may call it often. */
    void update(long done, long total, String message);

    boolean isCancelled();

    /** Call at safe points: throws {@link CancelledException} once the user has cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
