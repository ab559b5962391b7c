package org.divergence.store.repositories;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.divergence.core.repositories.BaseModels;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;

/**
 * Counts the derivatives of Hugging Face models in SQLite, for a Hub snapshot that has no count of its own: while
 * an import stores its models, each model's base models go into a temporary table (one row per base it names); once
 * every file of the import is stored, each model of the counting batches gets as derivatives the number of distinct
 * models of the import that name it, by any relation, and per relation (finetune, adapter, quantized, merge) as
 * extras {@code derivatives_finetune} … on the models that have any. Inside the import's transaction throughout.
 */
public final class DerivativeCounts implements AutoCloseable {

    private static final int ROWS_PER_STATEMENT = 256;
    private static final SqlText INSERT = SqlText.of("INSERT INTO temp.import_base_model (base, relation, child)"
            + " VALUES ");

    private final Connection connection;
    private final List<String[]> pending = new ArrayList<>(ROWS_PER_STATEMENT);
    private PreparedStatement full;
    private long links;

    private DerivativeCounts(Connection connection) {
        this.connection = connection;
    }

    public static DerivativeCounts open(Connection connection) throws SQLException {
        Sql.execute(connection, SqlText.of("DROP TABLE IF EXISTS temp.import_base_model"));
        Sql.execute(connection, SqlText.of("CREATE TEMP TABLE import_base_model (base TEXT NOT NULL, relation TEXT,"
                + " child TEXT NOT NULL)"));
        return new DerivativeCounts(connection);
    }

    /** Records the base models a model row names (nothing when it names none). */
    public void add(RepositoryRow row) throws SQLException {
        BaseModels base = row.baseModels();
        if (base == null) {
            return;
        }
        for (String model : base.models().size() < 2 ? base.models() : base.models().stream().distinct().toList()) {
            pending.add(new String[] {model, base.relation(), row.fullName()});
            if (pending.size() == ROWS_PER_STATEMENT) {
                if (full == null) {
                    full = Sql.prepare(connection, insert(ROWS_PER_STATEMENT));
                }
                flush(full);
            }
        }
    }

    /** How many (base, child) links were recorded. */
    public long links() {
        return links;
    }

    /**
     * Sets derivatives of the models of {@code batchIds} (whose rows were stored with 0) from the recorded links;
     * returns how many models have at least one derivative.
     */
    public long apply(List<Long> batchIds) throws SQLException {
        if (!pending.isEmpty()) {
            try (PreparedStatement rest = Sql.prepare(connection, insert(pending.size()))) {
                flush(rest);
            }
        }
        if (batchIds.isEmpty() || links == 0) {
            return 0;
        }
        // Distinct children (a model the import holds twice counts once); per relation the links themselves, which
        // are distinct unless the import holds a model twice.
        Sql.execute(connection, SqlText.of("CREATE TEMP TABLE import_derivatives AS SELECT base,"
                + " count(DISTINCT child) AS n, count(*) FILTER (WHERE relation = 'finetune') AS finetune,"
                + " count(*) FILTER (WHERE relation = 'adapter') AS adapter,"
                + " count(*) FILTER (WHERE relation = 'quantized') AS quantized,"
                + " count(*) FILTER (WHERE relation = 'merge') AS merge"
                + " FROM temp.import_base_model WHERE base <> child GROUP BY base"));
        // The models whose count changes leave the metric summary with their old count and come back with the new.
        SqlText counted = SqlText.of("platform = 'huggingface' AND repo_type = 'model' AND full_name IN (SELECT base"
                + " FROM temp.import_derivatives) AND batch_id IN (").append(SqlText.placeholders(batchIds.size()),
                SqlText.of(")"));
        Object[] batches = batchIds.toArray();
        try {
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

    private void flush(PreparedStatement statement) throws SQLException {
        int parameter = 0;
        for (String[] link : pending) {
            statement.setString(++parameter, link[0]);
            statement.setString(++parameter, link[1]);
            statement.setString(++parameter, link[2]);
        }
        statement.executeUpdate();
        links += pending.size();
        pending.clear();
    }

    private static SqlText insert(int rows) {
        List<SqlText> tuples = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            tuples.add(SqlText.of("(?, ?, ?)"));
        }
        return INSERT.append(SqlText.join(SqlText.of(", "), tuples));
    }

    @Override
    public void close() throws SQLException {
        try {
            if (full != null) {
                full.close();
            }
        } finally {
            Sql.execute(connection, SqlText.of("DROP TABLE IF EXISTS temp.import_base_model"));
        }
    }
}
