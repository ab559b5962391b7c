package org.divergence.store.coding;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.divergence.core.coding.Memo;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.undo.ProjectCommand;
import org.divergence.store.undo.Tables;

/** One memo per coding, transcript, code or case: read it, and a command to write (or, when blank, remove) it. */
public final class MemoStore {

    private final Project project;

    public MemoStore(Project project) {
        this.project = project;
    }

    private static String column(Memo.Target target) {
        return switch (target) {
            case CODING -> "coding_id";
            case TRANSCRIPT -> "transcript_id";
            case CODE -> "code_id";
            case CASE -> "case_id";
        };
    }

    public Optional<Memo> memo(Memo.Target target, long targetId) {
        return project.read(connection -> memo(connection, target, targetId));
    }

    static Optional<Memo> memo(Connection connection, Memo.Target target, long targetId) throws SQLException {
        List<Memo> memos = Sql.list(connection, "SELECT * FROM memo WHERE " + column(target) + " = ? ORDER BY id",
                rs -> new Memo(rs.getLong("id"), rs.getString("guid"), Sql.nullableLong(rs, "coding_id"),
                        Sql.nullableLong(rs, "transcript_id"), Sql.nullableLong(rs, "code_id"),
                        Sql.nullableLong(rs, "case_id"), Sql.nullableLong(rs, "coder_id"), rs.getString("title"),
                        rs.getString("text"), rs.getString("created_at"), rs.getString("modified_at")), targetId);
        return memos.stream().findFirst();
    }

    /** Ids of the codings of a transcript that carry a memo, for the editor's markers. */
    public List<Long> codingsWithMemos(long transcriptId) {
        return project.read(connection -> Sql.list(connection, "SELECT DISTINCT m.coding_id FROM memo m "
                + "JOIN coding c ON c.id = m.coding_id WHERE c.transcript_id = ?", rs -> rs.getLong(1), transcriptId));
    }

    public ProjectCommand<Void> save(Memo.Target target, long targetId, Long coderId, String text) {
        return new ProjectCommand<>(project, text == null || text.isBlank() ? "remove memo" : "edit memo",
                EnumSet.of(DataArea.MEMOS), (connection, recorder) -> {
                    Optional<Memo> existing = memo(connection, target, targetId);
                    String now = Sql.now();
                    if (existing.isPresent()) {
                        recorder.touch(Tables.MEMO, existing.get().id());
                        if (text == null || text.isBlank()) {
                            Sql.update(connection, "DELETE FROM memo WHERE id = ?", existing.get().id());
                        } else {
                            Sql.update(connection, "UPDATE memo SET text = ?, modified_at = ? WHERE id = ?", text,
                                    now, existing.get().id());
                        }
                    } else if (text != null && !text.isBlank()) {
                        long id = Sql.insert(connection, "INSERT INTO memo (guid, " + column(target)
                                + ", coder_id, text, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?)",
                                UUID.randomUUID().toString(), targetId, coderId, text, now, now);
                        recorder.inserted(Tables.MEMO, id);
                    }
                    return null;
                });
    }
}
