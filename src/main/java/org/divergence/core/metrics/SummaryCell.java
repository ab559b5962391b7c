package org.divergence.core.metrics;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.divergence.core.stats.FrequencyTable;

/**
 * What a comparison needs of the repositories of one platform, type and creation period: how many there are and the
 * frequency table of each built-in numeric metric among them (docs/decisions/0135). Stored as a compact byte string:
 * per metric the number of distinct values, then each value (a whole number as a varint, anything else as the 8 bytes
 * of its double) and its count (a varint).
 */
public record SummaryCell(long repositories, List<FrequencyTable> tables) {

    /** The metrics a cell holds tables of, in this order. */
    public static final List<BuiltInMetric> METRICS = BuiltInMetric.numeric();
    public static final SummaryCell EMPTY = new SummaryCell(0,
            METRICS.stream().map(m -> FrequencyTable.empty()).toList());
    /** Whole numbers up to this are written as varints; larger ones, fractions and infinities as doubles. */
    private static final double LARGEST_WHOLE = 1L << 52;
    private static final int DOUBLE_FOLLOWS = 1;

    public SummaryCell {
        if (repositories < 0 || tables.size() != METRICS.size()) {
            throw new IllegalArgumentException("a summary cell of " + repositories + " repositories and "
                    + tables.size() + " tables");
        }
        tables = List.copyOf(tables);
    }

    public FrequencyTable table(BuiltInMetric metric) {
        return tables.get(METRICS.indexOf(metric));
    }

    /**
     * This cell with the repositories of {@code added} and without those of {@code removed}; a count below zero means
     * the summary no longer matches the rows, which is a bug, not an input error.
     */
    public SummaryCell change(SummaryCell added, SummaryCell removed) {
        long total = repositories + added.repositories - removed.repositories;
        if (total < 0) {
            throw new IllegalStateException("summary cell would hold " + total + " repositories");
        }
        return new SummaryCell(total, java.util.stream.IntStream.range(0, tables.size())
                .mapToObj(m -> change(tables.get(m), added.tables.get(m), removed.tables.get(m))).toList());
    }

    private static FrequencyTable change(FrequencyTable base, FrequencyTable added, FrequencyTable removed) {
        if (added.isEmpty() && removed.isEmpty()) {
            return base;
        }
        double[] values = new double[base.distinct() + added.distinct()];
        long[] counts = new long[values.length];
        int n = 0;
        int a = 0;
        int b = 0;
        while (a < base.distinct() || b < added.distinct()) {
            double value = b == added.distinct() || (a < base.distinct() && base.value(a) < added.value(b))
                    ? base.value(a) : added.value(b);
            long count = 0;
            if (a < base.distinct() && base.value(a) == value) {
                count += base.count(a++);
            }
            if (b < added.distinct() && added.value(b) == value) {
                count += added.count(b++);
            }
            values[n] = value;
            counts[n++] = count;
        }
        int r = 0;
        for (int i = 0; i < n && r < removed.distinct(); i++) {
            if (values[i] == removed.value(r)) {
                counts[i] -= removed.count(r++);
                if (counts[i] < 0) {
                    throw new IllegalStateException("summary count of " + values[i] + " would be " + counts[i]);
                }
            }
        }
        if (r < removed.distinct()) {
            throw new IllegalStateException("summary has no " + removed.value(r) + " to remove");
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (counts[i] > 0) {
                values[kept] = values[i];
                counts[kept++] = counts[i];
            }
        }
        return FrequencyTable.ofDistinct(Arrays.copyOf(values, kept), Arrays.copyOf(counts, kept));
    }

