package org.divergence.cli.collect;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.divergence.core.AppInfo;

/**
 * Ctrl-C during a collection: {@code cancel} runs (the collection stops at its next safe point and records why), and
 * the JVM waits a few seconds for that before it exits. {@link #close()} it in a finally block, after the stop was
 * reported.
 */
final class StopOnInterrupt {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private final boolean hooked;

    StopOnInterrupt(Runnable cancel) {
        hook = new Thread(() -> {
            cancel.run();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "collect-interrupt");
        hooked = addShutdownHook(hook);
    }

    /** "; continue with: divergence-workbench collect resume --project P --crawl 3" */
    static String resumeHint(Path projectFile, String option, long id) {
        return "; continue with: " + AppInfo.ID + " collect resume --project " + quoteIfNeeded(projectFile.toString())
                + " " + option + " " + id;
    }

    private static String quoteIfNeeded(String text) {
        return text.matches("[A-Za-z0-9_./:@%+=,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    /** The collection has ended (and said so): the JVM may exit. */
    void close() {
        finished.countDown();
        if (hooked) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting: the hook is running or has run.
            }
        }
    }

    private static boolean addShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }
}
