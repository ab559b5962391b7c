package org.divergence.store.repositories;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricSet;
import org.divergence.core.metrics.RepositoryCounts;
import org.divergence.core.metrics.SummaryCell;
import org.divergence.core.metrics.SummaryCells;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.repositories.RepositoryRef;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;

/**
 * The metric summary (table {@code metric_summary}, docs/decisions/0135): per platform, type and creation day and
 * month, the repositories' count and each built-in numeric metric's frequency table. Every change of the repository
 * table changes it in the same transaction ({@link Change}); a comparison of the built-in metrics by platform or type,
 * filtered by platform, type and creation dates, reads it instead of scanning the rows.
 */
public final class MetricSummaries {

    private static final CountColumn[] COUNTS = CountColumn.values();
    private static final SqlText UPSERT = SqlText.of("INSERT INTO metric_summary (platform, repo_type, period,"
            + " repositories, tables) VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, repo_type, period) DO UPDATE SET"
            + " repositories = excluded.repositories, tables = excluded.tables");

    private MetricSummaries() {
    }

    /** True once the summary matches the repositories (a project from before it has none until it is built). */
    public static boolean isBuilt(Connection connection) throws SQLException {
        return Sql.count(connection, SqlText.of("SELECT count(*) FROM metric_summary_built")) > 0;
    }

    /** Builds the summary from a scan of every repository, replacing what was there. */
    public static void rebuild(Connection connection) throws SQLException {
        replace(connection, scan(connection, SqlText.of("repository"), SqlText.of("1"), List.of()));
    }

    /** Drops the summary, for rows changed without {@link Change} (test fixtures): the next comparison rebuilds it. */
    public static void forget(Connection connection) throws SQLException {
        Sql.execute(connection, SqlText.of("DELETE FROM metric_summary"));
        Sql.execute(connection, SqlText.of("DELETE FROM metric_summary_built"));
    }

    /** Replaces the summary with these cells (a bulk import into an empty table collects them as it loads). */
    public static void replace(Connection connection, SummaryCells cells) throws SQLException {
        Sql.execute(connection, SqlText.of("DELETE FROM metric_summary"));
        try (PreparedStatement upsert = Sql.prepare(connection, UPSERT)) {
            SQLException[] failure = {null};
            cells.forEachEncoded(cell -> {
                if (failure[0] == null) {
                    try {
                        write(upsert, cell);
                    } catch (SQLException e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        Sql.execute(connection, SqlText.of("INSERT OR IGNORE INTO metric_summary_built (built) VALUES (1)"));
    }

    /**
     * What a stored summary says about a comparison, or empty when it cannot say it (no summary yet, custom metrics,
     * a grouping by tag, a filter by name, value or tag): the caller then scans the rows.
     */
    public static Optional<MetricAccumulator> read(Connection connection, GroupSplit split, RepositoryFilter filter,
                                                   MetricSet metrics, boolean byCreationTime) throws SQLException {
        if (!answers(split, filter, metrics) || !isBuilt(connection)) {
            return Optional.empty();
        }
        List<Object> parameters = new ArrayList<>();
        SqlText where = SqlText.of("(").append(periods(filter, parameters), SqlText.of(")"));
        if (!filter.platforms().isEmpty()) {
            where = where.append(SqlText.of(" AND platform IN ("), SqlText.placeholders(filter.platforms().size()),
                    SqlText.of(")"));
            filter.platforms().stream().map(Platform::code).sorted().forEach(parameters::add);
        }
        if (!filter.repoTypes().isEmpty()) {
            where = where.append(SqlText.of(" AND repo_type IN ("), SqlText.placeholders(filter.repoTypes().size()),
                    SqlText.of(")"));
            filter.repoTypes().stream().map(RepoType::code).sorted().forEach(parameters::add);
        }
        MetricAccumulator accumulator = new MetricAccumulator(split, metrics, byCreationTime);
        for (Map.Entry<SummaryCells.Key, SummaryCell> cell : cells(connection, where, parameters).entrySet()) {
            SummaryCells.Key key = cell.getKey();
            accumulator.add(key.platform(), key.type(), key.createdMonth(), cell.getValue());
        }
        return Optional.of(accumulator);
    }

    /** True when the summary can answer a comparison of these metrics, split and filter. */
    public static boolean answers(GroupSplit split, RepositoryFilter filter, MetricSet metrics) {
        return metrics.custom().isEmpty() && !split.needsRepositoryId() && filter.nameContains() == null
                && filter.metricRange() == null && filter.tags().isEmpty() && filter.withoutTags().isEmpty();
    }

    /**
     * The cells of the filter's creation dates: whole months from the month level, the days of a partial month at
     * either end from the day level; the undated cells only without a date bound (as the row filter does).
     */
    private static SqlText periods(RepositoryFilter filter, List<Object> parameters) {
        if (!filter.hasDateRange()) {
            return SqlText.of("length(period) <= 7");
        }
        LocalDate from = filter.createdFrom();
        LocalDate to = filter.createdTo();
        YearMonth firstMonth = from == null ? YearMonth.of(0, 1)
                : YearMonth.from(from).plusMonths(from.getDayOfMonth() == 1 ? 0 : 1);
        YearMonth lastMonth = to == null ? YearMonth.of(9999, 12)
                : YearMonth.from(to).minusMonths(to.equals(YearMonth.from(to).atEndOfMonth()) ? 0 : 1);
        List<SqlText> parts = new ArrayList<>();
        SqlText between = SqlText.of(" AND period BETWEEN ? AND ?)");
        parts.add(SqlText.of("(length(period) = 7").append(between));
        parameters.add(firstMonth.toString());
        parameters.add(lastMonth.toString());
        List<LocalDate[]> days = new ArrayList<>();
        if (from != null && from.getDayOfMonth() != 1) {
            LocalDate endOfMonth = YearMonth.from(from).atEndOfMonth();
            days.add(new LocalDate[] {from, to != null && to.isBefore(endOfMonth) ? to : endOfMonth});
        }
        if (to != null && !to.equals(YearMonth.from(to).atEndOfMonth())
                && (from == null || !YearMonth.from(from).equals(YearMonth.from(to)))) {
            LocalDate startOfMonth = YearMonth.from(to).atDay(1);
            days.add(new LocalDate[] {from != null && from.isAfter(startOfMonth) ? from : startOfMonth, to});
        }
        for (LocalDate[] range : days) {
            parts.add(SqlText.of("(length(period) = 10").append(between));
            parameters.add(range[0].toString());
            parameters.add(range[1].toString());
        }
        return SqlText.join(SqlText.of(" OR "), parts);
    }

    private static Map<SummaryCells.Key, SummaryCell> cells(Connection connection, SqlText where,
                                                            List<Object> parameters) throws SQLException {
        Map<SummaryCells.Key, SummaryCell> cells = new TreeMap<>();
        try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT platform, repo_type, period,"
                + " repositories, tables FROM metric_summary WHERE ").append(where), parameters.toArray())) {
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    cells.put(new SummaryCells.Key(platform(rs.getString(1)), type(rs.getString(2)),
                            rs.getString(3)), SummaryCell.decode(rs.getLong(4), rs.getBytes(5)));
                }
            }
        }
        return cells;
    }

