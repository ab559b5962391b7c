package org.divergence.core.semantic;

/** A passage of a transcript as the model sees it: code points [start, end), trimmed, never empty. */
public record PassageSpan(int start, int end) {

    public PassageSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty passage [" + start + ", " + end + ")");
        }
    }

    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
