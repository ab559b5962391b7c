package org.divergence.store.project;

import java.util.ArrayList;
import java.util.List;

/**
 * The part digests of rows a bulk load appends to an empty table keyed by its ids, computed by the loading code from
 * the values it writes (so nothing is read back) and stored with {@link ContentDigests#replace}. Each row starts with
 * {@link #row} (ids in increasing order) followed by every column's value in the table's column order, encoded as
 * {@link ContentDigests} reads them from SQLite.
 */
public final class PartDigests {
    private final ContentEncoder encoder = new ContentEncoder();
    private final List<ContentDigests.Part> parts = new ArrayList<>();
    private long part = Long.MIN_VALUE;
    private long rowsInPart;
    private long lastId = Long.MIN_VALUE;
    private long rows;

    /** Starts a row; its id is its first column. */
    public PartDigests row(long id) {
        if (id <= lastId) {
            throw new IllegalArgumentException("Ids out of order: " + id + " after " + lastId);
        }
        long partOfRow = id >> ContentDigests.PART_BITS;
        if (partOfRow != part) {
            endPart();
            part = partOfRow;
        }
        lastId = id;
        rowsInPart++;
        rows++;
        encoder.tag('R');
        encoder.integer(id);
        return this;
    }

    public PartDigests integer(long value) {
        encoder.integer(value);
        return this;
    }

    /** Text, or NULL when null. */
    public PartDigests text(String value) {
        if (value == null) {
            encoder.nothing();
        } else {
            encoder.text(value);
        }
        return this;
    }

    public PartDigests nothing() {
        encoder.nothing();
        return this;
    }

    /** How many rows were given. */
    public long rows() {
        return rows;
    }

    /** The last row's id (Long.MIN_VALUE before the first). */
    public long lastId() {
        return lastId;
    }

    private void endPart() {
        if (rowsInPart > 0) {
            parts.add(new ContentDigests.Part(part, 0L, rowsInPart, encoder.finish()));
            rowsInPart = 0;
        }
    }

    List<ContentDigests.Part> finish() {
        endPart();
        return List.copyOf(parts);
    }
}
