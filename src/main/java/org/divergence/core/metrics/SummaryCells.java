package org.divergence.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryRow;

/**
 * Collects repositories into summary cells by platform, type and creation day, and gives the cells of both stored
 * levels: each day ("YYYY-MM-DD") and each month ("YYYY-MM", which also holds the undated repositories as period "").
 * A comparison reads whole months and only the days of a date filter's partial months (docs/decisions/0135).
 */
public final class SummaryCells {

    private static final RepoType[] TYPES = RepoType.values();
    private static final CountColumn[] COLUMNS = CountColumn.values();

    /** An undated repository's period. */
    public static final String UNDATED = "";
    /** The days kept by position (see {@link #dayIndex}); others by their text. */
    private static final int FIRST_YEAR = 1970;
    private static final int YEARS = 200;
    private static final int UNDATED_INDEX = -2;

    /** A cell's place: platform, type and period (a day, a month, or {@link #UNDATED}). */
    public record Key(Platform platform, RepoType type, String period) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byPlatform = platform.compareTo(other.platform);
            int byType = byPlatform != 0 ? byPlatform : type.compareTo(other.type);
            return byType != 0 ? byType : period.compareTo(other.period);
        }

        public boolean isDay() {
            return period.length() == 10;
        }

        /** The month (year·12 + month − 1) of a dated cell, as the scan computes it; else the unknown month. */
        public int createdMonth() {
            if (period.length() < 7) {
                return RepositoryCounts.UNKNOWN_MONTH;
            }
            return Integer.parseInt(period.substring(0, 4)) * 12 + Integer.parseInt(period.substring(5, 7)) - 1;
        }
    }

    /**
     * Per platform and type (platform·TYPES + type), the cells by day, found by the day's position: no key object or
     * string per row (a map by day text made the summary half of an import's reading thread).
     */
    private final DayCells[] days;
    private final RepositoryCounts counts = new RepositoryCounts();
    /** Every cell built and encoded by {@link #encodeAhead}, until handed over; null otherwise. */
    private List<EncodedCell> encoded;
    /** Set when {@link #encodeAhead} failed part way: what is left is not the whole summary. */
    private boolean broken;

    public SummaryCells() {
        days = new DayCells[Platform.values().length * TYPES.length];
        for (int i = 0; i < days.length; i++) {
            days[i] = new DayCells();
        }
    }

    /** The creation day of an ISO date or instant ("2024-01-07T07:55:17Z" → "2024-01-07"), or "" when unknown. */
    public static String day(String createdAt) {
        return createdAt == null || createdAt.length() < 10 ? UNDATED : createdAt.substring(0, 10);
    }

    /** Adds a repository created on {@code day} (see {@link #day}); its platform and type must be set. */
    public void add(RepositoryCounts repository, String day) {
        int index = day.isEmpty() ? UNDATED_INDEX : day.length() == 10 ? dayIndex(day) : -1;
        cells(repository).builder(day, 0, index).add(repository);
    }

    /** Adds an imported row. Not thread-safe: one thread adds. */
    public void add(RepositoryRow row) {
        counts.clear().set(0, row.platform(), row.type());
        for (CountColumn column : COLUMNS) {
            if (row.isKnown(column)) {
                counts.setColumn(column, row.count(column));
            }
        }
        String createdAt = row.createdAt();
        boolean dated = createdAt != null && createdAt.length() >= 10;
        cells(counts).builder(createdAt, 10, dated ? dayIndex(createdAt) : UNDATED_INDEX).add(counts);
    }

    private DayCells cells(RepositoryCounts repository) {
        return days[repository.platform().ordinal() * TYPES.length + repository.repoType().ordinal()];
    }

    /**
     * The day of text starting "yyyy-mm-dd" as a position counted from {@link #FIRST_YEAR} in 31-day months
     * ((year − first)·372 + (month − 1)·31 + day − 1), or −1 when it is not such a day in the years covered (a day
     * kept by its text then).
     */
    private static int dayIndex(CharSequence text) {
        int number = 0;
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(i);
            if (i == 4 || i == 7) {
                if (c != '-') {
                    return -1;
                }
            } else if (c >= '0' && c <= '9') {
                number = number * 10 + (c - '0');
            } else {
                return -1;
            }
        }
        int year = number / 10_000;
        int month = number / 100 % 100;
        int day = number % 100;
        if (year < FIRST_YEAR || year >= FIRST_YEAR + YEARS || month < 1 || month > 12 || day < 1 || day > 31) {
            return -1;
        }
        return (year - FIRST_YEAR) * 372 + (month - 1) * 31 + day - 1;
    }

    private static String dayText(int index) {
        return String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", FIRST_YEAR + index / 372, index % 372 / 31 + 1,
                index % 31 + 1);
    }

    /**
     * One platform and type's cells: a dated day's at its {@link #dayIndex} in an array that grows to the range of
     * days seen (one memory access per row, no hashing), the undated cell, and any other day text in a map.
     */
    private static final class DayCells {
        private SummaryCell.Builder[] byDay;
        private int firstDay;
        private SummaryCell.Builder undated;
        private final Map<String, SummaryCell.Builder> odd = new HashMap<>();

        /** The cell of the day at {@code index}, of the undated (−2), or for −1 of the day text {@code text[0, length)}. */
        SummaryCell.Builder builder(String text, int length, int index) {
            if (index >= 0) {
                int at = index - firstDay;
                if (byDay == null || at < 0 || at >= byDay.length) {
                    at = makeRoom(index);
                }
                SummaryCell.Builder cell = byDay[at];
                if (cell == null) {
                    cell = new SummaryCell.Builder();
                    byDay[at] = cell;
                }
                return cell;
            }
            if (index == UNDATED_INDEX) {
                if (undated == null) {
                    undated = new SummaryCell.Builder();
                }
                return undated;
            }
            String day = length == 0 ? text : text.substring(0, length);
            return odd.computeIfAbsent(day, key -> new SummaryCell.Builder());
        }

        /** Grows the array to hold {@code index} (by half as much again as it needs, at least a year's days). */
        private int makeRoom(int index) {
            if (byDay == null) {
                byDay = new SummaryCell.Builder[372];
                firstDay = Math.max(0, index - 186);
                return index - firstDay;
            }
            int first = Math.min(firstDay, index);
            int last = Math.max(firstDay + byDay.length - 1, index);
            int slack = Math.max(372, (last - first + 1) / 2);
            int newFirst = index < firstDay ? Math.max(0, first - slack) : first;
            int newLength = (index < firstDay ? last - newFirst + 1 : last + slack - newFirst + 1);
            SummaryCell.Builder[] grown = new SummaryCell.Builder[newLength];
            System.arraycopy(byDay, 0, grown, firstDay - newFirst, byDay.length);
            byDay = grown;
            firstDay = newFirst;
            return index - firstDay;
        }

        boolean isEmpty() {
            if (undated != null || !odd.isEmpty()) {
                return false;
            }
            for (int i = 0; byDay != null && i < byDay.length; i++) {
                if (byDay[i] != null) {
                    return false;
                }
            }
            return true;
        }

        /** Hands over each day's builder by its text ("" undated) and forgets them. */
        void drain(BiConsumer<String, SummaryCell.Builder> consumer) {
            for (int i = 0; byDay != null && i < byDay.length; i++) {
                if (byDay[i] != null) {
                    consumer.accept(dayText(firstDay + i), byDay[i]);
                    byDay[i] = null;
                }
            }
            if (undated != null) {
                consumer.accept(UNDATED, undated);
                undated = null;
            }
            odd.forEach(consumer);
            odd.clear();
        }
    }

    public synchronized boolean isEmpty() {
        return encoded == null ? Arrays.stream(days).allMatch(DayCells::isEmpty) : encoded.isEmpty();
    }

    /** Both levels' cells, in key order: every dated day, and every month with the undated cells. */
    public Map<Key, SummaryCell> cells() {
        Map<Key, SummaryCell> cells = new TreeMap<>();
        forEach(cells::put);
        return cells;
    }

    /** A cell as stored: its place, its number of repositories and its tables encoded ({@link SummaryCell#encode}). */
    public record EncodedCell(Key key, long repositories, byte[] tables) {
        public static EncodedCell of(Key key, SummaryCell cell) {
            return new EncodedCell(key, cell.repositories(), cell.encode());
        }
    }

    /**
     * Builds and encodes every cell now, for {@link #forEachEncoded} to hand over later: an import's reading thread
     * does this while the writing thread builds the key index, instead of the writer after it. Empties the builders.
     */
    public synchronized void encodeAhead() {
        if (encoded != null) {
            return;
        }
        List<EncodedCell> cells = new ArrayList<>();
        try {
            drain((key, cell) -> cells.add(EncodedCell.of(key, cell)));
        } catch (RuntimeException | Error e) {
            broken = true;
            throw e;
        }
        encoded = cells;
    }

    /** Hands over every cell encoded, from {@link #encodeAhead} or built now (see {@link #forEach}). */
    public synchronized void forEachEncoded(Consumer<EncodedCell> consumer) {
        if (encoded != null) {
            encoded.forEach(consumer);
            encoded = null;
            return;
        }
        drain((key, cell) -> consumer.accept(EncodedCell.of(key, cell)));
    }

    /**
     * Hands over every cell of both levels, each day's as soon as it is built (a study-sized import's days need not
     * all be in memory as tables at once), then the months'. Empties this collection.
     */
    public synchronized void forEach(BiConsumer<Key, SummaryCell> consumer) {
        if (encoded != null) {
            throw new IllegalStateException("the cells were encoded ahead: read them with forEachEncoded");
        }
        drain(consumer);
    }

    private void drain(BiConsumer<Key, SummaryCell> consumer) {
        if (broken) {
            throw new IllegalStateException("the summary's cells could not all be built");
        }
        Map<Key, SummaryCell.Builder> months = new TreeMap<>();
        for (int i = 0; i < days.length; i++) {
            Platform platform = Platform.values()[i / TYPES.length];
            RepoType type = TYPES[i % TYPES.length];
            days[i].drain((day, builder) -> {
                SummaryCell cell = builder.build();
                String month = day.equals(UNDATED) ? UNDATED : day.substring(0, 7);
                if (!day.equals(UNDATED)) {
                    consumer.accept(new Key(platform, type, day), cell);
                }
                months.computeIfAbsent(new Key(platform, type, month), key -> new SummaryCell.Builder()).add(cell);
            });
        }
        months.forEach((key, builder) -> consumer.accept(key, builder.build()));
    }
}
