package org.divergence.app.semantic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.Progress;
import org.divergence.core.semantic.PassageIndex;
import org.divergence.core.semantic.PassageSpan;
import org.divergence.core.semantic.Passages;
import org.divergence.core.semantic.TextEmbedder;
import org.divergence.core.text.CodePointIndex;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.semantic.PassageEmbeddingStore;

/**
 * Keeps a project's passage vectors up to date and hands out the index to search (ADR 0121). Vectors are computed
 * for transcripts that have none, or whose text or model changed, one transcript per transaction, so a cancelled run
 * keeps what it finished. A project opened read-only beside the app gets its missing vectors in memory only.
 */
public final class PassageEmbeddings {

    /** Worker threads for the model: at most two, so the UI keeps a core on a 2-core laptop with other work. */
    private static final int WORKERS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private record Loaded(String signature, PassageIndex index) {
    }

    private static final Map<Project, Loaded> LOADED = Collections.synchronizedMap(new WeakHashMap<>());

    private PassageEmbeddings() {
    }

    /** Computes the missing and stale vectors; returns how many transcripts were embedded. */
    public static int update(Project project, TextEmbedder embedder, Progress progress) {
        if (project.isReadOnly()) {
            return 0;
        }
        List<PassageEmbeddingStore.Stale> stale = project.read(connection ->
                PassageEmbeddingStore.stale(connection, embedder.fingerprint()));
        embedAll(project, embedder, stale, progress, (transcript, passages, vectors) ->
                project.write(EnumSet.noneOf(DataArea.class), connection -> {
                    PassageEmbeddingStore.replace(connection, transcript, embedder.fingerprint(), passages, vectors);
                    return null;
                }));
        return stale.size();
    }

    /** The project's passages with their vectors, computing what is missing first. */
    public static PassageIndex index(Project project, TextEmbedder embedder, Progress progress) {
        update(project, embedder, progress);
        String fingerprint = embedder.fingerprint();
        String signature = project.read(connection -> PassageEmbeddingStore.signature(connection, fingerprint));
        Loaded loaded = LOADED.get(project);
        if (loaded != null && loaded.signature().equals(signature) && !project.isReadOnly()) {
            return loaded.index();
        }
        PassageEmbeddingStore.Cached cached = project.read(connection ->
                PassageEmbeddingStore.load(connection, fingerprint));
        List<PassageIndex.Entry> entries = new ArrayList<>(cached.entries());
        List<float[]> vectors = new ArrayList<>(cached.vectors());
        if (project.isReadOnly()) {
            List<PassageEmbeddingStore.Stale> stale = project.read(connection ->
                    PassageEmbeddingStore.stale(connection, fingerprint));
            embedAll(project, embedder, stale, progress, (transcript, passages, computed) -> {
                for (PassageSpan passage : passages) {
                    entries.add(new PassageIndex.Entry(transcript.transcriptId(), passage.start(), passage.end()));
                }
                vectors.addAll(computed);
            });
        }
        PassageIndex index = new PassageIndex(entries, vectors, embedder.dimensions());
        if (!project.isReadOnly()) {
            LOADED.put(project, new Loaded(signature, index));
        }
        return index;
    }

    @FunctionalInterface
    private interface Sink {
        void accept(PassageEmbeddingStore.Stale transcript, List<PassageSpan> passages, List<float[]> vectors);
    }

    private static void embedAll(Project project, TextEmbedder embedder, List<PassageEmbeddingStore.Stale> stale,
                                 Progress progress, Sink sink) {
        if (stale.isEmpty()) {
            return;
        }
        TranscriptStore transcripts = new TranscriptStore(project);
        List<String> texts = new ArrayList<>();
        List<List<PassageSpan>> passages = new ArrayList<>();
        long total = 0;
        for (PassageEmbeddingStore.Stale transcript : stale) {
            String text = transcripts.text(transcript.transcriptId());
            texts.add(text);
            passages.add(Passages.of(text));
            total += passages.getLast().size();
        }
        AtomicLong done = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "embedding-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int t = 0; t < stale.size(); t++) {
                progress.update(done.get(), total, "Reading " + stale.get(t).name() + " for search by meaning");
                List<float[]> vectors = embed(embedder, texts.get(t), passages.get(t), workers, progress, done, total);
                sink.accept(stale.get(t), passages.get(t), vectors);
            }
        } finally {
            workers.shutdownNow();
        }
        progress.update(total, total, "Search by meaning is ready");
    }

    /** Embeds one transcript's passages on the workers, each passage alone (never batched: ADR 0120). */
    private static List<float[]> embed(TextEmbedder embedder, String text, List<PassageSpan> passages,
                                       ExecutorService workers, Progress progress, AtomicLong done, long total) {
        float[][] vectors = new float[passages.size()][];
        CodePointIndex index = CodePointIndex.of(text);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            running.add(workers.submit(() -> {
                for (int i = next.getAndIncrement(); i < vectors.length; i = next.getAndIncrement()) {
                    progress.checkCancelled();
                    PassageSpan passage = passages.get(i);
                    vectors[i] = embedder.embed(CodePointIndex.substring(text, index, passage.start(),
                            passage.end()));
                    progress.update(done.incrementAndGet(), total, "Reading transcripts for search by meaning");
                }
                return null;
            }));
        }
        try {
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        return List.of(vectors);
    }
}
