package org.divergence.store.coding;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.divergence.core.coding.CaseAttribute;
import org.divergence.core.coding.InterviewCase;
import org.divergence.core.common.InvalidInputException;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.undo.ProjectCommand;
import org.divergence.store.undo.Tables;

/** Reads cases (interviewees) and their attributes, and makes the commands that edit them. */
public final class CaseStore {

    private static final EnumSet<DataArea> CASES = EnumSet.of(DataArea.CASES);

    private final Project project;

    public CaseStore(Project project) {
        this.project = project;
    }

    public List<CaseAttribute> attributes() {
        return project.read(CaseStore::attributes);
    }

    public static List<CaseAttribute> attributes(Connection connection) throws SQLException {
        return Sql.list(connection,
                SqlText.of("SELECT id, guid, name, value_type, position FROM case_attribute ORDER BY position, id"),
                rs -> new CaseAttribute(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getInt(5)));
    }

    public List<InterviewCase> cases() {
        return project.read(CaseStore::cases);
    }

    public static List<InterviewCase> cases(Connection connection) throws SQLException {
        Map<Long, Map<String, String>> values = new HashMap<>();
        Sql.list(connection,
                SqlText.of("SELECT v.case_id, a.name, v.value FROM case_attribute_value v JOIN case_attribute a ON a.id"
                        + " = v.attribute_id"), rs -> {
                    values.computeIfAbsent(rs.getLong(1), key -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getString(3));
                    return null;
                });
        return Sql.list(connection,
                SqlText.of("SELECT id, guid, name, description FROM interview_case ORDER BY name COLLATE NOCASE"),
                rs -> new InterviewCase(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), Map.copyOf(values.getOrDefault(rs.getLong(1), Map.of())
                .entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))));
    }

    public ProjectCommand<Long> createCase(String name) {
        String trimmed = requireName(name, "A case");
        return new ProjectCommand<>(project, "add case \u201C" + trimmed + "\u201D", CASES,
                (connection, recorder) -> {
                    if (Sql.count(connection,
                            SqlText.of("SELECT count(*) FROM interview_case WHERE name = ?"), trimmed) > 0) {
                        throw new InvalidInputException("There is already a case \u201C" + trimmed + "\u201D.");
                    }
                    long id = ensureCase(connection, trimmed, null);
                    recorder.inserted(Tables.CASE, id);
                    return id;
                });
    }

    public ProjectCommand<Void> renameCase(long caseId, String name) {
        String trimmed = requireName(name, "A case");
        return new ProjectCommand<>(project, "rename case", EnumSet.of(DataArea.CASES, DataArea.TRANSCRIPTS),
                (connection, recorder) -> {
                    if (Sql.count(connection,
                            SqlText.of("SELECT count(*) FROM interview_case WHERE name = ? AND id <> ?"),
                            trimmed, caseId) > 0) {
                        throw new InvalidInputException("There is already a case \u201C" + trimmed + "\u201D.");
                    }
                    recorder.touch(Tables.CASE, caseId);
                    Sql.update(connection,
                            SqlText.of("UPDATE interview_case SET name = ? WHERE id = ?"), trimmed, caseId);
                    return null;
                });
    }

    /** Removes a case; its transcripts stay, without a case. */
    public ProjectCommand<Void> removeCase(long caseId) {
        return new ProjectCommand<>(project, "remove case", EnumSet.of(DataArea.CASES, DataArea.TRANSCRIPTS,
                DataArea.MEMOS), (connection, recorder) -> {
                    recorder.touch(Tables.CASE, caseId);
                    recorder.touchWhere(Tables.TRANSCRIPT, SqlText.of("case_id = ?"), caseId);
                    recorder.touchWhere(Tables.MEMO, SqlText.of("case_id = ?"), caseId);
                    recorder.touchWhere(Tables.ATTRIBUTE_VALUE, SqlText.of("case_id = ?"), caseId);
                    Sql.update(connection, SqlText.of("DELETE FROM interview_case WHERE id = ?"), caseId);
                    return null;
                });
    }

    public ProjectCommand<Long> addAttribute(String name) {
        String trimmed = requireName(name, "An attribute");
        return new ProjectCommand<>(project, "add attribute \u201C" + trimmed + "\u201D", CASES,
                (connection, recorder) -> {
                    if (Sql.count(connection,
                            SqlText.of("SELECT count(*) FROM case_attribute WHERE name = ?"), trimmed) > 0) {
                        throw new InvalidInputException("There is already an attribute \u201C" + trimmed + "\u201D.");
                    }
                    long id = ensureAttribute(connection, trimmed, null);
                    recorder.inserted(Tables.ATTRIBUTE, id);
                    return id;
                });
    }

    /** Sets (or, with a blank value, clears) a case's attribute value. */
    public ProjectCommand<Void> setValue(long caseId, long attributeId, String value) {
        return new ProjectCommand<>(project, "edit case attribute", CASES, (connection, recorder) -> {
            recorder.touch(Tables.ATTRIBUTE_VALUE, caseId, attributeId);
            writeValue(connection, caseId, attributeId, value);
            return null;
        });
    }

    /** The case with this name, created if new; returns its id. Used inside import transactions. */
    public static long ensureCase(Connection connection, String name, String guid) throws SQLException {
        List<Long> ids = Sql.list(connection,
                SqlText.of("SELECT id FROM interview_case WHERE name = ?"), rs -> rs.getLong(1),
                name);
        if (!ids.isEmpty()) {
            return ids.getFirst();
        }
        return Sql.insert(connection, SqlText.of("INSERT INTO interview_case (guid, name) VALUES (?, ?)"),
                guid == null ? UUID.randomUUID().toString() : guid, name);
    }

    public static long ensureAttribute(Connection connection, String name, String guid) throws SQLException {
        List<Long> ids = Sql.list(connection,
                SqlText.of("SELECT id FROM case_attribute WHERE name = ?"), rs -> rs.getLong(1),
                name);
        if (!ids.isEmpty()) {
            return ids.getFirst();
        }
        long position = Sql.count(connection, SqlText.of("SELECT coalesce(max(position) + 1, 0) FROM case_attribute"));
        return Sql.insert(connection, SqlText.of("INSERT INTO case_attribute (guid, name, position) VALUES (?, ?, ?)"),
                guid == null ? UUID.randomUUID().toString() : guid, name, position);
    }

    public static void writeValue(Connection connection, long caseId, long attributeId, String value) throws SQLException {
        if (value == null || value.isBlank()) {
            Sql.update(connection,
                    SqlText.of("DELETE FROM case_attribute_value WHERE case_id = ? AND attribute_id = ?"),
                    caseId, attributeId);
        } else {
            Sql.update(connection,
                    SqlText.of("INSERT INTO case_attribute_value (case_id, attribute_id, value) VALUES (?, ?, ?) ON"
                            + " CONFLICT (case_id, attribute_id) DO UPDATE SET value = excluded.value"), caseId,
                    attributeId, value.strip());
        }
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(what + " needs a name.");
        }
        return name.strip();
    }
}
