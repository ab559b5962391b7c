package org.divergence.core.coding;

/** One code applied by one coder to the code points [start, end) of a transcript. */
public record Coding(long id, String guid, long transcriptId, long codeId, long coderId, int start, int end,
                     String createdAt) {

    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }

    public boolean covers(int position) {
        return start <= position && position < end;
    }

    public int length() {
        return end - start;
    }
}
