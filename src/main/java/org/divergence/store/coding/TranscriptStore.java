package org.divergence.store.coding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.divergence.core.coding.TranscriptInfo;
import org.divergence.core.common.InvalidInputException;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.undo.ProjectCommand;
import org.divergence.store.undo.Tables;

/** Reads transcripts, and makes the commands that rename, reassign and remove them. */
public final class TranscriptStore {

    private final Project project;

    public TranscriptStore(Project project) {
        this.project = project;
    }

    public List<TranscriptInfo> list() {
        return project.read(TranscriptStore::list);
    }

    public static List<TranscriptInfo> list(Connection connection) throws SQLException {
        return Sql.list(connection, SqlText.of("SELECT t.id, t.guid, t.name, t.case_id, c.name, t.length_code_points,"
                + " t.source_file, t.source_format, t.imported_at, (SELECT count(*) FROM coding g WHERE g.transcript_id"
                + " = t.id) FROM transcript t LEFT JOIN interview_case c ON c.id = t.case_id ORDER BY t.name COLLATE"
                + " NOCASE, t.id"), rs -> new TranscriptInfo(rs.getLong(1), rs.getString(2),
                rs.getString(3), Sql.nullableLong(rs, "case_id"), rs.getString(5), rs.getInt(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getInt(10)));
    }

    /** Every stored transcript's name, by the SHA-256 of its text (see {@link #sha256}). */
    public static Map<String, String> namesByTextHash(Connection connection) throws SQLException {
        Map<String, String> names = new HashMap<>();
        for (String[] row : Sql.list(connection, SqlText.of("SELECT content_sha256, name FROM transcript"),
                rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            names.put(row[0], row[1]);
        }
        return names;
    }

    /** Every stored transcript's name. */
    public static Set<String> names(Connection connection) throws SQLException {
        return new HashSet<>(Sql.list(connection, SqlText.of("SELECT name FROM transcript"), rs -> rs.getString(1)));
    }

    /** A transcript to store: its text (LF, NFC), the file and format it came from. */
    public record NewTranscript(String guid, String name, long caseId, String text, String sourceFile,
                                String sourceFormat) {
    }

    /** Stores a transcript (not undoable: importing is undone by removing it); returns its id. */
    public static long insert(Connection connection, NewTranscript transcript, String importedAt)
            throws SQLException {
        String text = transcript.text();
        return Sql.insert(connection,
                SqlText.of("INSERT INTO transcript (guid, name, case_id, content, content_sha256, length_code_points,"
                        + " source_file, source_format, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                transcript.guid(), transcript.name(), transcript.caseId(), text, sha256(text),
                text.codePointCount(0, text.length()), transcript.sourceFile(), transcript.sourceFormat(),
                importedAt);
    }

    /** The SHA-256 (hex) of a transcript's text as UTF-8: how an identical text is recognised. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A transcript's id, name and length in code points. */
    public record Extent(long id, String name, int codePoints) {
    }

    /**
     * Every transcript's extent, in the order of their names (SQLite compares UTF-8 bytes, which is code point order),
     * then ids: the order agreement concatenates them.
     */
    public static List<Extent> extentsByName(Connection connection) throws SQLException {
        return Sql.list(connection, SqlText.of("SELECT id, name, length_code_points FROM transcript"
                + " ORDER BY name, id"), rs -> new Extent(rs.getLong(1), rs.getString(2), rs.getInt(3)));
    }

    /** The transcript's text: LF line endings, NFC; code point offsets index into it. */
    public String text(long transcriptId) {
        return project.read(connection -> text(connection, transcriptId));
    }

    public static String text(Connection connection, long transcriptId) throws SQLException {
        List<String> texts = Sql.list(connection, SqlText.of("SELECT content FROM transcript WHERE id = ?"),
                rs -> rs.getString(1), transcriptId);
        if (texts.isEmpty()) {
            throw new InvalidInputException("The transcript no longer exists.");
        }
        return texts.getFirst();
    }

    public ProjectCommand<Void> rename(long transcriptId, String newName) {
        if (newName == null || newName.isBlank()) {
            throw new InvalidInputException("A transcript needs a name.");
        }
        return new ProjectCommand<>(project, "rename transcript", EnumSet.of(DataArea.TRANSCRIPTS),
                (connection, recorder) -> {
                    recorder.touch(Tables.TRANSCRIPT, transcriptId);
                    Sql.update(connection, SqlText.of("UPDATE transcript SET name = ? WHERE id = ?"), newName.strip(),
                            transcriptId);
                    return null;
                });
    }

    /** Assigns the transcript to a case (null: to none). */
    public ProjectCommand<Void> assignCase(long transcriptId, Long caseId) {
        return new ProjectCommand<>(project, "assign transcript to case",
                EnumSet.of(DataArea.TRANSCRIPTS, DataArea.CASES), (connection, recorder) -> {
                    recorder.touch(Tables.TRANSCRIPT, transcriptId);
                    Sql.update(connection,
                            SqlText.of("UPDATE transcript SET case_id = ? WHERE id = ?"), caseId, transcriptId);
                    return null;
                });
    }

    /** Removes a transcript with its codings and memos; undo brings all of it back. */
    public ProjectCommand<Void> remove(long transcriptId, String name) {
        return new ProjectCommand<>(project, "remove transcript \u201C" + name + "\u201D",
                EnumSet.of(DataArea.TRANSCRIPTS, DataArea.CODINGS, DataArea.MEMOS), (connection, recorder) -> {
                    recorder.touch(Tables.TRANSCRIPT, transcriptId);
                    recorder.touchWhere(Tables.MEMO, SqlText.of("transcript_id = ?"), transcriptId);
                    recorder.touchWhere(Tables.MEMO,
                            SqlText.of("coding_id IN (SELECT id FROM coding WHERE transcript_id = ?)"), transcriptId);
                    recorder.touchWhere(Tables.CODING, SqlText.of("transcript_id = ?"), transcriptId);
                    Sql.update(connection, SqlText.of("DELETE FROM transcript WHERE id = ?"), transcriptId);
                    return null;
                });
    }

    /** Gives every transcript one import time: for a project built as a fixed artefact (the sample project). */
    public static void setAllImportTimes(Connection connection, String importedAt) throws SQLException {
        Sql.update(connection, SqlText.of("UPDATE transcript SET imported_at = ?"), importedAt);
    }
}
