package org.divergence.core.metrics;

/**
 * One side of a comparison: its key in JSON (e.g. "huggingface", "model", later a tag's name), its short label for
 * table headers ("Hugging Face"), the subject of headline sentences ("Hugging Face repositories"), and its own
 * colour ("#RRGGBB") where it has one, as a factor tag does; else null and the palette decides
 * ({@code core.charts.GroupPalette}).
 */
public record Group(String key, String label, String subject, String colour) {

    public Group(String key, String label, String subject) {
        this(key, label, subject, null);
    }
}
