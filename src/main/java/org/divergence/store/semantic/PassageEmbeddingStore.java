package org.divergence.store.semantic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.divergence.core.semantic.PassageIndex;
import org.divergence.core.semantic.PassageSpan;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;

/**
 * The project's cache of passage vectors (ADR 0121): per transcript, the text hash and model fingerprint they were
 * computed from, and each passage's vector as little-endian float32. Never exported; rebuilt when missing or stale.
 */
public final class PassageEmbeddingStore {

    /** A transcript whose vectors are missing or were computed from another text or model. */
    public record Stale(long transcriptId, String name, String contentSha256) {
    }

    /** The cached passages with their vectors, in document order. */
    public record Cached(List<PassageIndex.Entry> entries, List<float[]> vectors) {
    }

    private PassageEmbeddingStore() {
    }

    public static List<Stale> stale(Connection connection, String fingerprint) throws SQLException {
        return Sql.list(connection, SqlText.of("SELECT t.id, t.name, t.content_sha256 FROM transcript t LEFT JOIN"
                        + " passage_embedding_source s ON s.transcript_id = t.id AND s.content_sha256 ="
                        + " t.content_sha256 AND s.fingerprint = ? WHERE s.transcript_id IS NULL ORDER BY t.id"),
                rs -> new Stale(rs.getLong(1), rs.getString(2), rs.getString(3)), fingerprint);
    }

    /** Replaces a transcript's vectors with {@code vectors.get(i)} for {@code passages.get(i)}. */
    public static void replace(Connection connection, Stale transcript, String fingerprint, List<PassageSpan> passages,
                               List<float[]> vectors) throws SQLException {
        Sql.update(connection, SqlText.of("DELETE FROM passage_embedding_source WHERE transcript_id = ?"),
                transcript.transcriptId());
        Sql.update(connection, SqlText.of("INSERT INTO passage_embedding_source (transcript_id, content_sha256,"
                        + " fingerprint, computed_at) VALUES (?, ?, ?, ?)"), transcript.transcriptId(),
                transcript.contentSha256(), fingerprint, Sql.now());
        try (PreparedStatement insert = Sql.prepare(connection, SqlText.of("INSERT INTO passage_embedding"
                + " (transcript_id, start_cp, end_cp, vector) VALUES (?, ?, ?, ?)"))) {
            for (int i = 0; i < passages.size(); i++) {
                insert.setLong(1, transcript.transcriptId());
                insert.setInt(2, passages.get(i).start());
                insert.setInt(3, passages.get(i).end());
                insert.setBytes(4, encode(vectors.get(i)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The vectors computed with {@code fingerprint} from each transcript's current text. */
    public static Cached load(Connection connection, String fingerprint) throws SQLException {
        List<PassageIndex.Entry> entries = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        Sql.list(connection, SqlText.of("SELECT e.transcript_id, e.start_cp, e.end_cp, e.vector FROM passage_embedding e"
                + " JOIN passage_embedding_source s ON s.transcript_id = e.transcript_id JOIN transcript t ON t.id ="
                + " e.transcript_id AND t.content_sha256 = s.content_sha256 WHERE s.fingerprint = ?"
                + " ORDER BY e.transcript_id, e.start_cp"), rs -> {
                    entries.add(new PassageIndex.Entry(rs.getLong(1), rs.getInt(2), rs.getInt(3)));
                    vectors.add(decode(rs.getBytes(4)));
                    return null;
                }, fingerprint);
        return new Cached(entries, vectors);
    }

    /** Changes whenever the usable cache does (vectors added, recomputed, or dropped with their transcript). */
    public static String signature(Connection connection, String fingerprint) throws SQLException {
        return Sql.list(connection, SqlText.of("SELECT count(*) || ':' || total(s.transcript_id) || ':' ||"
                + " coalesce(max(s.computed_at), '') FROM passage_embedding_source s JOIN transcript t ON t.id ="
                + " s.transcript_id AND t.content_sha256 = s.content_sha256 WHERE s.fingerprint = ?"),
                rs -> rs.getString(1), fingerprint).getFirst();
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
