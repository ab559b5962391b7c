package org.divergence.core.semantic;

/**
 * Turns a text into a unit-length vector, so that the cosine of two texts is the dot product of their vectors. The
 * same text and the same {@link #fingerprint()} always give the same vector on one machine.
 */
public interface TextEmbedder {

    /** A unit-length vector of {@link #dimensions()} floats. The text must not be blank. */
    float[] embed(String text);

    int dimensions();

    /** A short name people read, e.g. in a coding's details: model and version. */
    String modelName();

    /** Identifies model, tokenizer and runtime exactly: vectors computed under another fingerprint are recomputed. */
    String fingerprint();
}
