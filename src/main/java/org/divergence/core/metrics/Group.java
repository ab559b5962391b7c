package org.divergence.core.metrics;

/**
 * One side of a comparison: its key in JSON (e.g. "huggingface", "model", later a tag's name), its short label for
 * table headers ("Hugging Face") and the subject of headline sentences ("Hugging Face repositories").
 */
public record Group(String key, String label, String subject) {
}
