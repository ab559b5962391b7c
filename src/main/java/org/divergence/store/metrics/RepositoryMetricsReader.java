package org.divergence.store.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.formulas.CustomMetric;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricInput;
import org.divergence.core.metrics.MetricSet;
import org.divergence.core.metrics.RepositoryCounts;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.repositories.RepositoryRef;
import org.divergence.store.expressions.FormulaSql;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.repositories.MetricSummaries;
import org.divergence.store.repositories.RepositorySql;

/**
 * Reads the metric inputs of a project's repositories into a {@link MetricAccumulator} in one pass over the
 * {@code repository} table, selecting only the columns the metrics need and filtering in SQL (bound parameters).
 * Custom metrics are computed by SQLite in the same pass: each compiled expression ({@link FormulaSql}) is one more
 * column of the query.
 * Nothing is kept per row: each row goes straight into per-group frequency tables, so memory stays small at any
 * table size. Large tables are scanned by several threads at once, each over its own range of ids on its own
 * read-only connection (see docs/decisions/0010-compare-statistics-at-scale.md).
 */
public final class RepositoryMetricsReader {

    /** Below this many ids one scan is quicker than starting threads. */
    private static final long PARALLEL_THRESHOLD = 200_000;
    private static final int MAX_PARTITIONS = 4;
    private static final int PROGRESS_EVERY = 1 << 15;

    private static final MetricInput[] INPUTS = MetricInput.values();
    /** Platform and type travel as one code: platform·TYPE_CODES + type. */
    private static final int TYPE_CODES = 16;
    private static final int UNKNOWN_PLATFORM = 2;
    private static final int UNKNOWN_TYPE = 15;

    private RepositoryMetricsReader() {
    }

    /** The built-in metrics of the repositories the filter selects. */
    public static MetricAccumulator read(Project project, GroupSplit split, RepositoryFilter filter,
                                         Progress progress) {
        return read(project, split, filter, MetricSet.BUILT_IN, false, progress, 0);
    }

    /**
     * The metrics of the set; with {@code byCreationTime} the accumulator also collects counts and metric tables by
     * creation month and year (the charts' time view, strata). {@code partitions} = 0 reads the metric summary when it
     * answers (built-in metrics, split and filter by platform, type and dates), else scans in as many parts as table
     * size and processors suit; a number forces a scan in that many parts (tests and benchmarks).
     */
    public static MetricAccumulator read(Project project, GroupSplit split, RepositoryFilter filter, MetricSet metrics,
                                         boolean byCreationTime, Progress progress, int requestedPartitions) {
        progress.checkCancelled();
        if (requestedPartitions == 0 && MetricSummaries.answers(split, filter, metrics)) {
            Optional<MetricAccumulator> summarised = fromSummary(project, split, filter, metrics, byCreationTime,
                    progress);
            if (summarised.isPresent()) {
                return summarised.get();
            }
        }
        return scan(project, split, filter, metrics, byCreationTime, progress, requestedPartitions);
    }

    /**
     * The same tables from the metric summary (docs/decisions/0135), built first if this project has none yet (one
     * scan, once); empty when the project is read-only and has none.
     */
    private static Optional<MetricAccumulator> fromSummary(Project project, GroupSplit split, RepositoryFilter filter,
                                                           MetricSet metrics, boolean byCreationTime,
                                                           Progress progress) {
        if (!project.read(MetricSummaries::isBuilt)) {
            if (project.isReadOnly()) {
                return Optional.empty();
            }
            progress.update(-1, -1, "Summarising the repositories (once for this project)");
            project.write(EnumSet.noneOf(DataArea.class), connection -> {
                if (!MetricSummaries.isBuilt(connection)) {
                    MetricSummaries.rebuild(connection);
                }
                return null;
            });
        }
        return project.read(connection -> MetricSummaries.read(connection, split, filter, metrics, byCreationTime));
    }

