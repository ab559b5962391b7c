package org.divergence.store.coding;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.divergence.core.agreement.CodedRange;
import org.divergence.core.coding.Coder;
import org.divergence.core.coding.Coding;
import org.divergence.core.common.InvalidInputException;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.undo.ChangeRecorder;
import org.divergence.store.undo.ProjectCommand;
import org.divergence.store.undo.Tables;

/** Reads codings and coders, and makes the commands that apply and remove codes. */
public final class CodingStore {

    /** A range of a transcript to code, in code points, end exclusive. */
    public record Range(long transcriptId, int start, int end) {
    }

    private static final EnumSet<DataArea> CODINGS = EnumSet.of(DataArea.CODINGS);
    private static final String CODING_COLUMNS =
            "id, guid, transcript_id, code_id, coder_id, start_cp, end_cp, created_at";

    private final Project project;

    public CodingStore(Project project) {
        this.project = project;
    }

    public List<Coding> codings(long transcriptId) {
        return project.read(connection -> codings(connection, transcriptId));
    }

    public static List<Coding> codings(Connection connection, long transcriptId) throws SQLException {
        return Sql.list(connection,
                SqlText.of("SELECT " + CODING_COLUMNS + " FROM coding WHERE transcript_id = ? ORDER BY"
                        + " start_cp, end_cp, id"), CodingStore::coding, transcriptId);
    }

    public List<Coding> allCodings() {
        return project.read(connection -> Sql.list(connection, SqlText.of("SELECT " + CODING_COLUMNS
                + " FROM coding ORDER BY transcript_id, start_cp, end_cp, id"), CodingStore::coding));
    }

    static Coding coding(ResultSet rs) throws SQLException {
        return new Coding(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getInt(6),
                rs.getInt(7), rs.getString(8));
    }

    public List<Coder> coders() {
        return project.read(CodingStore::coders);
    }

