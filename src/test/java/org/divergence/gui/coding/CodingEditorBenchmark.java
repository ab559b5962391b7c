package org.divergence.gui.coding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.TranscriptInfo;
import org.divergence.core.stats.Quantiles;
import org.divergence.gui.common.FxDialogService;
import org.divergence.gui.common.FxTaskExecutor;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.Theme;
import org.divergence.samples.CodingBenchmarkData;
import org.divergence.store.project.Project;
import org.divergence.store.settings.Settings;

/**
 * Not a test: the GUI half of {@code bench coding}, run by bench/coding-editor.sh. Opens a 1 MB transcript
 * with 5,000 codings in the real coding editor and times it until the text, its styles and margin are laid out;
 * then times applying a code from the view model until the editor shows it. Timing stays out of the test suite.
 */
public final class CodingEditorBenchmark {

    private CodingEditorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int bytes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int codings = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        Path folder = Files.createTempDirectory("bench-coding-editor");
        Project project = Project.create(folder.resolve("bench.divergence"));
        CodingBenchmarkData.Created created = CodingBenchmarkData.create(project, bytes, codings, 42);
        System.out.printf("Transcript %,d bytes, %,d codings%n", created.utf8Bytes(), created.codings());
        Platform.startup(() -> { });
        Theme.LIGHT.apply();
        ProjectContext context = new ProjectContext();
        CompletableFuture<Object[]> built = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            FxDialogService fxDialogs = new FxDialogService(() -> stage, folder);
            org.divergence.gui.common.DialogService dialogs = new PrintingDialogs(fxDialogs);
            FxTaskExecutor tasks = new FxTaskExecutor(dialogs);
            stage.setTitle("bench");
            CodingWorkspace workspace = new CodingWorkspace(context, tasks, dialogs, new Settings(), () -> { });
            CodingViewModel viewModel = new CodingViewModel(workspace);
            CodingEditor editor = new CodingEditor(viewModel);
            Scene scene = new Scene(new javafx.scene.layout.StackPane(editor.node()), 1000, 800);
            scene.getStylesheets().add(Theme.stylesheetUrl());
            stage.setScene(scene);
            stage.show();
            context.setProject(project);
            built.complete(new Object[] {viewModel, editor, workspace});
        });
        Object[] parts = built.get(30, TimeUnit.SECONDS);
        CodingViewModel viewModel = (CodingViewModel) parts[0];
        CodingEditor editor = (CodingEditor) parts[1];
        CodingWorkspace workspace = (CodingWorkspace) parts[2];
        waitFor(() -> viewModel.transcripts().size() == 1 && !workspace.codebook().isEmpty()
                && workspace.coders().size() == 2);
        TranscriptInfo info = onFx(() -> viewModel.transcripts().getFirst());
        List<Double> opens = new ArrayList<>();
        for (int run = 0; run < 4; run++) {
            onFx(() -> {
                viewModel.selectedTranscriptProperty().set(null);
                return null;
            });
            waitFor(() -> onFx(() -> editor.area().getLength() == 0));
            long start = System.nanoTime();
            onFx(() -> {
                viewModel.selectedTranscriptProperty().set(info);
                return null;
            });
            waitFor(() -> onFx(() -> editor.area().getLength() > bytes / 2 && !editor.shownCodingIds().isEmpty()));
            onFx(() -> {
                editor.area().applyCss();
                editor.area().layout();
                return null;
            });
            pulse();
            opens.add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf("Open in editor (load + text + styles + margin + layout): %s ms (first run includes JIT)%n",
                format(opens));

        List<Double> scrolls = new ArrayList<>();
        int paragraphs = onFx(() -> editor.area().getParagraphs().size());
        for (int i = 1; i <= 10; i++) {
            int target = paragraphs * i / 11;
            long start = System.nanoTime();
            onFx(() -> {
                editor.area().showParagraphAtTop(target);
                editor.area().layout();
                return null;
            });
            pulse();
            scrolls.add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf("Jump-scroll to a far paragraph and lay out: %s ms%n", format(scrolls));

        Code code = onFx(() -> workspace.codebook().inTreeOrder().get(2));
        List<Double> applies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int start = 1000 + i * 40_000;
            onFx(() -> {
                TranscriptDocument document = viewModel.document();
                editor.area().selectRange(document.index().toUtf16(start), document.index().toUtf16(start + 120));
                return null;
            });
            int before = onFx(() -> editor.shownCodingIds().size());
            long begin = System.nanoTime();
            onFx(() -> {
                viewModel.applyCode(code);
                return null;
            });
            try {
                waitFor(() -> onFx(() -> editor.shownCodingIds().size() >= before + 1));
            } catch (IllegalStateException e) {
                System.out.println("status: " + onFx(() -> viewModel.statusProperty().get()) + "; codings "
                        + onFx(() -> viewModel.codings().size()) + "; shown " + onFx(() -> editor.shownCodingIds()
                        .size()) + "; before " + before);
                throw e;
            }
            pulse();
            applies.add((System.nanoTime() - begin) / 1e6);
        }
        System.out.printf("Apply a code until the editor shows it (commit + reload + restyle): %s ms%n",
                format(applies));
        Platform.runLater(() -> {
            context.setProject(null);
            Platform.exit();
        });
        System.exit(0);
    }

    /** Prints errors instead of opening dialogs, which would block an unattended run. */
    private record PrintingDialogs(org.divergence.gui.common.DialogService delegate)
            implements org.divergence.gui.common.DialogService {
        @Override
        public void showError(String title, Throwable error) {
            System.out.println("ERROR " + title + ": " + error);
        }

        @Override
        public void showError(String title, String message) {
            System.out.println("ERROR " + title + ": " + message);
        }

        @Override
        public void showInformation(String title, String message) {
            System.out.println(title + ": " + message);
        }

        @Override
        public boolean confirm(String title, String message, String confirmButton) {
            return true;
        }

        @Override
        public java.util.Optional<String> askForName(String title, String message, java.util.List<String> offered,
                                               String suggested) {
            return java.util.Optional.of("Ana");
        }

        @Override
        public java.util.Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
            return java.util.Optional.empty();
        }

        @Override
        public List<Path> chooseFilesToOpen(String title, List<FileType> types) {
            return List.of();
        }

        @Override
        public java.util.Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
            return java.util.Optional.empty();
        }
    }

    private static String format(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format("median %.0f, max %.0f, all %s", Quantiles.median(values), sorted.getLast(),
                values.stream().map(v -> String.format("%.0f", v)).toList());
    }

    private static void pulse() throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        Platform.runLater(latch::countDown);
        latch.await(30, TimeUnit.SECONDS);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) {
        if (Platform.isFxApplicationThread()) {
            try {
                return action.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            // Spins rather than sleeps: each check is a round trip to the FX thread, and a sleep would blur the timing.
            Thread.onSpinWait();
        }
    }
}
