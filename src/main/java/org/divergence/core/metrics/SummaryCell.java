package org.divergence.core.metrics;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.divergence.core.stats.FrequencyCounter;
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

    /** Collects one cell row by row (the summary of an import, a scan, or a change). */
    public static final class Builder {
        private final FrequencyCounter[] counters = new FrequencyCounter[METRICS.size()];
        private final BuiltInMetric[] metrics = METRICS.toArray(BuiltInMetric[]::new);
        private long repositories;

        public Builder() {
            for (int m = 0; m < counters.length; m++) {
                // Small: a project has a cell per platform, type and creation day.
                counters[m] = new FrequencyCounter(16, 2);
            }
        }

        public void add(RepositoryCounts repository) {
            repositories++;
            for (int m = 0; m < metrics.length; m++) {
                double value = metrics[m].valueOf(repository);
                if (!Double.isNaN(value)) {
                    counters[m].add(value);
                }
            }
        }

        public void add(SummaryCell cell) {
            repositories += cell.repositories;
            for (int m = 0; m < counters.length; m++) {
                counters[m].addAll(cell.tables.get(m));
            }
        }

        public SummaryCell build() {
            return new SummaryCell(repositories, java.util.Arrays.stream(counters)
                    .map(FrequencyCounter::toTable).toList());
        }
    }
}
