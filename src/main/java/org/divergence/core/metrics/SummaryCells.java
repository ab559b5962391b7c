package org.divergence.core.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
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

    /** Per platform and type (platform·TYPES + type), the cells by day: no key object per row. */
    private final List<Map<String, SummaryCell.Builder>> days = new ArrayList<>();
    private final RepositoryCounts counts = new RepositoryCounts();

    public SummaryCells() {
        for (int i = 0; i < Platform.values().length * TYPES.length; i++) {
            days.add(new HashMap<>());
        }
    }

    /** The creation day of an ISO date or instant ("2024-01-07T07:55:17Z" → "2024-01-07"), or "" when unknown. */
    public static String day(String createdAt) {
        return createdAt == null || createdAt.length() < 10 ? UNDATED : createdAt.substring(0, 10);
    }

    /** Adds a repository created on {@code day} (see {@link #day}); its platform and type must be set. */
    public void add(RepositoryCounts repository, String day) {
        days.get(repository.platform().ordinal() * TYPES.length + repository.repoType().ordinal())
                .computeIfAbsent(day, key -> new SummaryCell.Builder()).add(repository);
    }

    /** Adds an imported row. Not thread-safe: one thread adds. */
    public void add(RepositoryRow row) {
        counts.clear().set(0, row.platform(), row.type());
        for (CountColumn column : COLUMNS) {
            if (row.isKnown(column)) {
                counts.setColumn(column, row.count(column));
            }
        }
        add(counts, day(row.createdAt()));
    }

    public boolean isEmpty() {
        return days.stream().allMatch(Map::isEmpty);
    }

    /** Both levels' cells, in key order: every dated day, and every month with the undated cells. */
    public Map<Key, SummaryCell> cells() {
        Map<Key, SummaryCell> cells = new TreeMap<>();
        forEach(cells::put);
        return cells;
    }

    /**
     * Hands over every cell of both levels, each day's as soon as it is built (a study-sized import's days need not
     * all be in memory as tables at once), then the months'. Empties this collection.
     */
    public void forEach(BiConsumer<Key, SummaryCell> consumer) {
        Map<Key, SummaryCell.Builder> months = new TreeMap<>();
        for (int i = 0; i < days.size(); i++) {
            Platform platform = Platform.values()[i / TYPES.length];
            RepoType type = TYPES[i % TYPES.length];
            Map<String, SummaryCell.Builder> byDay = days.get(i);
            for (Map.Entry<String, SummaryCell.Builder> entry : byDay.entrySet()) {
                String day = entry.getKey();
                SummaryCell cell = entry.getValue().build();
                entry.setValue(null);
                String month = day.equals(UNDATED) ? UNDATED : day.substring(0, 7);
                if (!day.equals(UNDATED)) {
                    consumer.accept(new Key(platform, type, day), cell);
                }
                months.computeIfAbsent(new Key(platform, type, month), key -> new SummaryCell.Builder()).add(cell);
            }
            byDay.clear();
        }
        months.forEach((key, builder) -> consumer.accept(key, builder.build()));
    }
}
