package org.divergence.core.semantic;

/** Cosine similarity of unit-length vectors, and the order ties are broken in. */
public final class Vectors {

    private Vectors() {
    }

    /** The cosine of two unit-length vectors, their dot product, in [−1, 1]. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return Math.max(-1, Math.min(1, sum));
    }

    /** The dot product with row {@code row} of a row-major matrix of {@code query.length} columns. */
    static double cosine(float[] query, float[] matrix, int row) {
        int offset = row * query.length;
        double sum = 0;
        for (int i = 0; i < query.length; i++) {
            sum += query[i] * matrix[offset + i];
        }
        return Math.max(-1, Math.min(1, sum));
    }
}
