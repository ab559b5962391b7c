package org.divergence.core.semantic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The embedded passages of a project as one matrix, for brute-force nearest-neighbour search: at interview scale
 * (a few thousand passages a megabyte) a scan of every row takes milliseconds, so no approximate index is needed.
 */
public final class PassageIndex {

    /** A passage of a transcript: code points [start, end). */
    public record Entry(long transcriptId, int start, int end) {
        public boolean overlaps(long otherTranscript, int otherStart, int otherEnd) {
            return transcriptId == otherTranscript && start < otherEnd && otherStart < end;
        }
    }

    /** A passage with its similarity to the query, −1 to 1. */
    public record Scored(Entry entry, int row, double score) {
    }

    /** Higher score first; equal scores in document order, so rankings never depend on storage order. */
    public static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score).reversed()
            .thenComparingLong(scored -> scored.entry().transcriptId())
            .thenComparingInt(scored -> scored.entry().start());

    private final List<Entry> entries;
    private final float[] matrix;
    private final int dimensions;

    /** {@code vectors.get(i)} belongs to {@code entries.get(i)}; all have {@code dimensions} floats. */
    public PassageIndex(List<Entry> entries, List<float[]> vectors, int dimensions) {
        if (entries.size() != vectors.size()) {
            throw new IllegalArgumentException(entries.size() + " passages but " + vectors.size() + " vectors");
        }
        this.entries = List.copyOf(entries);
        this.dimensions = dimensions;
        this.matrix = new float[entries.size() * dimensions];
        for (int i = 0; i < vectors.size(); i++) {
            float[] vector = vectors.get(i);
            if (vector.length != dimensions) {
                throw new IllegalArgumentException("vector " + i + " has " + vector.length + " dimensions, not "
                        + dimensions);
            }
            System.arraycopy(vector, 0, matrix, i * dimensions, dimensions);
        }
    }

    public int size() {
        return entries.size();
    }

    public Entry entry(int row) {
        return entries.get(row);
    }

    public float[] vector(int row) {
        float[] vector = new float[dimensions];
        System.arraycopy(matrix, row * dimensions, vector, 0, dimensions);
        return vector;
    }

    public double similarity(float[] query, int row) {
        return Vectors.cosine(query, matrix, row);
    }

    /** The {@code limit} passages most similar to {@code query}, best first. */
    public List<Scored> nearest(float[] query, int limit) {
        if (query.length != dimensions) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, not " + dimensions);
        }
        PriorityQueue<Scored> best = new PriorityQueue<>(BEST_FIRST.reversed());
        for (int row = 0; row < entries.size() && limit > 0; row++) {
            Scored scored = new Scored(entries.get(row), row, similarity(query, row));
            if (best.size() < limit) {
                best.add(scored);
            } else if (BEST_FIRST.compare(scored, best.peek()) < 0) {
                best.poll();
                best.add(scored);
            }
        }
        List<Scored> sorted = new ArrayList<>(best);
        sorted.sort(BEST_FIRST);
        return sorted;
    }
}
