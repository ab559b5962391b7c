package org.divergence.store.repositories;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.divergence.core.repositories.BaseModels;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;

/**
 * Counts the derivatives of Hugging Face models in SQLite, for a Hub snapshot that has no count of its own: while
 * an import reads its models, each model's base models go into a table of links (one row per base it names); once
 * every file of the import is stored, each model of the counting batches gets as derivatives the number of distinct
 * models of the import that name it, by any relation, and per relation (finetune, adapter, quantized, merge) as
 * extras {@code derivatives_finetune} … on the models that have any.
 *
 * <p>The links live in a private temporary database of their own (SQLite's {@code jdbc:sqlite:}, a file that
 * disappears when closed), not in the project: they are recorded by the import's READING thread, which waits for
 * the project's writer anyway, so the writer binds no link and the links are grouped outside its transaction
 * (docs/decisions/0115). The last file's reader also groups them ({@link #group}), while the writer builds the
 * key index; only the counts, one row per model named as a base, go into the project's transaction.
 * {@link #add} is called by one thread at a time (each file's reader in turn), {@link #apply} after they ended.
 */
public final class DerivativeCounts implements AutoCloseable {

    private static final int ROWS_PER_STATEMENT = 256;
    private static final int COUNTS_PER_STATEMENT = 128;
    private static final SqlText INSERT = SqlText.of("INSERT INTO link (base, relation, child) VALUES ");
    private static final SqlText INSERT_COUNTS = SqlText.of("INSERT INTO temp.import_derivatives (base, n, finetune,"
            + " adapter, quantized, merge) VALUES ");

    private final Connection links;
    private final List<String[]> pending = new ArrayList<>(ROWS_PER_STATEMENT);
    private PreparedStatement full;
    private long recorded;
    private boolean grouped;

    private DerivativeCounts(Connection links) {
        this.links = links;
    }

    /** A new, empty set of links in a private temporary database (nothing is written to the project). */
    public static DerivativeCounts open() throws SQLException {
        Connection links = DriverManager.getConnection("jdbc:sqlite:");
        try {
            Sql.execute(links, SqlText.of("CREATE TABLE link (base TEXT NOT NULL, relation TEXT, child TEXT NOT NULL)"));
            links.setAutoCommit(false);
            return new DerivativeCounts(links);
        } catch (SQLException | RuntimeException e) {
            links.close();
            throw e;
        }
    }

    /** Records the base models a model row names (nothing when it names none). */
    public void add(RepositoryRow row) throws SQLException {
        if (grouped) {
            throw new IllegalStateException("the links were grouped already");
        }
        BaseModels base = row.baseModels();
        if (base == null) {
            return;
        }
        for (String model : base.models().size() < 2 ? base.models() : base.models().stream().distinct().toList()) {
            pending.add(new String[] {model, base.relation(), row.fullName()});
            if (pending.size() == ROWS_PER_STATEMENT) {
                if (full == null) {
                    full = Sql.prepare(links, insert(ROWS_PER_STATEMENT));
                }
                flush(full);
            }
        }
    }

    /** How many (base, child) links were recorded. */
    public long links() {
        return recorded + pending.size();
    }

    /**
     * Sets derivatives of the models of {@code batchIds} (whose rows were stored with 0) from the recorded links,
     * within the project's transaction on {@code connection}; returns how many models have at least one derivative.
     */
    public long apply(Connection connection, List<Long> batchIds) throws SQLException {
        group();
        if (batchIds.isEmpty() || recorded == 0) {
            return 0;
        }
        Sql.execute(connection, SqlText.of("DROP TABLE IF EXISTS temp.import_derivatives"));
        Sql.execute(connection, SqlText.of("CREATE TEMP TABLE import_derivatives (base TEXT NOT NULL, n INTEGER,"
                + " finetune INTEGER, adapter INTEGER, quantized INTEGER, merge INTEGER)"));
        try {
            copyCounts(connection);
            // The models whose count changes leave the metric summary with their old count and come back with the new.
            SqlText counted = SqlText.of("platform = 'huggingface' AND repo_type = 'model' AND full_name IN (SELECT"
                    + " base FROM temp.import_derivatives) AND batch_id IN (").append(
                    SqlText.placeholders(batchIds.size()), SqlText.of(")"));
            Object[] batches = batchIds.toArray();
            MetricSummaries.Change summary = MetricSummaries.Change.begin(connection)
                    .remove(SqlText.of("repository"), counted, batches);
            long updated = Sql.update(connection, SqlText.of("UPDATE repository SET derivatives = d.n,"
                    + " extra = json_patch(coalesce(extra, '{}'), json_object('derivatives_finetune', d.finetune,"
                    + " 'derivatives_adapter', d.adapter, 'derivatives_quantized', d.quantized, 'derivatives_merge',"
                    + " d.merge)) FROM temp.import_derivatives d WHERE repository.full_name = d.base"
                    + " AND repository.platform = 'huggingface' AND repository.repo_type = 'model'"
                    + " AND repository.batch_id IN (").append(SqlText.placeholders(batchIds.size()),
                    SqlText.of(")")), batches);
            summary.add(counted, batches).apply();
            return updated;
        } finally {
            Sql.execute(connection, SqlText.of("DROP TABLE temp.import_derivatives"));
        }
    }

