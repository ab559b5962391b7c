package org.divergence.store.refi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.divergence.core.AppInfo;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.CodingOrigin;
import org.divergence.core.coding.Codebook;
import org.divergence.core.refi.Guids;
import org.divergence.core.refi.RefiProject;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;

/**
 * A project's qualitative side as a {@link RefiProject}, read in one consistent snapshot: what the exporter writes,
 * and what merging another project brings in. Everything is in a fixed order (names, then ids), and every GUID is
 * the stored one, so exports are stable.
 */
public final class ProjectSnapshot {

    private static final SqlText CODERS = SqlText.of("SELECT id, guid, name FROM coder ORDER BY name, id");
    private static final SqlText ATTRIBUTES = SqlText.of("SELECT id, guid, name, value_type FROM case_attribute "
            + "ORDER BY position, id");
    private static final SqlText CASES = SqlText.of("SELECT id, guid, name, description FROM interview_case ORDER"
            + " BY name, id");
    private static final SqlText VALUES = SqlText.of("SELECT case_id, attribute_id, value FROM case_attribute_value "
            + "ORDER BY case_id, attribute_id");
    private static final SqlText TRANSCRIPTS = SqlText.of("SELECT id, guid, name, content, imported_at, case_id FROM"
            + " transcript ORDER BY name, id");
    private static final SqlText CODINGS = SqlText.of("SELECT c.id, c.guid, c.transcript_id, k.guid, r.guid,"
            + " c.start_cp, c.end_cp, c.created_at FROM coding c JOIN code k ON k.id = c.code_id JOIN coder r ON r.id ="
            + " c.coder_id ORDER BY c.transcript_id, c.start_cp, c.end_cp, c.id");
    private static final SqlText MEMOS = SqlText.of("SELECT m.guid, m.title, m.text, r.guid, m.created_at,"
            + " m.modified_at, g.guid, t.guid, k.guid, s.guid FROM memo m LEFT JOIN coder r ON r.id = m.coder_id LEFT"
            + " JOIN coding g ON g.id = m.coding_id LEFT JOIN transcript t ON t.id = m.transcript_id LEFT JOIN code k"
            + " ON k.id = m.code_id LEFT JOIN interview_case s ON s.id = m.case_id ORDER BY m.id");

    /** Where a model had a part in a coding (ADR 0122): a note on the coding, as a coding has no description. */
    private static final SqlText ORIGINS = SqlText.of("SELECT g.guid, r.guid, o.kind, o.model, o.score, o.made_at FROM"
            + " coding_origin o JOIN coding g ON g.id = o.coding_id JOIN coder r ON r.id = g.coder_id ORDER BY g.id");

    /** Rows, text bytes as stored (octet_length reads no text), and the longest transcript's characters. */
    private static final SqlText SIZE = SqlText.of("SELECT (SELECT count(*) FROM coder) + (SELECT count(*) FROM code)"
            + " + (SELECT count(*) FROM case_attribute) + (SELECT count(*) FROM interview_case)"
            + " + (SELECT count(*) FROM case_attribute_value) + (SELECT count(*) FROM transcript)"
            + " + (SELECT count(*) FROM coding) + (SELECT count(*) FROM memo),"
            + " (SELECT coalesce(sum(octet_length(content)), 0) FROM transcript)"
            + " + (SELECT coalesce(sum(octet_length(text)), 0) FROM memo)"
            + " + (SELECT coalesce(sum(coalesce(octet_length(description), 0) + coalesce(octet_length(inclusion), 0)"
            + " + coalesce(octet_length(exclusion), 0) + coalesce(octet_length(example), 0)), 0) FROM code),"
            + " (SELECT coalesce(max(length(content)), 0) FROM transcript)");

    /**
     * What a snapshot of a project would hold: its items (coders, codes, cases, codings …), its texts' bytes, and the
     * characters of its longest transcript.
     */
    public record Size(long items, long textBytes, long longestTranscript) {
    }

    private ProjectSnapshot() {
    }

    /** The size of a snapshot, found without reading the texts: a merge checks it against its limits first. */
    public static Size size(Project project) {
        return project.read(connection -> Sql.list(connection, SIZE, rs -> new Size(rs.getLong(1), rs.getLong(2),
                rs.getLong(3)))
                .getFirst());
    }

    public static RefiProject of(Project project) {
        return project.read(connection -> of(connection, project.name()));
    }

