package org.divergence.gui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.divergence.core.common.CancelledException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The scheduler on the real FX task executor (background threads, callbacks on the FX thread). */
class LatestTaskSchedulerTest {

    private FxTaskExecutor tasks;
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<String> dialogs = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void createExecutor() {
        tasks = new FxTaskExecutor(new DialogService() {
            @Override
            public void showError(String title, Throwable error) {
                dialogs.add(title);
            }

            @Override
            public void showError(String title, String message) {
                dialogs.add(title);
            }

            @Override
            public void showInformation(String title, String message) {
            }

            @Override
            public boolean confirm(String title, String message, String confirmButton) {
                return false;
            }

            @Override
            public java.util.Optional<String> askForName(String title, String message, java.util.List<String> offered,
                                                   String suggested) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<java.nio.file.Path> chooseFileToOpen(String title, List<FileType> types) {
                return java.util.Optional.empty();
            }

            @Override
            public List<java.nio.file.Path> chooseFilesToOpen(String title, List<FileType> types) {
                return List.of();
            }

            @Override
            public java.util.Optional<java.nio.file.Path> chooseFileToSave(String title, String suggestedName,
                                                                          List<FileType> types) {
                return java.util.Optional.empty();
            }
        });
    }

    @AfterEach
    void closeExecutor() {
        tasks.close();
    }

    private static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aSlowOlderRequestNeverOverwritesTheNewerResult() throws Exception {
        LatestTaskScheduler scheduler = new LatestTaskScheduler(tasks, Duration.ZERO);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean firstSawCancel = new AtomicBoolean();
        onFx(() -> scheduler.schedule(BackgroundTask.of("slow", progress -> {
            release.await(5, TimeUnit.SECONDS);
            firstSawCancel.set(progress.isCancelled());
            return "slow";
        }).onSuccess(delivered::add).onCancelled(() -> delivered.add("slow cancelled"))));
        onFx(() -> scheduler.schedule(BackgroundTask.of("fast", progress -> "fast").onSuccess(delivered::add)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> delivered.contains("fast"));
        release.countDown();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tasks.runningTasks().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(firstSawCancel.get(), "the superseded work was asked to stop");
        assertEquals(List.of("fast"), delivered);
        assertFalse(scheduler.isBusy());
    }

    @Test
    void requestsWithinTheDebounceDelayCollapseIntoTheLast() throws Exception {
        LatestTaskScheduler scheduler = new LatestTaskScheduler(tasks, Duration.ofMillis(300));
        AtomicInteger runs = new AtomicInteger();
        onFx(() -> {
            for (int i = 1; i <= 3; i++) {
                String name = "request " + i;
                scheduler.schedule(BackgroundTask.of(name, progress -> {
                    runs.incrementAndGet();
                    return name;
                }).onSuccess(delivered::add));
            }
            assertTrue(scheduler.isBusy());
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !delivered.isEmpty());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !scheduler.isBusy());
        assertEquals(List.of("request 3"), delivered);
        assertEquals(1, runs.get());
    }

    @Test
    void cancelStopsTheRunningWorkAndDeliversNothing() throws Exception {
        LatestTaskScheduler scheduler = new LatestTaskScheduler(tasks, Duration.ZERO);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean stopped = new AtomicBoolean();
        onFx(() -> scheduler.schedule(BackgroundTask.of("cancellable", progress -> {
            started.countDown();
            while (!progress.isCancelled()) {
                Thread.onSpinWait();
            }
            stopped.set(true);
            throw new CancelledException();
        }).onSuccess(result -> delivered.add("success")).onCancelled(() -> delivered.add("cancelled"))));
        assertTrue(started.await(5, TimeUnit.SECONDS));
        onFx(scheduler::cancel);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, stopped::get);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tasks.runningTasks().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), delivered);
        assertFalse(scheduler.isBusy());
    }

    @Test
    void failuresReachTheTaskOrTheDialog() throws Exception {
        LatestTaskScheduler scheduler = new LatestTaskScheduler(tasks, Duration.ZERO);
        onFx(() -> scheduler.schedule(BackgroundTask.<String>of("handled", progress -> {
            throw new IllegalStateException("boom");
        }).onFailure(error -> delivered.add("handled: " + error.getMessage()))));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !delivered.isEmpty());
        onFx(() -> scheduler.schedule(BackgroundTask.<String>of("unhandled", progress -> {
            throw new IllegalStateException("bang");
        })));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dialogs.isEmpty());
        assertEquals(List.of("handled: boom"), delivered);
        assertEquals(List.of("unhandled failed"), dialogs);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !scheduler.isBusy());
    }
}
