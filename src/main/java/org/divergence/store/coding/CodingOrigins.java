package org.divergence.store.coding;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.divergence.core.coding.Coder;
import org.divergence.core.coding.CodingOrigin;
import org.divergence.core.common.InvalidInputException;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.undo.ChangeRecorder;
import org.divergence.store.undo.ProjectCommand;
import org.divergence.store.undo.Tables;

/** Codings a model had a part in: accepting a suggestion, and the model coding as a coder of its own (ADR 0122). */
public final class CodingOrigins {

    /** A passage to code with the model's score for it. */
    public record Scored(CodingStore.Range range, double score) {
    }

    private final Project project;

    public CodingOrigins(Project project) {
        this.project = project;
    }

    /** The origins of a transcript's codings that a model had a part in, by coding id. */
    public Map<Long, CodingOrigin> ofTranscript(long transcriptId) {
        return project.read(connection -> ofTranscript(connection, transcriptId));
    }

    public static Map<Long, CodingOrigin> ofTranscript(Connection connection, long transcriptId)
            throws SQLException {
        Map<Long, CodingOrigin> origins = new HashMap<>();
        for (CodingOrigin origin : Sql.list(connection, SqlText.of("SELECT o.coding_id, o.kind, o.model, o.score,"
                + " o.made_at FROM coding_origin o JOIN coding g ON g.id = o.coding_id WHERE g.transcript_id = ?"),
                rs -> new CodingOrigin(rs.getLong(1), CodingOrigin.Kind.fromStored(rs.getString(2)),
                        rs.getString(3), rs.getDouble(4), rs.getString(5)), transcriptId)) {
            origins.put(origin.codingId(), origin);
        }
        return origins;
    }

    /** The codings of a code a person made (not the model as a coder): the examples suggestions start from. */
    public static List<CodingStore.Range> personCodings(Connection connection, long codeId) throws SQLException {
        return Sql.list(connection, SqlText.of("SELECT g.transcript_id, g.start_cp, g.end_cp FROM coding g LEFT JOIN"
                        + " coding_origin o ON o.coding_id = g.id WHERE g.code_id = ? AND (o.kind IS NULL OR o.kind <>"
                        + " 'machine') ORDER BY g.transcript_id, g.start_cp, g.end_cp"),
                rs -> new CodingStore.Range(rs.getLong(1), rs.getInt(2), rs.getInt(3)), codeId);
    }

    /** Accepts a suggestion: a coding by the person, recording the model, its score and the time. Undoable. */
    public ProjectCommand<Long> accept(CodingStore.Range range, long codeId, long coderId, String codeName,
                                       String model, double score) {
        return new ProjectCommand<>(project, "accept suggestion for \u201C" + codeName + "\u201D",
                EnumSet.of(DataArea.CODINGS), (connection, recorder) -> {
                    long id = CodingStore.insert(connection, recorder, range, codeId, coderId, null, null);
                    insertOrigin(connection, recorder, id, CodingOrigin.Kind.SUGGESTED, model, score);
                    return id;
                });
    }

    /**
     * Replaces the model-as-coder's codings of a code with {@code passages}, all marked machine-made: one undo step.
     * Refused when the coder holds a person's codings, so that machine codings never mix with a person's.
     */
    public ProjectCommand<Integer> replaceMachineCodings(long codeId, String codeName, Coder coder,
                                                         List<Scored> passages, String model) {
        List<Scored> copy = List.copyOf(passages);
        long coderId = coder.id();
        String coderName = coder.name();
        return new ProjectCommand<>(project, "code \u201C" + codeName + "\u201D automatically as " + coderName,
                EnumSet.of(DataArea.CODINGS), (connection, recorder) -> {
                    if (Sql.count(connection, SqlText.of("SELECT count(*) FROM coding g LEFT JOIN coding_origin o ON"
                            + " o.coding_id = g.id AND o.kind = 'machine' WHERE g.coder_id = ? AND o.coding_id IS"
                            + " NULL"), coderId) > 0) {
                        throw new InvalidInputException("--coder " + coderName + " holds codings made by a person;"
                                + " choose another name for the model (e.g. model), so that machine codings never mix"
                                + " with a person's");
                    }
                    for (long old : Sql.list(connection, SqlText.of("SELECT id FROM coding WHERE coder_id = ? AND"
                            + " code_id = ?"), rs -> rs.getLong(1), coderId, codeId)) {
                        recorder.touch(Tables.CODING, old);
                        Sql.update(connection, SqlText.of("DELETE FROM coding WHERE id = ?"), old);
                    }
                    for (Scored passage : copy) {
                        long id = CodingStore.insert(connection, recorder, passage.range(), codeId, coderId, null,
                                null);
                        insertOrigin(connection, recorder, id, CodingOrigin.Kind.MACHINE, model, passage.score());
                    }
                    return copy.size();
                });
    }

    private static void insertOrigin(Connection connection, ChangeRecorder recorder, long codingId,
                                     CodingOrigin.Kind kind, String model, double score) throws SQLException {
        Sql.update(connection, SqlText.of("INSERT INTO coding_origin (coding_id, kind, model, score, made_at)"
                + " VALUES (?, ?, ?, ?, ?)"), codingId, kind.stored(), model, score, Sql.now());
        recorder.inserted(Tables.CODING_ORIGIN, codingId);
    }
}
