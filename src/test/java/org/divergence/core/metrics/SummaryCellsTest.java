package org.divergence.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.core.stats.FrequencyTable;
import org.junit.jupiter.api.Test;

/**
 * The summary's cells (packed counters, days by position) hold exactly the frequency tables of the plain values:
 * each cell's tables are checked against {@link FrequencyTable#of} of the metric values computed the long way
 * ({@link RepositoryCounts#setColumn}, {@link BuiltInMetric#valueOf}), over random rows with small, large and
 * fractional values, odd and far dates, and undated repositories; also through encoding and months.
 */
class SummaryCellsTest {

    private static final String[] DATES = {null, "", "2024", "2024-02-29T10:00:00Z", "2024-02-29", "1969-12-31",
        "1970-01-01", "2169-12-31", "2170-01-01", "0000-00-00", "2024-13-40", "2024/01/01", "1999-07-04T00:00:00Z",
        "2023-01-31", "2023-02-01", "2008-03-03T23:59:59Z"};

    @Test
    void everyCellHoldsTheTablesOfItsRows() {
        List<RepositoryRow> rows = randomRows(20261207, 6000);
        SummaryCells cells = new SummaryCells();
        rows.forEach(cells::add);
        Map<SummaryCells.Key, SummaryCell> built = cells.cells();
        Map<SummaryCells.Key, SummaryCell> expected = expected(rows);
        assertEquals(expected.keySet(), built.keySet());
        expected.forEach((key, cell) -> assertSameCell(key, cell, built.get(key)));
    }

    @Test
    void encodedAheadAsWhenBuiltAtTheEnd() {
        List<RepositoryRow> rows = randomRows(7, 3000);
        SummaryCells atTheEnd = new SummaryCells();
        SummaryCells ahead = new SummaryCells();
        rows.forEach(atTheEnd::add);
        rows.forEach(ahead::add);
        ahead.encodeAhead();
        Map<SummaryCells.Key, byte[]> expected = new TreeMap<>();
        atTheEnd.forEach((key, cell) -> expected.put(key, cell.encode()));
        Map<SummaryCells.Key, SummaryCell> decoded = new TreeMap<>();
        ahead.forEachEncoded(cell -> {
            assertArrayEquals(expected.get(cell.key()), cell.tables(), cell.key().toString());
            decoded.put(cell.key(), SummaryCell.decode(cell.repositories(), cell.tables()));
        });
        assertEquals(expected.keySet(), decoded.keySet());
        assertTrue(ahead.isEmpty());
    }

    @Test
    void aValueCountedMoreThanASmallCounterHolds() {
        SummaryCells cells = new SummaryCells();
        int n = 70_000;
        for (int i = 0; i < n; i++) {
            cells.add(new RepositoryRow(Platform.GITHUB, RepoType.CODE, "o/r" + i).createdAt("2020-05-05")
                    .count(CountColumn.CONTRIBUTORS, 1).count(CountColumn.COMMITS, i % 3 == 0 ? 3 : 1L << 40));
        }
        SummaryCell day = cells.cells().get(new SummaryCells.Key(Platform.GITHUB, RepoType.CODE, "2020-05-05"));
        assertEquals(n, day.repositories());
        FrequencyTable contributors = day.table(BuiltInMetric.CONTRIBUTORS);
        assertEquals(1, contributors.distinct());
        assertEquals(n, contributors.count(0));
        FrequencyTable commits = day.table(BuiltInMetric.COMMITS);
        assertEquals(2, commits.distinct());
        assertEquals(3.0, commits.value(0));
        assertEquals((n + 2) / 3, commits.count(0));
        assertEquals((double) (1L << 40), commits.value(1));
    }

    private static List<RepositoryRow> randomRows(long seed, int count) {
        Random random = new Random(seed);
        List<RepositoryRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(randomRow(random, i));
        }
        return rows;
    }

    private static RepositoryRow randomRow(Random random, int i) {
        RepoType type = RepoType.values()[random.nextInt(RepoType.values().length)];
        RepositoryRow row = new RepositoryRow(type.platform(), type, "owner/repo-" + i);
        String date = random.nextInt(4) == 0 ? DATES[random.nextInt(DATES.length)]
                : String.format("%04d-%02d-%02dT12:00:00Z", 2008 + random.nextInt(3), 1 + random.nextInt(12),
                        1 + random.nextInt(28));
        if (date != null) {
            row.createdAt(date);
        }
        for (CountColumn column : CountColumn.values()) {
            switch (random.nextInt(6)) {
                case 0 -> { } // unknown
                case 1 -> row.count(column, random.nextInt(8));
                case 2 -> row.count(column, random.nextInt(300));
                case 3 -> row.count(column, (1L << 28) - 2 + random.nextInt(4)); // around the packed limit
                case 4 -> row.count(column, (1L << 53) + random.nextInt(3)); // beyond exact doubles' wholes
                default -> row.count(column, random.nextInt(3));
            }
        }
        return row;
    }

    /** Each cell's tables computed the long way: every metric value of its rows, then FrequencyTable.of. */
    private static Map<SummaryCells.Key, SummaryCell> expected(List<RepositoryRow> rows) {
        Map<SummaryCells.Key, List<RepositoryRow>> byCell = new HashMap<>();
        for (RepositoryRow row : rows) {
            String day = SummaryCells.day(row.createdAt());
            if (!day.isEmpty()) {
                byCell.computeIfAbsent(new SummaryCells.Key(row.platform(), row.type(), day), k -> new ArrayList<>())
                        .add(row);
            }
            String month = day.isEmpty() ? "" : day.substring(0, 7);
            byCell.computeIfAbsent(new SummaryCells.Key(row.platform(), row.type(), month), k -> new ArrayList<>())
                    .add(row);
        }
        Map<SummaryCells.Key, SummaryCell> cells = new TreeMap<>();
        byCell.forEach((key, cellRows) -> {
            List<FrequencyTable> tables = new ArrayList<>();
            for (BuiltInMetric metric : SummaryCell.METRICS) {
                List<Double> values = new ArrayList<>();
                for (RepositoryRow row : cellRows) {
                    RepositoryCounts counts = new RepositoryCounts().set(0, row.platform(), row.type());
                    for (CountColumn column : CountColumn.values()) {
                        if (row.isKnown(column)) {
                            counts.setColumn(column, row.count(column));
                        }
                    }
                    double value = metric.valueOf(counts);
                    if (!Double.isNaN(value)) {
                        values.add(value);
                    }
                }
                tables.add(FrequencyTable.of(values.stream().mapToDouble(Double::doubleValue).toArray()));
            }
            cells.put(key, new SummaryCell(cellRows.size(), tables));
        });
        return cells;
    }

    private static void assertSameCell(SummaryCells.Key key, SummaryCell expected, SummaryCell actual) {
        assertEquals(expected.repositories(), actual.repositories(), key.toString());
        for (int m = 0; m < SummaryCell.METRICS.size(); m++) {
            FrequencyTable a = expected.tables().get(m);
            FrequencyTable b = actual.tables().get(m);
            assertEquals(a.distinct(), b.distinct(), key + " " + SummaryCell.METRICS.get(m));
            for (int i = 0; i < a.distinct(); i++) {
                assertEquals(a.value(i), b.value(i), key + " " + SummaryCell.METRICS.get(m));
                assertEquals(a.count(i), b.count(i), key + " " + SummaryCell.METRICS.get(m));
            }
        }
    }
}
