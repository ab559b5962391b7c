package org.divergence.store.repositories;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.divergence.core.common.KeyOrder;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.ImportBatch;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.repositories.RepositoryRef;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.core.repositories.SortKey;
import org.divergence.core.repositories.StoredRepository;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;

/**
 * Reads the repository table for a browsing view of any size: the matching ids in the chosen order (computed once,
 * off the FX thread: 8 bytes per row), then pages of full rows by id, which take a millisecond or two each.
 */
public final class RepositoryBrowser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SqlText SELECT_ROWS = SqlText.of("SELECT id, batch_id, ").append(
            RepositorySql.CANONICAL_SELECT, SqlText.of(", extra FROM repository WHERE "));

    /**
     * Stands for an unknown value in the sort keys: no key comes near it (counts and ranks are small and positive,
     * creation times within years 0-9999 are about ±5·10^11), and as an SQL literal it is an integer.
     */
    private static final long UNKNOWN_KEY = Long.MIN_VALUE + 1;
    /** From this many rows an unfiltered sort reads its keys in two halves at once (see {@link #inHalves}). */
    private static final int IN_HALVES_FROM_ROWS = 200_000;
    /** Reads the upper half of a sort's rows: one daemon thread, started when first needed. */
    private static final Executor UPPER_HALF_READER =
            Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "repositories-sort-upper-half");
                thread.setDaemon(true);
                return thread;
            });

    private final Project project;

    public RepositoryBrowser(Project project) {
        this.project = project;
    }

    /**
     * The ids of the matching repositories, sorted; unknown values sort last in either direction, equal values in
     * import order. Every column but the name is read as a number key in id order and sorted here, stable and in
     * linear time: SQLite's own sort of millions of rows takes seconds. All names come in the key index's order
     * (ADR 0132).
     */
    public long[] order(RepositoryFilter filter, SortKey key, boolean ascending, Progress progress) {
        if (key == SortKey.FULL_NAME && filter.isAll()) {
            return project.read(connection -> byNameInIndexOrder(connection, ascending, progress));
        }
        if (key == SortKey.IMPORT_ORDER || key == SortKey.FULL_NAME) {
            return orderInSqlite(filter, key, ascending, progress);
        }
        RepositorySql where = RepositorySql.where(filter);
        List<String> codes = codesOf(key);
        return project.read(connection -> {
            int capacity = filter.isAll() ? rowCount(connection) : 1024;
            if (filter.isAll() && capacity >= IN_HALVES_FROM_ROWS) {
                Optional<long[]> inHalves = inHalves(connection, key, codes, ascending, capacity, progress);
                if (inHalves.isPresent()) {
                    return inHalves.get();
                }
            }
            KeyedRows rows = new KeyedRows(capacity);
            try (PreparedStatement statement = keyQuery(connection, key, codes, where, SqlText.of(""),
                    SqlText.of(""))) {
                try (ResultSet rs = statement.executeQuery()) {
                    rows.readForwards(rs, true, progress);
                }
            }
            return rows.sorted(ascending, progress);
        });
    }

    /** Every row's order by a column other than the name, read in two halves; empty when they did not agree. */
    Optional<long[]> orderInHalves(SortKey key, boolean ascending, Progress progress) {
        List<String> codes = codesOf(key);
        return project.read(connection -> inHalves(connection, key, codes, ascending, rowCount(connection), progress));
    }

    /**
     * {@code SELECT id, key} of the rows matching {@code where} and {@code range}, in id order (or {@code direction}):
     * unknown values come as a key no value has, so each row costs one call for its key and one for its id (asking
     * whether a value was NULL is another call into the native library per row).
     */
    private static PreparedStatement keyQuery(Connection connection, SortKey key, List<String> codes,
                                              RepositorySql where, SqlText range, SqlText direction)
            throws SQLException {
        PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT id, ifnull(").append(
                sortKeyExpression(key, codes), SqlText.of(", "), SqlText.integer(UNKNOWN_KEY),
                SqlText.of(") FROM repository WHERE "), where.condition(), range, SqlText.of(" ORDER BY id"),
                direction));
        for (int i = 0; i < codes.size(); i++) {
            statement.setString(i + 1, codes.get(i));
        }
        where.bind(statement, codes.size() + 1);
        return statement;
    }

    /**
     * Every row's key read in two halves at once, the lower ids on this connection and the upper ones on a second
     * (the reading, SQLite's and the native calls per row, is most of a sort: two cores nearly halve it). Both halves
     * go into one pair of arrays, the upper one filled from the end, so the sort needs no more memory. Each connection
     * reads its own snapshot: empty when they do not hold the same number of rows (a write committed in between), and
     * the caller reads everything again on this connection. A write that changes values without adding or removing
     * rows can mix two snapshots, as an order read just before that write would be out of date: the view sorts again
     * after every change.
     */
    private Optional<long[]> inHalves(Connection connection, SortKey key, List<String> codes, boolean ascending,
                                      int rows, Progress progress) throws SQLException {
        // Two subqueries: SQLite reads min() or max() alone from the b-tree's ends, but scans for both in one query.
        long[] range = Sql.list(connection, SqlText.of("SELECT (SELECT min(id) FROM repository),"
                        + " (SELECT max(id) FROM repository)"),
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}).get(0);
        long middle = range[0] + (range[1] - range[0] + 1) / 2;
        RepositorySql all = RepositorySql.where(RepositoryFilter.ALL);
        KeyedRows keyed = new KeyedRows(rows);
        CompletableFuture<Boolean> upper = CompletableFuture.supplyAsync(
                () -> project.read(second -> {
                    try (PreparedStatement statement = keyQuery(second, key, codes, all,
                            SqlText.of(" AND id >= ").append(SqlText.integer(middle)), SqlText.of(" DESC"));
                         ResultSet rs = statement.executeQuery()) {
                        return keyed.readBackwards(rs, progress);
                    }
                }), UPPER_HALF_READER);
        boolean lowerFits;
        try (PreparedStatement statement = keyQuery(connection, key, codes, all,
                SqlText.of(" AND id < ").append(SqlText.integer(middle)), SqlText.of(""));
             ResultSet rs = statement.executeQuery()) {
            lowerFits = keyed.readForwards(rs, false, progress);
        } catch (SQLException | RuntimeException e) {
            keyed.stop = true; // the upper half's reader returns at its next row
            throw e;
        }
        boolean upperFits;
        try {
            upperFits = upper.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
        if (!lowerFits || !upperFits || !keyed.joinHalves(rows)) {
            return Optional.empty();
        }
        return Optional.of(keyed.sorted(ascending, progress));
    }

    /**
     * Rows of (id, key) read in id order into arrays of a known size: known keys from the start (forwards) or from
     * the end (backwards, ids descending, so they too end up ascending), unknown ones in their own lists.
     */
    private static final class KeyedRows {
        private long[] ids;
        private long[] keys;
        private final LongList unknownForwards = new LongList();
        private final LongList unknownBackwards = new LongList();
        private int forwards;
        private int backwards;
        volatile boolean stop;

        KeyedRows(int capacity) {
            ids = new long[Math.max(capacity, 16)];
            keys = new long[ids.length];
        }

        /** Reads rows in ascending id order from the start; unless it may grow the arrays, false when they are full. */
        boolean readForwards(ResultSet rs, boolean grow, Progress progress) throws SQLException {
            while (rs.next()) {
                long id = rs.getLong(1);
                long key = rs.getLong(2);
                if (key == UNKNOWN_KEY) {
                    unknownForwards.add(id);
                    continue;
                }
                if (forwards == ids.length) {
                    if (!grow) {
                        return false;
                    }
                    ids = Arrays.copyOf(ids, forwards * 2);
                    keys = Arrays.copyOf(keys, forwards * 2);
                    progress.checkCancelled();
                }
                ids[forwards] = id;
                keys[forwards++] = key;
            }
            progress.checkCancelled();
            return true;
        }

        /** Reads rows in descending id order into the end of the arrays; false when they did not fit. */
        boolean readBackwards(ResultSet rs, Progress progress) throws SQLException {
            int next = ids.length;
            while (rs.next()) {
                long id = rs.getLong(1);
                long key = rs.getLong(2);
                if (key == UNKNOWN_KEY) {
                    unknownBackwards.add(id);
                    continue;
                }
                if (next == 0 || stop) {
                    return false;
                }
                ids[--next] = id;
                keys[next] = key;
                if ((next & 0xFFFF) == 0) {
                    progress.checkCancelled();
                }
            }
            backwards = ids.length - next;
            return true;
        }

        /** True when both halves hold {@code rows} rows together (one snapshot's count); the upper half moved down. */
        boolean joinHalves(int rows) {
            if (forwards + backwards + unknownForwards.size + unknownBackwards.size != rows
                    || forwards + backwards > ids.length) {
                return false;
            }
            System.arraycopy(ids, ids.length - backwards, ids, forwards, backwards);
            System.arraycopy(keys, keys.length - backwards, keys, forwards, backwards);
            forwards += backwards;
            backwards = 0;
            unknownBackwards.reverse();
            unknownForwards.addAll(unknownBackwards);
            return true;
        }

        /** The ids ordered by key (stable, so ties stay in id order), then those of unknown keys in id order. */
        long[] sorted(boolean ascending, Progress progress) {
            int count = forwards;
            if (!ascending) {
                for (int i = 0; i < count; i++) {
                    keys[i] = ~keys[i]; // ~ reverses the order without overflow
                }
            }
            progress.checkCancelled();
            int[] order = KeyOrder.ascending(keys, count);
            long[] sorted = new long[count + unknownForwards.size];
            for (int i = 0; i < count; i++) {
                sorted[i] = ids[order[i]];
            }
            System.arraycopy(unknownForwards.values, 0, sorted, count, unknownForwards.size);
            return sorted;
        }
    }

    /** A growing list of longs (the ids of unknown keys: few, usually). */
    private static final class LongList {
        private long[] values = new long[64];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(LongList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        void reverse() {
            for (int i = 0, j = size - 1; i < j; i++, j--) {
                long swap = values[i];
                values[i] = values[j];
                values[j] = swap;
            }
        }
    }

    /**
     * The number of rows (SQLite counts them from its smallest b-tree in milliseconds, in the same snapshot), so an
     * unfiltered read fills arrays of that size instead of doubling them: each doubling of millions of entries is a
     * large allocation that, in the view's 256 MB, can cost a full collection.
     */
    private static int rowCount(Connection connection) throws SQLException {
        long rows = count(connection, RepositorySql.where(RepositoryFilter.ALL));
        return rows <= Integer.MAX_VALUE - 16 ? (int) rows : 1024;
    }

    /**
     * All repositories by name, ties (one name on both platforms, or of several types) in import order. The key index
     * (full_name, platform, repo_type) lists the names in order without a sort, ties by platform and type; when the
     * names are not all distinct, the ids of the repeated names are read again, by name and id, and put in the places
     * their group has in the index's order. Ordering by name and id at once makes SQLite sort within every name's
     * group, repeated or not: 1.6-2.3 s at study scale.
     */
    private static long[] byNameInIndexOrder(Connection connection, boolean ascending, Progress progress)
            throws SQLException {
        RepositorySql all = RepositorySql.where(RepositoryFilter.ALL);
        SqlText direction = ascending ? SqlText.of(" ASC") : SqlText.of(" DESC");
        long[] ids = readIds(connection, all, SqlText.of("full_name").append(direction, SqlText.of(", platform"),
                direction, SqlText.of(", repo_type"), direction), SqlText.of(""), rowCount(connection), progress);
        progress.checkCancelled();
        long names = Sql.count(connection, SqlText.of("SELECT count(DISTINCT full_name) FROM repository"));
        if (names == ids.length) {
            return ids;
        }
        progress.checkCancelled();
        long[] groups = readIds(connection, all, SqlText.of("full_name").append(direction, SqlText.of(", id")),
                SqlText.of(" AND full_name IN (SELECT full_name FROM repository GROUP BY full_name HAVING count(*) > 1)"),
                1024, progress);
        return withGroupsReplaced(ids, groups);
    }

    /**
     * The ids in {@code order} with the members of {@code groups} replaced, place after place, by {@code groups} in
     * its own order. Both list the same groups in the same order, each group's members next to each other, so each
     * group takes exactly the places its members had.
     */
    static long[] withGroupsReplaced(long[] order, long[] groups) {
        long[] members = groups.clone();
        Arrays.sort(members);
        long[] result = order.clone();
        int next = 0;
        for (int i = 0; i < result.length && next < groups.length; i++) {
            if (Arrays.binarySearch(members, result[i]) >= 0) {
                result[i] = groups[next++];
            }
        }
        if (next != groups.length) {
            throw new IllegalStateException("the repeated names' ids are not all in the order");
        }
        return result;
    }

    /** The same order by SQLite's ORDER BY alone: what {@code bench repositories} compares the sort with. */
    public long[] orderInSqlite(RepositoryFilter filter, SortKey key, boolean ascending, Progress progress) {
        RepositorySql where = RepositorySql.where(filter);
        SqlText direction = ascending ? SqlText.of(" ASC") : SqlText.of(" DESC");
        SqlText orderBy = key == SortKey.IMPORT_ORDER ? SqlText.of("id").append(direction)
                : SqlText.identifier(key.column()).append(direction, SqlText.of(" NULLS LAST, id"));
        return project.read(connection -> readIds(connection, where, orderBy, progress));
    }

    private static long[] readIds(Connection connection, RepositorySql where, SqlText orderBy, Progress progress)
            throws SQLException {
        return readIds(connection, where, orderBy, SqlText.of(""), 1024, progress);
    }

    private static long[] readIds(Connection connection, RepositorySql where, SqlText orderBy, SqlText andAlso,
                                  int capacity, Progress progress) throws SQLException {
        long[] ids = new long[Math.max(capacity, 16)];
        int count = 0;
        try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT id FROM repository WHERE ")
                .append(where.condition(), andAlso, SqlText.of(" ORDER BY "), orderBy))) {
            where.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (count == ids.length) {
                        ids = Arrays.copyOf(ids, ids.length * 2);
                        progress.checkCancelled();
                    }
                    ids[count++] = rs.getLong(1);
                }
            }
        }
        return count == ids.length ? ids : Arrays.copyOf(ids, count);
    }

    /** The column as an integer that sorts as it does: text columns of a few known values become their rank. */
    private static SqlText sortKeyExpression(SortKey key, List<String> codes) {
        if (key == SortKey.CREATED_AT) {
            // A date sorts before the same day's midnight instant, as in text order. octet_length reads the size
            // from the record; length counts characters (the values are ASCII: the same here, and cheaper).
            return SqlText.of("unixepoch(created_at) * 2 + (octet_length(created_at) > 10)");
        }
        if (codes.isEmpty()) {
            return SqlText.identifier(key.column());
        }
        SqlText rank = SqlText.of("CASE ").append(SqlText.identifier(key.column()));
        for (int i = 0; i < codes.size(); i++) {
            rank = rank.append(SqlText.of(" WHEN ? THEN "), SqlText.integer(i));
        }
        return rank.append(SqlText.of(" END"));
    }

    /** The stored values of a text column with a fixed set of values, in text order; empty for other columns. */
    private static List<String> codesOf(SortKey key) {
        return switch (key) {
            case PLATFORM -> Arrays.stream(Platform.values()).map(Platform::code).sorted().toList();
            case REPO_TYPE -> Arrays.stream(RepoType.values()).map(RepoType::code).sorted().toList();
            default -> List.of();
        };
    }

    public long total() {
        return project.read(connection -> Sql.count(connection, SqlText.of("SELECT count(*) FROM repository")));
    }

    /** The repositories with these ids, in the given order (ids that no longer exist are left out). */
    public List<StoredRepository> fetch(long[] ids, int from, int to) {
        int size = to - from;
        if (size <= 0) {
            return List.of();
        }
        return project.read(connection -> {
            Map<Long, StoredRepository> byId = new HashMap<>();
            try (PreparedStatement statement = Sql.prepare(connection, SELECT_ROWS.append(SqlText.of("id IN ("),
                    SqlText.placeholders(size), SqlText.of(")")))) {
                for (int i = 0; i < size; i++) {
                    statement.setLong(i + 1, ids[from + i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        StoredRepository repository = read(rs);
                        byId.put(repository.id(), repository);
                    }
                }
            }
            List<StoredRepository> page = new ArrayList<>(size);
            for (int i = from; i < to; i++) {
                StoredRepository repository = byId.get(ids[i]);
                if (repository != null) {
                    page.add(repository);
                }
            }
            return page;
        });
    }

    public Optional<StoredRepository> find(RepositoryRef ref) {
        return project.read(connection -> {
            Optional<RepositoryRefs.Found> found = RepositoryRefs.find(connection, ref);
            if (found.isEmpty()) {
                return Optional.<StoredRepository>empty();
            }
            try (PreparedStatement statement = Sql.prepare(connection, SELECT_ROWS.append(SqlText.of("id = ?")))) {
                statement.setLong(1, found.get().id());
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<StoredRepository>empty();
                }
            }
        });
    }

    /** The batch a repository's values came from. */
    public Optional<ImportBatch> batchOf(StoredRepository repository) {
        return ImportBatches.find(project, repository.batchId());
    }

    static StoredRepository read(ResultSet rs) throws SQLException {
        Platform platform = Platform.ofCode(rs.getString(3)).orElseThrow();
        RepoType type = RepoType.ofCode(rs.getString(4)).orElseThrow();
        RepositoryRow row = new RepositoryRow(platform, type, rs.getString(5)).createdAt(rs.getString(6));
        CountColumn[] columns = CountColumn.values();
        for (int i = 0; i < columns.length; i++) {
            long value = rs.getLong(7 + i);
            if (!rs.wasNull()) {
                row.count(columns[i], value);
            }
        }
        String extra = rs.getString(7 + columns.length);
        if (extra != null) {
            try {
                Map<String, Object> fields = JSON.readValue(extra, new TypeReference<LinkedHashMap<String, Object>>() {
                });
                fields.forEach(row::putExtra);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                row.putExtra("extra", extra);
            }
        }
        return new StoredRepository(rs.getLong(1), rs.getLong(2), row);
    }

    /** Used by views that need a Connection-free way to count matching rows without materialising ids. */
    public long count(RepositoryFilter filter) {
        RepositorySql where = RepositorySql.where(filter);
        return project.read(connection -> count(connection, where));
    }

    private static long count(Connection connection, RepositorySql where) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection,
                SqlText.of("SELECT count(*) FROM repository WHERE ").append(where.condition()))) {
            where.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