    /** The cell as stored. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + 4 * tables.stream().mapToInt(
                FrequencyTable::distinct).sum());
        for (FrequencyTable table : tables) {
            writeVarint(out, table.distinct());
            for (int i = 0; i < table.distinct(); i++) {
                double value = table.value(i);
                if (value >= 0 && value <= LARGEST_WHOLE && value == Math.rint(value)) {
                    writeVarint(out, (long) value << 1);
                } else {
                    writeVarint(out, DOUBLE_FOLLOWS);
                    long bits = Double.doubleToRawLongBits(value);
                    for (int shift = 56; shift >= 0; shift -= 8) {
                        out.write((int) (bits >>> shift));
                    }
                }
                writeVarint(out, table.count(i));
            }
        }
        return out.toByteArray();
    }

    /** A stored cell of {@code repositories} repositories. */
    public static SummaryCell decode(long repositories, byte[] bytes) {
        int[] at = {0};
        FrequencyTable[] tables = new FrequencyTable[METRICS.size()];
        for (int m = 0; m < tables.length; m++) {
            int distinct = (int) readVarint(bytes, at);
            double[] values = new double[distinct];
            long[] counts = new long[distinct];
            for (int i = 0; i < distinct; i++) {
                long tag = readVarint(bytes, at);
                if (tag == DOUBLE_FOLLOWS) {
                    long bits = 0;
                    for (int k = 0; k < 8; k++) {
                        bits = bits << 8 | (bytes[at[0]++] & 0xff);
                    }
                    values[i] = Double.longBitsToDouble(bits);
                } else {
                    values[i] = tag >>> 1;
                }
                counts[i] = readVarint(bytes, at);
            }
            tables[m] = FrequencyTable.ofDistinct(values, counts);
        }
        if (at[0] != bytes.length) {
            throw new IllegalStateException("a summary cell has " + (bytes.length - at[0]) + " bytes too many");
        }
        return new SummaryCell(repositories, List.of(tables));
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7fL) != 0) {
            out.write((int) (rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    private static long readVarint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    /**
     * Collects one cell row by row (the summary of an import, a scan, or a change). A study-sized import adds every row
     * to one of tens of thousands of day cells in random order, so a row's eight values must touch few cache lines and
     * the cells must stay small: the values 0 to 7, which most counts are, are counted in {@code small} (a 16-bit
     * counter per metric and value, two cache lines); other whole values below 2^28 in one open-addressing table of
     * longs, each the key (v·8 + m) + 1 in its high half (0 marks a free slot) and the count in its low half; anything
     * else (fractions, larger values) in a table of [m + 1, the double's bits, count] triples. Eight separate counters
     * per cell made the summary a third of the import's reading thread and tripled its garbage collection.
     */
    public static final class Builder {
        private static final BuiltInMetric[] METRIC_ARRAY = METRICS.toArray(BuiltInMetric[]::new);
        private static final int SMALL = 8;
        private static final long PACKED_LIMIT = (1L << 28) - 1;
        private static final long COUNT_MASK = 0xFFFF_FFFFL;
        private static final int INITIAL_SLOTS = 16;

        private final char[] small = new char[METRIC_ARRAY.length * SMALL];
        private long[] packed = new long[INITIAL_SLOTS];
        private int packedCount;
        private long[] others;
        private int otherCount;
        private long repositories;

        public void add(RepositoryCounts repository) {
            repositories++;
            for (int m = 0; m < METRIC_ARRAY.length; m++) {
                double value = METRIC_ARRAY[m].valueOf(repository);
                int whole = (int) value;
                if (whole == value && whole >= 0 && whole < SMALL) {
                    int at = m * SMALL + whole;
                    if (small[at] == Character.MAX_VALUE) {
                        addPacked(packedKey(m, whole), small[at]);
                        small[at] = 0;
                    }
                    small[at]++;
                } else if (!Double.isNaN(value)) {
                    add(m, value, 1);
                }
            }
        }

        public void add(SummaryCell cell) {
            repositories += cell.repositories;
            for (int m = 0; m < METRIC_ARRAY.length; m++) {
                FrequencyTable table = cell.tables.get(m);
                for (int i = 0; i < table.distinct(); i++) {
                    add(m, table.value(i), table.count(i));
                }
            }
        }

        private void add(int metric, double value, long count) {
            if (isPacked(value)) {
                addPacked(packedKey(metric, (long) value), count);
            } else {
                addOther(metric, value, count);
            }
        }

        /** Whole, from 0 (−0.0 included: it equals 0) to {@link #PACKED_LIMIT}. */
        private static boolean isPacked(double value) {
            return value >= 0 && value <= PACKED_LIMIT && value == Math.rint(value);
        }

        private static long packedKey(int metric, long value) {
            return (value << 3 | metric) + 1;
        }

        private void addPacked(long key, long count) {
            int mask = packed.length - 1;
            int slot = slotOf(key, mask);
            while (true) {
                long entry = packed[slot];
                boolean free = entry == 0; // keys start at 1: a free slot's count is 0
                if (free || entry >>> 32 == key) {
                    long total = (entry & COUNT_MASK) + count;
                    if (total > COUNT_MASK) {
                        throw new IllegalStateException("a summary cell would count a value more than 2^32 times");
                    }
                    packed[slot] = key << 32 | total;
                    if (free && ++packedCount * 4 > packed.length * 3) {
                        growPacked();
                    }
                    return;
                }
                slot = (slot + 1) & mask;
            }
        }

        private void growPacked() {
            long[] old = packed;
            packed = new long[old.length * 2];
            int mask = packed.length - 1;
            for (long entry : old) {
                if (entry != 0) {
                    int slot = slotOf(entry >>> 32, mask);
                    while (packed[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    packed[slot] = entry;
                }
            }
        }

        private void addOther(int metric, double value, long count) {
            long bits = Double.doubleToRawLongBits(value);
            if (others == null) {
                others = new long[3 * 8];
            }
            int mask = others.length / 3 - 1;
            int slot = slotOf(bits ^ metric, mask);
            while (true) {
                if (others[3 * slot] == 0) {
                    others[3 * slot] = metric + 1;
                    others[3 * slot + 1] = bits;
                    others[3 * slot + 2] = count;
                    if (++otherCount * 4 > (mask + 1) * 3) {
                        growOthers();
                    }
                    return;
                }
                if (others[3 * slot] == metric + 1 && others[3 * slot + 1] == bits) {
                    others[3 * slot + 2] += count;
                    return;
                }
                slot = (slot + 1) & mask;
            }
        }

        private void growOthers() {
            long[] old = others;
            others = new long[old.length * 2];
            int mask = others.length / 3 - 1;
            for (int i = 0; i < old.length; i += 3) {
                if (old[i] != 0) {
                    int slot = slotOf(old[i + 1] ^ (old[i] - 1), mask);
                    while (others[3 * slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    System.arraycopy(old, i, others, 3 * slot, 3);
                }
            }
        }

        private static int slotOf(long key, int mask) {
            return (int) ((key * 0x9E37_79B9_7F4A_7C15L) >>> 40) & mask;
        }

        public SummaryCell build() {
            for (int at = 0; at < small.length; at++) {
                if (small[at] > 0) {
                    addPacked(packedKey(at / SMALL, at % SMALL), small[at]);
                    small[at] = 0;
                }
            }
            int[] distinct = new int[METRIC_ARRAY.length];
            for (long entry : packed) {
                if (entry != 0) {
                    distinct[(int) (((entry >>> 32) - 1) & 7)]++;
                }
            }
            for (int i = 0; others != null && i < others.length; i += 3) {
                if (others[i] != 0) {
                    distinct[(int) others[i] - 1]++;
                }
            }
            // Each metric's distinct values, sorted, then each one's count looked up again.
            double[][] values = new double[METRIC_ARRAY.length][];
            int[] filled = new int[METRIC_ARRAY.length];
            for (int m = 0; m < values.length; m++) {
                values[m] = new double[distinct[m]];
            }
            for (long entry : packed) {
                if (entry != 0) {
                    long key = (entry >>> 32) - 1;
                    int m = (int) (key & 7);
                    values[m][filled[m]++] = key >>> 3;
                }
            }
            for (int i = 0; others != null && i < others.length; i += 3) {
                if (others[i] != 0) {
                    int m = (int) others[i] - 1;
                    values[m][filled[m]++] = Double.longBitsToDouble(others[i + 1]);
                }
            }
            List<FrequencyTable> tables = new ArrayList<>(values.length);
            for (int m = 0; m < values.length; m++) {
                double[] sorted = values[m];
                Arrays.sort(sorted);
                long[] counts = new long[sorted.length];
                for (int i = 0; i < sorted.length; i++) {
                    counts[i] = countOf(m, sorted[i]);
                }
                tables.add(FrequencyTable.ofDistinct(sorted, counts));
            }
            return new SummaryCell(repositories, tables);
        }

        private long countOf(int metric, double value) {
            if (isPacked(value)) {
                long key = packedKey(metric, (long) value);
                int mask = packed.length - 1;
                int slot = slotOf(key, mask);
                while (packed[slot] >>> 32 != key) {
                    slot = (slot + 1) & mask;
                }
                return packed[slot] & COUNT_MASK;
            }
            long bits = Double.doubleToRawLongBits(value);
            int mask = others.length / 3 - 1;
            int slot = slotOf(bits ^ metric, mask);
            while (others[3 * slot] != metric + 1 || others[3 * slot + 1] != bits) {
                slot = (slot + 1) & mask;
            }
            return others[3 * slot + 2];
        }
    }
}