    /** The tables from a scan of the rows, in {@code requestedPartitions} parts (0: as the machine suits). */
    public static MetricAccumulator scan(Project project, GroupSplit split, RepositoryFilter filter, MetricSet metrics,
                                         boolean byCreationTime, Progress progress, int requestedPartitions) {
        progress.checkCancelled();
        long[] range = project.read(RepositoryMetricsReader::idRange);
        long first = range[0];
        long end = range[1] + 1;
        long ids = Math.max(0, end - first);
        int partitions = requestedPartitions > 0 ? requestedPartitions : ids < PARALLEL_THRESHOLD ? 1
                : Math.max(1, Math.min(MAX_PARTITIONS, Runtime.getRuntime().availableProcessors()));
        Scan scan = new Scan(split, filter, metrics, byCreationTime, progress, ids);
        if (partitions == 1) {
            return project.read(c -> scan.run(c, first, end));
        }
        long step = (ids + partitions - 1) / partitions;
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(partitions, runnable -> {
            Thread thread = new Thread(runnable, "compare-scan-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<MetricAccumulator>> parts = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                long from = first + p * step;
                long to = Math.min(end, from + step);
                parts.add(threads.submit(() -> project.read(c -> scan.run(c, from, to))));
            }
            MetricAccumulator total = new MetricAccumulator(split, metrics, byCreationTime);
            for (Future<MetricAccumulator> part : parts) {
                total.addAll(await(part, scan));
            }
            return total;
        } finally {
            threads.shutdownNow();
        }
    }

    private static MetricAccumulator await(Future<MetricAccumulator> part, Scan scan) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scan.stop.set(true);
            throw new CancelledException();
        } catch (ExecutionException e) {
            scan.stop.set(true);
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static long[] idRange(Connection connection) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection,
                SqlText.of("SELECT min(id), max(id) FROM repository"));
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            long min = rs.getLong(1);
            return rs.wasNull() ? new long[] {0, -1} : new long[] {min, rs.getLong(2)};
        }
    }

    /** One scan's shared state: the query, the rows done so far (all partitions), and the stop flag. */
    private static final class Scan {
        private final GroupSplit split;
        private final Progress progress;
        private final long total;
        private final SqlText sql;
        private final List<Object> parameters = new ArrayList<>();
        private final RepositorySql where;
        private final MetricSet metrics;
        private final boolean byCreationTime;
        private final AtomicLong done = new AtomicLong();
        private final AtomicBoolean stop = new AtomicBoolean();

        Scan(GroupSplit split, RepositoryFilter filter, MetricSet metrics, boolean byCreationTime, Progress progress,
             long total) {
            this.split = split;
            this.progress = progress;
            this.total = total;
            this.where = RepositorySql.where(filter);
            this.metrics = metrics;
            this.byCreationTime = byCreationTime;
            this.sql = query();
        }

        /**
         * One small code for platform and type (no string per row), the metric inputs with NULL read as
         * {@link RepositoryCounts#UNKNOWN} (no wasNull call per value), the custom metrics' values, the id only
         * when the split needs it, the creation month only for the time view, and the filter ({@link RepositorySql},
         * so every reader of the table filters alike). Column names come from core's enums; every value is a bound
         * parameter.
         */
        private SqlText query() {
            SqlText whenParameterThen = SqlText.of(" WHEN ? THEN ");
            List<SqlText> select = new ArrayList<>();
            select.add(SqlText.of("SELECT CASE platform"));
            for (Platform platform : Platform.values()) {
                select.add(whenParameterThen.append(SqlText.integer(platform.ordinal() * TYPE_CODES)));
                parameters.add(platform.code());
            }
            select.add(SqlText.of(" ELSE " + UNKNOWN_PLATFORM * TYPE_CODES + " END + CASE repo_type"));
            for (RepoType type : RepoType.values()) {
                select.add(whenParameterThen.append(SqlText.integer(type.ordinal())));
                parameters.add(type.code());
            }
            select.add(SqlText.of(" ELSE " + UNKNOWN_TYPE + " END"));
            for (MetricInput input : INPUTS) {
                select.add(SqlText.of(", ifnull("));
                if (input.isSameOnBothPlatforms()) {
                    select.add(SqlText.identifier(input.column(Platform.GITHUB).column()));
                } else {
                    select.add(SqlText.of("CASE platform"));
                    for (Platform platform : Platform.values()) {
                        select.add(whenParameterThen.append(SqlText.identifier(input.column(platform).column())));
                        parameters.add(platform.code());
                    }
                    select.add(SqlText.of(" END"));
                }
                select.add(SqlText.of(", ?)"));
                parameters.add(RepositoryCounts.UNKNOWN);
            }
            for (Metric metric : metrics.custom()) {
                FormulaSql value = FormulaSql.compile(((CustomMetric) metric).formula());
                select.add(SqlText.of(", ").append(value.value()));
                parameters.addAll(value.parameters());
            }
            if (split.needsRepositoryId()) {
                select.add(SqlText.of(", id"));
            }
            if (byCreationTime) {
                // year·12 + month − 1 from the ISO text (dates and instants both start YYYY-MM), −1 when NULL.
                select.add(SqlText.of(", ifnull(CAST(substr(created_at, 1, 4) AS INTEGER) * 12"
                        + " + CAST(substr(created_at, 6, 2) AS INTEGER) - 1, -1)"));
            }
            select.add(SqlText.of(" FROM repository WHERE id >= ? AND id < ? AND "));
            select.add(where.condition());
            return SqlText.join(SqlText.of(""), select);
        }

        MetricAccumulator run(Connection connection, long fromId, long toId) throws SQLException {
            MetricAccumulator accumulator = new MetricAccumulator(split, metrics, byCreationTime);
            int customs = metrics.custom().size();
            RepositoryCounts row = new RepositoryCounts(customs);
            Platform[] platforms = Platform.values();
            RepoType[] types = RepoType.values();
            boolean withId = split.needsRepositoryId();
            int customColumn = 2 + INPUTS.length;
            int idColumn = customColumn + customs;
            int monthColumn = idColumn + (withId ? 1 : 0);
            try (PreparedStatement statement = Sql.prepare(connection, sql)) {
                int index = 1;
                for (Object parameter : parameters) {
                    statement.setObject(index++, parameter);
                }
                statement.setLong(index++, fromId);
                statement.setLong(index++, toId);
                where.bind(statement, index);
                try (ResultSet rs = statement.executeQuery()) {
                    long sinceReport = 0;
                    while (rs.next()) {
                        int code = rs.getInt(1);
                        int platform = code / TYPE_CODES;
                        int type = code % TYPE_CODES;
                        row.set(withId ? rs.getLong(idColumn) : 0, platform == UNKNOWN_PLATFORM ? null
                                : platforms[platform], type == UNKNOWN_TYPE ? null : types[type]);
                        for (int i = 0; i < INPUTS.length; i++) {
                            long value = rs.getLong(2 + i);
                            if (value < 0 && value != RepositoryCounts.UNKNOWN) {
                                throw negative(connection, fromId, toId, INPUTS[i], row.platform(), value);
                            }
                            row.set(INPUTS[i], value);
                        }
                        for (int c = 0; c < customs; c++) {
                            double value = rs.getDouble(customColumn + c);
                            // NULL (unknown, a division by zero) and overflow to infinity are unknown.
                            row.setCustom(c, rs.wasNull() || !Double.isFinite(value) ? Double.NaN : value);
                        }
                        if (byCreationTime) {
                            row.setCreatedMonth(rs.getInt(monthColumn));
                        }
                        accumulator.add(row);
                        if (++sinceReport == PROGRESS_EVERY) {
                            sinceReport = 0;
                            progress.update(done.addAndGet(PROGRESS_EVERY), total, "Reading repositories");
                            if (stop.get() || progress.isCancelled()) {
                                throw new CancelledException();
                            }
                        }
                    }
                    done.addAndGet(sinceReport);
                }
            }
            return accumulator;
        }

        /** Names the first repository in the range with a negative value in the column, for a fixable message. */
        private static InvalidInputException negative(Connection connection, long fromId, long toId,
                                                      MetricInput input, Platform platform, long value)
                throws SQLException {
            String column = input.column(platform).column();
            try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT id, repo_type, full_name"
                    + " FROM repository WHERE id >= ? AND id < ? AND platform = ? AND ").append(
                    SqlText.identifier(column), SqlText.of(" < 0 LIMIT 1")))) {
                statement.setLong(1, fromId);
                statement.setLong(2, toId);
                statement.setString(3, platform.code());
                try (ResultSet rs = statement.executeQuery()) {
                    String name = rs.next() ? RepositoryRef.of(RepoType.ofCode(rs.getString(2)).orElseThrow(),
                            rs.getString(3)) + " (id " + rs.getLong(1) + ")"
                            : "in ids " + fromId + "–" + (toId - 1);
                    return new InvalidInputException("repository " + name + ": " + column + " is " + value
                            + "; counts cannot be negative (fix or re-import this repository)");
                }
            }
        }
    }

    /** Whether the project holds any repository. */
    public static boolean hasRepositories(Project project) {
        return project.read(connection -> Sql.count(connection,
                SqlText.of("SELECT EXISTS (SELECT 1 FROM repository)")) > 0);
    }

}
