package org.divergence.store.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.evidence.FindingRef;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.undo.ProjectCommand;
import org.divergence.store.undo.Tables;

/** The interpretation memo of each joint display row: read, and saved through the undo history. */
public final class InterpretationStore {

    public static final int MAX_LENGTH = 20_000;

    private static final EnumSet<DataArea> EVIDENCE = EnumSet.of(DataArea.EVIDENCE);

    private final Project project;

    public InterpretationStore(Project project) {
        this.project = project;
    }

    /** Every interpretation, by finding, in a stable order. */
    public Map<FindingRef, String> all() {
        return project.read(InterpretationStore::all);
    }

    public static Map<FindingRef, String> all(Connection connection) throws SQLException {
        Map<FindingRef, String> texts = new LinkedHashMap<>();
        try (PreparedStatement statement = Sql.prepare(connection,
                SqlText.of("SELECT target_kind, target_key, text FROM interpretation ORDER BY target_kind, target_key"));
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                texts.put(new FindingRef(FindingRef.Kind.ofCode(rs.getString(1)), rs.getString(2)), rs.getString(3));
            }
        }
        return texts;
    }

    public String text(FindingRef target) {
        return all().getOrDefault(target, "");
    }

    /** Saves the row's interpretation; a blank text removes it. Returns false when nothing changed. */
    public ProjectCommand<Boolean> save(FindingRef target, String text) {
        String value = text == null || text.isBlank() ? null : text.strip();
        if (value != null && value.length() > MAX_LENGTH) {
            throw new InvalidInputException("The interpretation is " + value.length() + " characters long; the "
                    + "limit is " + MAX_LENGTH + ".");
        }
        return new ProjectCommand<>(project, "edit the interpretation of \u201C" + target.label() + "\u201D",
                EVIDENCE, (connection, recorder) -> {
                    recorder.touchWhere(Tables.INTERPRETATION, SqlText.of("target_kind = ? AND target_key = ?"),
                            target.kind().code(), target.key());
                    String current = all(connection).get(target);
                    if (java.util.Objects.equals(current, value)) {
                        return false;
                    }
                    if (value == null) {
                        try (PreparedStatement delete = Sql.prepare(connection,
                                SqlText.of("DELETE FROM interpretation WHERE target_kind = ? AND target_key = ?"))) {
                            delete.setString(1, target.kind().code());
                            delete.setString(2, target.key());
                            delete.executeUpdate();
                        }
                        return true;
                    }
                    String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
                    if (current != null) {
                        try (PreparedStatement update = Sql.prepare(connection, SqlText.of("UPDATE interpretation SET "
                                + "text = ?, modified_at = ? WHERE target_kind = ? AND target_key = ?"))) {
                            update.setString(1, value);
                            update.setString(2, now);
                            update.setString(3, target.kind().code());
                            update.setString(4, target.key());
                            update.executeUpdate();
                        }
                        return true;
                    }
                    try (PreparedStatement insert = Sql.prepare(connection, SqlText.of("INSERT INTO interpretation "
                            + "(target_kind, target_key, text, modified_at) VALUES (?, ?, ?, ?)"))) {
                        insert.setString(1, target.kind().code());
                        insert.setString(2, target.key());
                        insert.setString(3, value);
                        insert.setString(4, now);
                        insert.executeUpdate();
                        try (ResultSet keys = insert.getGeneratedKeys()) {
                            keys.next();
                            recorder.inserted(Tables.INTERPRETATION, keys.getLong(1));
                        }
                    }
                    return true;
                });
    }

    /** Stores an interpretation with a fixed time, not undoable: for the sample project. */
    public static void insertFixed(Connection connection, FindingRef target, String text, String modifiedAt)
            throws SQLException {
        Sql.update(connection,
                SqlText.of("INSERT INTO interpretation (target_kind, target_key, text, modified_at) VALUES"
                        + " (?, ?, ?, ?)"), target.kind().code(), target.key(), text, modifiedAt);
    }
}
