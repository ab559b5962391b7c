package org.divergence.core.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;

/**
 * Collects repositories into summary cells by platform, type and creation day, and gives the cells of both stored
 * levels: each day ("YYYY-MM-DD") and each month ("YYYY-MM", which also holds the undated repositories as period "").
 * A comparison reads whole months and only the days of a date filter's partial months (docs/decisions/0135).
 */
public final class SummaryCells {

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

    private final Map<Key, SummaryCell.Builder> days = new HashMap<>();

    /** The creation day of an ISO date or instant ("2024-01-07T07:55:17Z" → "2024-01-07"), or "" when unknown. */
    public static String day(String createdAt) {
        return createdAt == null || createdAt.length() < 10 ? UNDATED : createdAt.substring(0, 10);
    }

    /** Adds a repository created on {@code day} (see {@link #day}); its platform and type must be set. */
    public void add(RepositoryCounts repository, String day) {
        days.computeIfAbsent(new Key(repository.platform(), repository.repoType(), day),
                key -> new SummaryCell.Builder()).add(repository);
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    /** Both levels' cells, in key order: every dated day, and every month with the undated cells. */
    public Map<Key, SummaryCell> cells() {
        Map<Key, SummaryCell> cells = new TreeMap<>();
        Map<Key, SummaryCell.Builder> months = new HashMap<>();
        for (Map.Entry<Key, SummaryCell.Builder> entry : days.entrySet()) {
            Key day = entry.getKey();
            SummaryCell cell = entry.getValue().build();
            if (day.isDay()) {
                cells.put(day, cell);
                months.computeIfAbsent(new Key(day.platform(), day.type(), day.period().substring(0, 7)),
                        key -> new SummaryCell.Builder()).add(cell);
            } else {
                months.computeIfAbsent(new Key(day.platform(), day.type(), UNDATED),
                        key -> new SummaryCell.Builder()).add(cell);
            }
        }
        months.forEach((key, builder) -> cells.put(key, builder.build()));
        return cells;
    }
}
