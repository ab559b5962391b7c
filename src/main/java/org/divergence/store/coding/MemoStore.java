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
import org.divergence.store.project.SqlText;
import org.divergence.store.undo.ProjectCommand;
import org.divergence.store.undo.Tables;

/** One memo per coding, transcript, code or case: read it, and a command to write (or, when blank, remove) it. */
public final class MemoStore {

    private final Project project;

    public MemoStore(Project project) {
        this.project = project;
    }

    private static SqlText column(Memo.Target target) {
        return switch (target) {
            case CODING -> SqlText.of("coding_id");
            case TRANSCRIPT -> SqlText.of("transcript_id");
            case CODE -> SqlText.of("code_id");
            case CASE -> SqlText.of("case_id");
        };
    }

    public Optional<Memo> memo(Memo.Target target, long targetId) {
        return project.read(connection -> memo(connection, target, targetId));
    }

    static Optional<Memo> memo(Connection connection, Memo.Target target, long targetId) throws SQLException {
        List<Memo> memos = Sql.list(connection,
                SqlText.of("SELECT * FROM memo WHERE ").append(column(target), SqlText.of(" = ? ORDER BY id")),
                rs -> new Memo(rs.getLong("id"), rs.getString("guid"), Sql.nullableLong(rs, "coding_id"),
                        Sql.nullableLong(rs, "transcript_id"), Sql.nullableLong(rs, "code_id"),
                        Sql.nullableLong(rs, "case_id"), Sql.nullableLong(rs, "coder_id"), rs.getString("title"),
                        rs.getString("text"), rs.getString("created_at"), rs.getString("modified_at")), targetId);
        return memos.stream().findFirst();
    }

    /** Ids of the codings of a transcript that carry a memo, for the editor's markers. */
    public List<Long> codingsWithMemos(long transcriptId) {
        return project.read(connection -> Sql.list(connection,
                SqlText.of("SELECT DISTINCT m.coding_id FROM memo m JOIN coding c ON c.id = m.coding_id WHERE"
                        + " c.transcript_id = ?"), rs -> rs.getLong(1), transcriptId));
    }

    public ProjectCommand<Void> save(Memo.Target target, long targetId, Long coderId, String text) {
        return new ProjectCommand<>(project, text == null || text.isBlank() ? "remove memo" : "edit memo",
                EnumSet.of(DataArea.MEMOS), (connection, recorder) -> {
                    Optional<Memo> existing = memo(connection, target, targetId);
                    String now = Sql.now();
                    if (existing.isPresent()) {
                        recorder.touch(Tables.MEMO, existing.get().id());
                        if (text == null || text.isBlank()) {
                            Sql.update(connection, SqlText.of("DELETE FROM memo WHERE id = ?"), existing.get().id());
                        } else {
                            Sql.update(connection, SqlText.of("UPDATE memo SET text = ?, modified_at = ? WHERE"
                                    + " id = ?"), text, now, existing.get().id());
                        }
                    } else if (text != null && !text.isBlank()) {
                        long id = Sql.insert(connection, SqlText.of("INSERT INTO memo (guid, ").append(
                                column(target), SqlText.of(", coder_id, text, created_at, modified_at)"
                                        + " VALUES (?, ?, ?, ?, ?, ?)")),
                                UUID.randomUUID().toString(), targetId, coderId, text, now, now);
                        recorder.inserted(Tables.MEMO, id);
                    }
                    return null;
                });
    }
}