    static RefiProject of(Connection connection, String name) throws SQLException {
        List<RefiProject.User> users = Sql.list(connection, CODERS,
                rs -> new RefiProject.User(Guids.normalize(rs.getString(2)), rs.getString(3)));
        Codebook codebook = CodebookStore.load(connection);
        List<RefiProject.Code> codes = codebook.roots().stream().map(code -> code(codebook, code)).toList();

        Map<Long, String> attributeGuids = new HashMap<>();
        List<RefiProject.Variable> variables = Sql.list(connection, ATTRIBUTES, rs -> {
            String guid = Guids.normalize(rs.getString(2));
            attributeGuids.put(rs.getLong(1), guid);
            return new RefiProject.Variable(guid, rs.getString(3), type(rs.getString(4)));
        });
        Map<Long, Map<String, String>> values = new HashMap<>();
        Sql.list(connection, VALUES, rs -> {
            String value = rs.getString(3);
            if (value != null) {
                values.computeIfAbsent(rs.getLong(1), key -> new LinkedHashMap<>())
                        .put(attributeGuids.get(rs.getLong(2)), value);
            }
            return null;
        });

        Map<Long, List<RefiProject.Coding>> codings = new HashMap<>();
        Sql.list(connection, CODINGS, rs -> {
            codings.computeIfAbsent(rs.getLong(3), key -> new ArrayList<>()).add(new RefiProject.Coding(
                    Guids.normalize(rs.getString(2)), Guids.normalize(rs.getString(4)),
                    Guids.normalize(rs.getString(5)), rs.getInt(6), rs.getInt(7), rs.getString(8)));
            return null;
        });
        Map<Long, List<String>> transcriptsOfCase = new HashMap<>();
        List<RefiProject.Source> sources = Sql.list(connection, TRANSCRIPTS, rs -> {
            String guid = Guids.normalize(rs.getString(2));
            Long caseId = Sql.nullableLong(rs, 6);
            if (caseId != null) {
                transcriptsOfCase.computeIfAbsent(caseId, key -> new ArrayList<>()).add(guid);
            }
            return new RefiProject.Source(guid, rs.getString(3), rs.getString(4), rs.getString(5),
                    codings.getOrDefault(rs.getLong(1), List.of()));
        });
        List<RefiProject.Case> cases = Sql.list(connection, CASES, rs -> new RefiProject.Case(
                Guids.normalize(rs.getString(2)), rs.getString(3), rs.getString(4),
                values.getOrDefault(rs.getLong(1), Map.of()), transcriptsOfCase.getOrDefault(rs.getLong(1),
                List.of())));
        List<RefiProject.Note> notes = Sql.list(connection, MEMOS, rs -> {
            RefiProject.NoteTarget target = RefiProject.NoteTarget.PROJECT;
            String targetGuid = null;
            String[] targets = {rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)};
            RefiProject.NoteTarget[] kinds = {RefiProject.NoteTarget.CODING, RefiProject.NoteTarget.SOURCE,
                RefiProject.NoteTarget.CODE, RefiProject.NoteTarget.CASE};
            for (int i = 0; i < targets.length; i++) {
                if (targets[i] != null) {
                    target = kinds[i];
                    targetGuid = Guids.normalize(targets[i]);
                }
            }
            String user = rs.getString(4);
            return new RefiProject.Note(Guids.normalize(rs.getString(1)), rs.getString(2), rs.getString(3),
                    user == null ? null : Guids.normalize(user), rs.getString(5), rs.getString(6), target, targetGuid);
        });
        notes = new ArrayList<>(notes);
        notes.addAll(Sql.list(connection, ORIGINS, rs -> {
            String coding = Guids.normalize(rs.getString(1));
            CodingOrigin origin = new CodingOrigin(0, CodingOrigin.Kind.fromStored(rs.getString(3)), rs.getString(4),
                    rs.getDouble(5), rs.getString(6));
            return new RefiProject.Note(Guids.derived("coding-origin", coding), origin.kind() == CodingOrigin.Kind.MACHINE
                    ? "Coded by a model" : "Suggested by a model", origin.describe(), Guids.normalize(rs.getString(2)),
                    origin.madeAt(), origin.madeAt(), RefiProject.NoteTarget.CODING, coding);
        }));
        return new RefiProject(name, AppInfo.NAME + " " + AppInfo.version(), null, users, codes, variables, cases,
                sources, notes, List.of(), List.of());
    }

    private static RefiProject.Code code(Codebook codebook, Code code) {
        return new RefiProject.Code(Guids.normalize(code.guid()), code.name(), code.color(),
                new RefiProject.Definition(code.description(), code.inclusion(), code.exclusion(), code.example()),
                codebook.children(code.id()).stream().map(child -> code(codebook, child)).toList());
    }

    private static RefiProject.VariableType type(String valueType) {
        return switch (valueType == null ? "" : valueType.toLowerCase(Locale.ROOT)) {
            case "integer" -> RefiProject.VariableType.INTEGER;
            case "float" -> RefiProject.VariableType.FLOAT;
            case "date" -> RefiProject.VariableType.DATE;
            case "boolean" -> RefiProject.VariableType.BOOLEAN;
            default -> RefiProject.VariableType.TEXT;
        };
    }
}