    static List<Coder> coders(Connection connection) throws SQLException {
        return Sql.list(connection, SqlText.of("SELECT id, guid, name FROM coder ORDER BY name COLLATE NOCASE"),
                rs -> new Coder(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /** The coder with this name, created (outside the undo history: a name is harmless) if new. */
    public Coder ensureCoder(String name) {
        return ensureCoder(name, null);
    }

    public Coder ensureCoder(String name, String guid) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("A coder needs a name.");
        }
        String trimmed = name.strip();
        return project.write(EnumSet.of(DataArea.CODINGS), connection -> {
            List<Coder> existing = Sql.list(connection, SqlText.of("SELECT id, guid, name FROM coder WHERE name = ?"),
                    rs -> new Coder(rs.getLong(1), rs.getString(2), rs.getString(3)), trimmed);
            if (!existing.isEmpty()) {
                return existing.getFirst();
            }
            String newGuid = guid == null ? UUID.randomUUID().toString() : guid;
            long id = Sql.insert(connection,
                    SqlText.of("INSERT INTO coder (guid, name) VALUES (?, ?)"), newGuid, trimmed);
            return new Coder(id, newGuid, trimmed);
        });
    }

    /**
     * Renames a coder, undoably; every coding and memo keeps its coder, so exports and agreement show the new name.
     * A name another coder has is refused (merging two coders' work is not a rename).
     */
    public ProjectCommand<Void> renameCoder(long coderId, String newName) {
        if (newName == null || newName.isBlank()) {
            throw new InvalidInputException("A coder needs a name.");
        }
        String trimmed = newName.strip();
        return new ProjectCommand<>(project, "rename coder to \u201C" + trimmed + "\u201D", CODINGS,
                (connection, recorder) -> {
                    if (Sql.count(connection, SqlText.of("SELECT count(*) FROM coder WHERE name = ? AND id <> ?"),
                            trimmed, coderId) > 0) {
                        throw new InvalidInputException("There is already a coder named \u201C" + trimmed + "\u201D.");
                    }
                    recorder.touch(Tables.CODER, coderId);
                    if (Sql.update(connection, SqlText.of("UPDATE coder SET name = ? WHERE id = ?"), trimmed,
                            coderId) == 0) {
                        throw new InvalidInputException("The coder no longer exists.");
                    }
                    return null;
                });
    }

    /** Applies a code to a range; returns the new coding's id. */
    public ProjectCommand<Long> applyCode(long transcriptId, long codeId, long coderId, int start, int end,
                                          String codeName) {
        return applyCode(transcriptId, codeId, coderId, start, end, codeName, null, null);
    }

    /** As {@link #applyCode(long, long, long, int, int, String)} with a given GUID and time (the sample project). */
    public ProjectCommand<Long> applyCode(long transcriptId, long codeId, long coderId, int start, int end,
                                          String codeName, String guid, String createdAt) {
        return new ProjectCommand<>(project, "apply code \u201C" + codeName + "\u201D", CODINGS,
                (connection, recorder) -> insert(connection, recorder, new Range(transcriptId, start, end), codeId,
                        coderId, guid, createdAt));
    }

    /** Applies a code to many ranges at once (e.g. every search hit): one undo step. Returns codings added. */
    public ProjectCommand<Integer> applyCodeToAll(List<Range> ranges, long codeId, long coderId, String codeName) {
        List<Range> copy = List.copyOf(ranges);
        return new ProjectCommand<>(project, "code " + copy.size() + " hits with \u201C" + codeName + "\u201D",
                CODINGS, (connection, recorder) -> {
                    int added = 0;
                    for (Range range : copy) {
                        if (!exists(connection, range, codeId, coderId)) {
                            insert(connection, recorder, range, codeId, coderId, null, null);
                            added++;
                        }
                    }
                    return added;
                });
    }

    private static boolean exists(Connection connection, Range range, long codeId, long coderId) throws SQLException {
        return Sql.count(connection,
                SqlText.of("SELECT count(*) FROM coding WHERE transcript_id = ? AND code_id = ? AND coder_id = ? AND"
                        + " start_cp = ? AND end_cp = ?"), range.transcriptId(), codeId, coderId,
                range.start(), range.end()) > 0;
    }

    static long insert(Connection connection, ChangeRecorder recorder, Range range, long codeId, long coderId,
                               String guid, String createdAt) throws SQLException {
        if (range.start() < 0 || range.end() <= range.start()) {
            throw new InvalidInputException("Select some text to code (the selection is empty).");
        }
        long length = Sql.count(connection, SqlText.of("SELECT length_code_points FROM transcript WHERE id = ?"),
                range.transcriptId());
        if (range.end() > length) {
            throw new InvalidInputException("The selection ends after the end of the transcript.");
        }
        if (Sql.count(connection, SqlText.of("SELECT count(*) FROM code WHERE id = ?"), codeId) == 0) {
            throw new InvalidInputException("The code no longer exists (it was deleted or merged).");
        }
        if (exists(connection, range, codeId, coderId)) {
            throw new InvalidInputException("This text already has this code from this coder.");
        }
        long id = Sql.insert(connection,
                SqlText.of("INSERT INTO coding (guid, transcript_id, code_id, coder_id, start_cp, "
                        + "end_cp, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                guid == null ? UUID.randomUUID().toString() : guid, range.transcriptId(), codeId, coderId,
                range.start(), range.end(), createdAt == null ? Sql.now() : createdAt);
        recorder.inserted(Tables.CODING, id);
        return id;
    }

    /** A coder's codings as ranges, by transcript id, each transcript's in order of start. */
    public static Map<Long, List<CodedRange>> rangesByTranscript(Connection connection, long coderId)
            throws SQLException {
        Map<Long, List<CodedRange>> byTranscript = new HashMap<>();
        for (CodedRange range : Sql.list(connection,
                SqlText.of("SELECT transcript_id, code_id, start_cp, end_cp FROM coding WHERE coder_id = ? ORDER BY"
                        + " transcript_id, start_cp"), rs -> new CodedRange(rs.getLong(1),
                rs.getLong(2), rs.getInt(3), rs.getInt(4)), coderId)) {
            byTranscript.computeIfAbsent(range.transcriptId(), key -> new ArrayList<>()).add(range);
        }
        return byTranscript;
    }

    /**
     * Stores a coding with a fixed GUID and time, not undoable: for a project being built (the sample project), so
     * that the same project is built every time.
     */
    public static void insertFixed(Connection connection, String guid, long transcriptId, long codeId, long coderId,
                                   int start, int end, String createdAt) throws SQLException {
        Sql.insert(connection,
                SqlText.of("INSERT INTO coding (guid, transcript_id, code_id, coder_id, start_cp, end_cp, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)"), guid, transcriptId, codeId, coderId, start, end,
                createdAt);
    }

    /** Removes codings (and their memos). */
    public ProjectCommand<Void> removeCodings(List<Long> codingIds, String description) {
        List<Long> ids = List.copyOf(codingIds);
        return new ProjectCommand<>(project, description, EnumSet.of(DataArea.CODINGS, DataArea.MEMOS),
                (connection, recorder) -> {
                    for (long id : ids) {
                        recorder.touchWhere(Tables.MEMO, SqlText.of("coding_id = ?"), id);
                        recorder.touch(Tables.CODING, id);
                        Sql.update(connection, SqlText.of("DELETE FROM coding WHERE id = ?"), id);
                    }
                    return null;
                });
    }

    /**
     * The codings of a source file's transcript by a coder (by name) with a code (by name), in order of id: each as
     * {id, start, end, transcript id}.
     */
    public static List<long[]> codingsByNames(Connection connection, String sourceFile, String coder, String code)
            throws SQLException {
        return Sql.list(connection, SqlText.of("SELECT g.id, g.start_cp, g.end_cp, g.transcript_id FROM coding g JOIN"
                + " transcript t ON t.id = g.transcript_id JOIN coder c ON c.id = g.coder_id JOIN code k ON k.id ="
                + " g.code_id WHERE t.source_file = ? AND c.name = ? AND k.name = ? ORDER BY g.id"),
                rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}, sourceFile, coder,
                code);
    }
}
