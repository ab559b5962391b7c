package org.divergence.core.stats;

import java.util.Arrays;

/**
 * Counts how often each value occurs, in memory proportional to the number of distinct values rather than to the
 * number of observations: repository counts are heavy-tailed with massive ties (most repositories have 0 pull
 * requests), so millions of observations collapse to a few thousand distinct values. An open-addressing hash map
 * from the value's bits to its count; {@code -0.0} is folded into {@code 0.0} (they are equal, hence tied).
 */
public final class FrequencyCounter {

    /** A NaN bit pattern: never a key, because NaN is refused. */
    private static final long EMPTY = 0x7ff8_0000_0000_0000L;
    private static final int INITIAL_BITS = 6;
    /** Small whole numbers (most counts) are counted in a plain array: no hashing for the common case. */
    private static final int DENSE = 1024;

    private final long[] dense;
    private int denseDistinct;

    private long[] keys;
    private long[] counts;
    private int bits;
    private int size;
    private long total;

    public FrequencyCounter() {
        this(DENSE, INITIAL_BITS);
    }

    /**
     * A counter that starts small: whole numbers below {@code denseValues} in the plain array, the rest in a hash
     * table of 2^{@code initialBits} slots that grows. For the many small tables of a summary (one per creation day).
     */
    public FrequencyCounter(int denseValues, int initialBits) {
        dense = new long[denseValues];
        allocate(initialBits);
    }

    private void allocate(int tableBits) {
        bits = tableBits;
        keys = new long[1 << tableBits];
        counts = new long[1 << tableBits];
        Arrays.fill(keys, EMPTY);
    }

    public void add(double value) {
        int small = (int) value;
        if (small == value && small >= 0 && small < dense.length) {
            if (dense[small]++ == 0) {
                denseDistinct++;
            }
            total++;
            return;
        }
        add(value, 1);
    }

    public void add(double value, long count) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("NaN is not a value; leave unknown values out");
        }
        if (count <= 0) {
            if (count == 0) {
                return;
            }
            throw new IllegalArgumentException("negative count " + count);
        }
        int small = (int) value;
        if (small == value && small >= 0 && small < dense.length) {
            if (dense[small] == 0) {
                denseDistinct++;
            }
            dense[small] += count;
            total += count;
            return;
        }
        long key = Double.doubleToRawLongBits(value == 0.0 ? 0.0 : value);
        int mask = keys.length - 1;
        int slot = slotOf(key);
        while (true) {
            long existing = keys[slot];
            if (existing == key) {
                counts[slot] += count;
                break;
            }
            if (existing == EMPTY) {
                keys[slot] = key;
                counts[slot] = count;
                if (++size > (keys.length >> 1) + (keys.length >> 2)) {
                    grow();
                }
                break;
            }
            slot = (slot + 1) & mask;
        }
        total += count;
    }

    /** Fibonacci hashing on the top bits: integer-valued doubles differ mostly in their high bits. */
    private int slotOf(long key) {
        long mixed = (key ^ (key >>> 32)) * 0x9E37_79B9_7F4A_7C15L;
        return (int) (mixed >>> (64 - bits));
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        allocate(bits + 1);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            long key = oldKeys[i];
            if (key != EMPTY) {
                int slot = slotOf(key);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                counts[slot] = oldCounts[i];
            }
        }
    }

    /** Adds every count of a table (combining stored summaries). */
    public void addAll(FrequencyTable table) {
        for (int i = 0; i < table.distinct(); i++) {
            add(table.value(i), table.count(i));
        }
    }

    /** Adds every count of {@code other} to this counter (combining partial scans). */
    public void addAll(FrequencyCounter other) {
        for (int i = 0; i < other.dense.length; i++) {
            if (other.dense[i] > 0) {
                add(i, other.dense[i]);
            }
        }
        for (int i = 0; i < other.keys.length; i++) {
            if (other.keys[i] != EMPTY) {
                add(Double.longBitsToDouble(other.keys[i]), other.counts[i]);
            }
        }
    }

    /** The number of observations. */
    public long total() {
        return total;
    }

    public int distinct() {
        return denseDistinct + size;
    }

    /** The distinct values in ascending order with their counts. */
    public FrequencyTable toTable() {
        double[] values = new double[distinct()];
        long[] valueCounts = new long[values.length];
        int next = 0;
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] > 0) {
                values[next++] = i;
            }
        }
        for (long key : keys) {
            if (key != EMPTY) {
                values[next++] = Double.longBitsToDouble(key);
            }
        }
        Arrays.sort(values);
        for (int i = 0; i < values.length; i++) {
            valueCounts[i] = countOf(values[i]);
        }
        return new FrequencyTable(values, valueCounts);
    }

    private long countOf(double value) {
        int small = (int) value;
        if (small == value && small >= 0 && small < dense.length) {
            return dense[small];
        }
        long key = Double.doubleToRawLongBits(value);
        int mask = keys.length - 1;
        int slot = slotOf(key);
        while (keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return counts[slot];
    }
}