    /**
     * Differences between the stored summary and one built from the rows now (empty when they agree): part of the
     * project's integrity check. A project whose summary is not built yet has none.
     */
    public static List<String> check(Connection connection) throws SQLException {
        if (!isBuilt(connection)) {
            return List.of();
        }
        Map<SummaryCells.Key, SummaryCell> stored = cells(connection, SqlText.of("1"), List.of());
        Map<SummaryCells.Key, SummaryCell> expected = scan(connection, SqlText.of("repository"), SqlText.of("1"),
                List.of()).cells();
        List<String> differences = new ArrayList<>();
        for (SummaryCells.Key key : new TreeSet<>(union(stored, expected))) {
            SummaryCell have = stored.get(key);
            SummaryCell want = expected.get(key);
            if (have == null || want == null || have.repositories() != want.repositories()
                    || !java.util.Arrays.equals(have.encode(), want.encode())) {
                differences.add("metric summary " + key.platform().code() + "/" + key.type().code() + "/'"
                        + key.period() + "': stored " + describe(have) + ", rows " + describe(want));
            }
        }
        return differences;
    }

    private static TreeSet<SummaryCells.Key> union(Map<SummaryCells.Key, SummaryCell> a,
                                                   Map<SummaryCells.Key, SummaryCell> b) {
        TreeSet<SummaryCells.Key> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static String describe(SummaryCell cell) {
        return cell == null ? "nothing" : cell.repositories() + " repositories";
    }

    /**
     * One change of the repository table, in the caller's transaction: the rows a change replaces or removes are
     * {@link #remove}d before it, the rows it writes {@link #add}ed after it, and {@link #apply} changes the cells
     * they fall in. Without a built summary it does nothing (the first comparison builds one).
     */
    public static final class Change {
        private final Connection connection;
        private final boolean active;
        private final SummaryCells added = new SummaryCells();
        private final SummaryCells removed = new SummaryCells();

        private Change(Connection connection) throws SQLException {
            this.connection = connection;
            this.active = isBuilt(connection);
        }

        public static Change begin(Connection connection) throws SQLException {
            return new Change(connection);
        }

        /** Rows of {@code table} (repository or repository_history) that leave the table: where holds. */
        public Change remove(SqlText table, SqlText where, Object... parameters) throws SQLException {
            if (active) {
                collect(connection, table, where, List.of(parameters), removed);
            }
            return this;
        }

        /** Rows of the repository table that the change wrote: where holds. */
        public Change add(SqlText where, Object... parameters) throws SQLException {
            if (active) {
                collect(connection, SqlText.of("repository"), where, List.of(parameters), added);
            }
            return this;
        }

        /** Writes the changed cells. */
        public void apply() throws SQLException {
            if (!active || (added.isEmpty() && removed.isEmpty())) {
                return;
            }
            Map<SummaryCells.Key, SummaryCell> plus = added.cells();
            Map<SummaryCells.Key, SummaryCell> minus = removed.cells();
            TreeSet<SummaryCells.Key> keys = union(plus, minus);
            Map<SummaryCells.Key, SummaryCell> before = new HashMap<>();
            try (PreparedStatement read = Sql.prepare(connection, SqlText.of("SELECT repositories, tables FROM"
                    + " metric_summary WHERE platform = ? AND repo_type = ? AND period = ?"))) {
                for (SummaryCells.Key key : keys) {
                    bindKey(read, key);
                    try (ResultSet rs = read.executeQuery()) {
                        before.put(key, rs.next() ? SummaryCell.decode(rs.getLong(1), rs.getBytes(2))
                                : SummaryCell.EMPTY);
                    }
                }
            }
            try (PreparedStatement upsert = Sql.prepare(connection, UPSERT);
                 PreparedStatement delete = Sql.prepare(connection, SqlText.of("DELETE FROM metric_summary"
                         + " WHERE platform = ? AND repo_type = ? AND period = ?"))) {
                for (SummaryCells.Key key : keys) {
                    SummaryCell after = before.get(key).change(plus.getOrDefault(key, SummaryCell.EMPTY),
                            minus.getOrDefault(key, SummaryCell.EMPTY));
                    if (after.repositories() == 0) {
                        bindKey(delete, key);
                        delete.executeUpdate();
                    } else {
                        write(upsert, SummaryCells.EncodedCell.of(key, after));
                    }
                }
            }
        }
    }

    private static void bindKey(PreparedStatement statement, SummaryCells.Key key) throws SQLException {
        statement.setString(1, key.platform().code());
        statement.setString(2, key.type().code());
        statement.setString(3, key.period());
    }

    private static void write(PreparedStatement upsert, SummaryCells.EncodedCell cell) throws SQLException {
        bindKey(upsert, cell.key());
        upsert.setLong(4, cell.repositories());
        upsert.setBytes(5, cell.tables());
        upsert.executeUpdate();
    }

    private static SummaryCells scan(Connection connection, SqlText table, SqlText where, List<Object> parameters)
            throws SQLException {
        SummaryCells cells = new SummaryCells();
        collect(connection, table, where, parameters, cells);
        return cells;
    }

    /** Adds the rows of the table (repository or repository_history) where the condition holds. */
    private static void collect(Connection connection, SqlText table, SqlText where, List<Object> parameters,
                                SummaryCells cells) throws SQLException {
        List<SqlText> columns = new ArrayList<>();
        for (CountColumn count : COUNTS) {
            columns.add(SqlText.identifier(count.column()));
        }
        SqlText sql = SqlText.of("SELECT platform, repo_type, created_at, id, full_name, ").append(
                SqlText.join(SqlText.of(", "), columns), SqlText.of(" FROM "), table, SqlText.of(" WHERE "), where);
        RepositoryCounts row = new RepositoryCounts();
        try (PreparedStatement statement = Sql.prepare(connection, sql, parameters.toArray());
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                row.clear().set(0, platform(rs.getString(1)), type(rs.getString(2)));
                for (int c = 0; c < COUNTS.length; c++) {
                    long value = rs.getLong(6 + c);
                    if (value < 0) {
                        // As the scan says it (RepositoryMetricsReader): a fixable message naming the repository.
                        throw new InvalidInputException("repository " + RepositoryRef.of(type(rs.getString(2)), rs.getString(5))
                                + " (id " + rs.getLong(4) + "): " + COUNTS[c].column() + " is " + value
                                + "; counts cannot be negative (fix or re-import this repository)");
                    }
                    row.setColumn(COUNTS[c], rs.wasNull() ? RepositoryCounts.UNKNOWN : value);
                }
                cells.add(row, SummaryCells.day(rs.getString(3)));
            }
        }
    }

    private static Platform platform(String code) {
        return Platform.ofCode(code).orElseThrow(() -> new IllegalStateException("unknown platform " + code));
    }

    private static RepoType type(String code) {
        return RepoType.ofCode(code).orElseThrow(() -> new IllegalStateException("unknown repo_type " + code));
    }
}
