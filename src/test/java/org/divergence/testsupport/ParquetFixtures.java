package org.divergence.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes Parquet fixtures with DuckDB (a test dependency only): {@code COPY (query) TO 'file' (FORMAT parquet …)},
 * with 1 MiB data pages as pyarrow and Spark write them unless a test asks for DuckDB's default (one page per
 * column chunk). Also answers questions about a file with DuckDB, as an independent reference.
 */
public final class ParquetFixtures {

    /** pyarrow's and Spark's data page size. */
    public static final long PAGE_BYTES = 1_048_576;

    private ParquetFixtures() {
    }

    /** For bench/parquet-import.sh: {@code OUT.parquet ROWS} writes a Hub models snapshot of ROWS models. */
    public static void main(String[] args) {
        Path out = Path.of(args[0]).toAbsolutePath();
        long rows = Long.parseLong(args[1]);
        long start = System.nanoTime();
        write(out, hubModels(rows));
        long[] pages = pages(out);
        System.out.printf("wrote %,d Hub models to %s (%,d bytes, %,d column chunks, largest %,d bytes"
                + " uncompressed) in %.1f s%n", rows, out, out.toFile().length(), pages[0], pages[1],
                (System.nanoTime() - start) / 1e9);
    }

    /** Writes the query's rows as one row group; {@code pageBytes} 0 keeps DuckDB's default pages. */
    public static Path write(Path file, String query, String compression, long pageBytes) {
        execute("COPY (" + query + ") TO '" + file + "' (FORMAT parquet, COMPRESSION " + compression
                + ", ROW_GROUP_SIZE 100000000, ROW_GROUP_SIZE_BYTES '100GB'"
                + (pageBytes > 0 ? ", DATA_PAGE_SIZE_LIMIT " + pageBytes : "") + ")");
        return file;
    }

    public static Path write(Path file, String query) {
        return write(file, query, "zstd", PAGE_BYTES);
    }

    /**
     * A Hugging Face models snapshot of {@code rows} models as the Hub's own Parquet has them: id, author, createdAt
     * (a UTC timestamp; every 50th the Hub's "unknown" placeholder), downloads, downloadsAllTime, likes,
     * pipeline_tag, library_name (some null), five tags (two unique per row, so the column is not dictionary
     * encoded), and baseModels {relation, models: [{id}]}: null for 70 %, else one or two models of the same
     * snapshot (the first {@code min(rows, 1000)} models are the bases), relations cycling through the four.
     */
    public static String hubModels(long rows) {
        long bases = Math.min(rows, 1000);
        return """
            SELECT
              'org' || (i % 6000) || '/model-' || i AS id,
              'org' || (i % 6000) AS author,
              CASE WHEN i % 50 = 7 THEN TIMESTAMPTZ '2022-03-02 23:29:04+00'
                   ELSE TIMESTAMPTZ '2020-01-01 00:00:00+00' + to_seconds((i * 37) % 170000000) END AS createdAt,
              ((i * 7919) % 1000003)::BIGINT AS downloads,
              ((i * 104729) % 10000019)::BIGINT AS downloadsAllTime,
              ((i * 31) % 5003)::BIGINT AS likes,
              (['text-generation','text-classification','image-classification','automatic-speech-recognition',
                'token-classification','fill-mask', NULL])[1 + (i % 7)] AS pipeline_tag,
              (['transformers','diffusers','sentence-transformers','timm','peft', NULL])[1 + (i % 6)] AS library_name,
              [ (['transformers','diffusers','gguf','safetensors','pytorch'])[1 + (i % 5)],
                'license:' || (['apache-2.0','mit','cc-by-4.0','other','llama3'])[1 + (i % 5)],
                'region:us',
                'base_model:finetune:org' || ((i * 13) % 6000) || '/model-' || ((i * 17) % 100000),
                'dataset:org' || ((i * 3) % 6000) || '/ds-' || ((i * 7) % 200000) ] AS tags,
              CASE WHEN i % 10 < 7 THEN NULL
                   ELSE {'relation': (['finetune','adapter','quantized','merge'])[1 + (i % 4)],
                         'models': CASE WHEN i % 4 = 3
                             THEN [{'id': 'org' || (((i * 7) % BASES) % 6000) || '/model-' || ((i * 7) % BASES)},
                                   {'id': 'org' || (((i * 11) % BASES) % 6000) || '/model-' || ((i * 11) % BASES)}]
                             ELSE [{'id': 'org' || (((i * 7) % BASES) % 6000) || '/model-' || ((i * 7) % BASES)}]
                             END}
              END AS baseModels
            FROM range(ROWS) t(i)
            """.replace("ROWS", Long.toString(rows)).replace("BASES", Long.toString(bases));
    }

    /**
     * DuckDB's count of the derivatives in a models snapshot: for each model named as a base, the number of
     * distinct models naming it (any relation, itself excluded), by id; {@code where} picks the bases.
     */
    public static Map<String, Long> derivatives(Path file, String where) {
        Map<String, Long> counts = new LinkedHashMap<>();
        query("SELECT base, count(DISTINCT id) FROM (SELECT id, unnest(baseModels.models).id AS base FROM '"
                + file + "' WHERE baseModels IS NOT NULL) WHERE base <> id AND (" + where + ") GROUP BY base"
                + " ORDER BY base", rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    /** The number of data pages DuckDB reports for a file, and the largest page's uncompressed size. */
    public static long[] pages(Path file) {
        long[] result = new long[2];
        query("SELECT count(*), max(total_uncompressed_size) FROM parquet_metadata('" + file + "')", rs -> {
            result[0] = rs.getLong(1);
            result[1] = rs.getLong(2);
        });
        return result;
    }

    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    public static void query(String sql, RowConsumer consumer) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                consumer.accept(rs);
            }
        } catch (SQLException e) {
            throw new AssertionError("DuckDB: " + e.getMessage() + "\n" + sql, e);
        }
    }

    public static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("DuckDB: " + e.getMessage() + "\n" + sql, e);
        }
    }

    private static Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET threads = 2");
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("SET preserve_insertion_order = true");
        }
        return connection;
    }

    /**
     * A file kept between runs in target/ (generating a large one takes seconds): written once, then reused; its
     * name carries the query's hash, so a changed query writes a new file.
     */
    public static Path cached(String name, String query, String compression) throws Exception {
        Path folder = Path.of("target", "parquet-fixtures").toAbsolutePath();
        Files.createDirectories(folder);
        Path file = folder.resolve(name + "-" + compression + "-" + Integer.toHexString(query.hashCode())
                + ".parquet");
        if (!Files.exists(file)) {
            Path partial = folder.resolve(name + ".partial");
            Files.deleteIfExists(partial);
            write(partial, query, compression, PAGE_BYTES);
            Files.move(partial, file);
        }
        return file;
    }
}