    /**
     * Groups the links by base, in the private database: once every link is recorded (by the last file's reader,
     * when its rows are handed over; otherwise by {@link #apply}). Distinct children (a model the import holds twice
     * counts once); per relation the links themselves, which are distinct unless the import holds a model twice.
     */
    public synchronized void group() throws SQLException {
        if (grouped) {
            return;
        }
        if (!pending.isEmpty()) {
            try (PreparedStatement rest = Sql.prepare(links, insert(pending.size()))) {
                flush(rest);
            }
        }
        if (recorded > 0) {
            Sql.execute(links, SqlText.of("CREATE TABLE counts AS SELECT base, count(DISTINCT child) AS n,"
                    + " count(*) FILTER (WHERE relation = 'finetune') AS finetune,"
                    + " count(*) FILTER (WHERE relation = 'adapter') AS adapter,"
                    + " count(*) FILTER (WHERE relation = 'quantized') AS quantized,"
                    + " count(*) FILTER (WHERE relation = 'merge') AS merge"
                    + " FROM link WHERE base <> child GROUP BY base"));
        }
        grouped = true;
    }

    /** Copies the grouped counts into the project's temporary table. */
    private void copyCounts(Connection connection) throws SQLException {
        List<Object[]> rows = new ArrayList<>(COUNTS_PER_STATEMENT);
        try (PreparedStatement counts = Sql.prepare(links, SqlText.of("SELECT base, n, finetune, adapter, quantized,"
                + " merge FROM counts"));
             ResultSet rs = counts.executeQuery();
             PreparedStatement full = Sql.prepare(connection, insertCounts(COUNTS_PER_STATEMENT))) {
            while (rs.next()) {
                rows.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6)});
                if (rows.size() == COUNTS_PER_STATEMENT) {
                    bindCounts(full, rows);
                }
            }
            if (!rows.isEmpty()) {
                try (PreparedStatement rest = Sql.prepare(connection, insertCounts(rows.size()))) {
                    bindCounts(rest, rows);
                }
            }
        }
    }

    private static void bindCounts(PreparedStatement statement, List<Object[]> rows) throws SQLException {
        int parameter = 0;
        for (Object[] row : rows) {
            for (Object value : row) {
                statement.setObject(++parameter, value);
            }
        }
        statement.executeUpdate();
        rows.clear();
    }

    private void flush(PreparedStatement statement) throws SQLException {
        int parameter = 0;
        for (String[] link : pending) {
            statement.setString(++parameter, link[0]);
            statement.setString(++parameter, link[1]);
            statement.setString(++parameter, link[2]);
        }
        statement.executeUpdate();
        recorded += pending.size();
        pending.clear();
    }

    private static SqlText insert(int rows) {
        return INSERT.append(tuples(rows, SqlText.of("(?, ?, ?)")));
    }

    private static SqlText insertCounts(int rows) {
        return INSERT_COUNTS.append(tuples(rows, SqlText.of("(?, ?, ?, ?, ?, ?)")));
    }

    private static SqlText tuples(int rows, SqlText tuple) {
        List<SqlText> tuples = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            tuples.add(tuple);
        }
        return SqlText.join(SqlText.of(", "), tuples);
    }

    /** Forgets the links: the private database is deleted. */
    @Override
    public synchronized void close() throws SQLException {
        try {
            if (full != null) {
                full.close();
            }
        } finally {
            links.close();
        }
    }
}
