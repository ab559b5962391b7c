package org.divergence.store.refi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.core.coding.CodeColors;
import org.divergence.core.refi.Guids;
import org.divergence.core.refi.MergeReport.Item;
import org.divergence.core.refi.MergeReport;
import org.divergence.core.refi.RefiProject;
import org.divergence.core.refi.SourceText;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.undo.ChangeRecorder;
import org.divergence.store.undo.ProjectCommand;
import org.divergence.store.undo.Tables;

/**
 * Merges a {@link RefiProject} (a QDPX, a codebook, or another project) into a project, in one transaction that the
 * undo history can take back. Items match what the project has by GUID first, then coders by name, codes by path,
 * transcripts by identical text, cases and attributes by name; everything else is added with its GUID. Each coding
 * keeps its coder. Source texts are stored as every transcript is (LF, NFC) and coding offsets are mapped exactly
 * (see {@link SourceText}). Existing items are never changed, except that a transcript without a case gets the case
 * the import gives it and a case gets attribute values it lacks.
 */
public final class RefiMerger {

    private static final SqlText CODER_BY_GUID = SqlText.of("SELECT id, name FROM coder WHERE guid = ?");
    private static final SqlText CODER_BY_NAME = SqlText.of("SELECT id FROM coder WHERE name = ?");
    private static final SqlText INSERT_CODER = SqlText.of("INSERT INTO coder (guid, name) VALUES (?, ?)");
    private static final SqlText CODER_GUID_TAKEN = SqlText.of("SELECT count(*) FROM coder WHERE guid = ?");
    private static final SqlText CODE_BY_GUID = SqlText.of("SELECT id, name, parent_id FROM code WHERE guid = ?");
    private static final SqlText CODE_CHILDREN = SqlText.of("SELECT id, name FROM code WHERE parent_id IS ?");
    private static final SqlText CODE_COUNT = SqlText.of("SELECT count(*) FROM code");
    private static final SqlText NEXT_CODE_POSITION = SqlText.of("SELECT coalesce(max(position) + 1, 0) FROM code "
            + "WHERE parent_id IS ?");
    private static final SqlText INSERT_CODE = SqlText.of("INSERT INTO code (guid, parent_id, name, color, description,"
            + " inclusion, exclusion, example, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    private static final SqlText ATTRIBUTE_BY_GUID = SqlText.of("SELECT id FROM case_attribute WHERE guid = ?");
    private static final SqlText ATTRIBUTE_BY_NAME = SqlText.of("SELECT id FROM case_attribute WHERE name = ?");
    private static final SqlText NEXT_ATTRIBUTE_POSITION = SqlText.of("SELECT coalesce(max(position) + 1, 0) FROM"
            + " case_attribute");
    private static final SqlText INSERT_ATTRIBUTE = SqlText.of("INSERT INTO case_attribute (guid, name, value_type,"
            + " position) VALUES (?, ?, ?, ?)");
    private static final SqlText CASE_BY_GUID = SqlText.of("SELECT id FROM interview_case WHERE guid = ?");
    private static final SqlText CASE_BY_NAME = SqlText.of("SELECT id FROM interview_case WHERE name = ?");
    private static final SqlText CASE_NAMES = SqlText.of("SELECT name FROM interview_case");
    private static final SqlText INSERT_CASE = SqlText.of("INSERT INTO interview_case (guid, name, description)"
            + " VALUES (?, ?, ?)");
    private static final SqlText VALUE = SqlText.of("SELECT value FROM case_attribute_value WHERE case_id = ? AND"
            + " attribute_id = ?");
    private static final SqlText INSERT_VALUE = SqlText.of("INSERT INTO case_attribute_value (case_id, attribute_id,"
            + " value) VALUES (?, ?, ?)");
    private static final SqlText TRANSCRIPT_BY_GUID = SqlText.of("SELECT id, content_sha256, name FROM transcript "
            + "WHERE guid = ?");
    private static final SqlText TRANSCRIPT_BY_HASH = SqlText.of("SELECT id, name FROM transcript WHERE content_sha256"
            + " = ? ORDER BY id");
    private static final SqlText TRANSCRIPT_NAMES = SqlText.of("SELECT name FROM transcript");
    private static final SqlText TRANSCRIPT_CASE = SqlText.of("SELECT case_id FROM transcript WHERE id = ?");
    private static final SqlText SET_TRANSCRIPT_CASE = SqlText.of("UPDATE transcript SET case_id = ? WHERE id = ?");
    private static final SqlText INSERT_TRANSCRIPT = SqlText.of("INSERT INTO transcript (guid, name, case_id, content, "
            + "content_sha256, length_code_points, source_file, source_format, imported_at) "
            + "VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)");
    private static final SqlText SAME_CODING = SqlText.of("SELECT id FROM coding WHERE transcript_id = ? AND code_id ="
            + " ? AND coder_id = ? AND start_cp = ? AND end_cp = ?");
    private static final SqlText CODING_GUID_TAKEN = SqlText.of("SELECT count(*) FROM coding WHERE guid = ?");
    private static final SqlText INSERT_CODING = SqlText.of("INSERT INTO coding (guid, transcript_id, code_id,"
            + " coder_id, start_cp, end_cp, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    private static final SqlText MEMO_BY_GUID = SqlText.of("SELECT text FROM memo WHERE guid = ?");
    private static final SqlText INSERT_MEMO = SqlText.of("INSERT INTO memo (guid, coding_id, transcript_id, code_id,"
            + " case_id, coder_id, title, text, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

    private static final EnumSet<DataArea> AREAS = EnumSet.of(DataArea.TRANSCRIPTS, DataArea.CASES,
            DataArea.CODEBOOK, DataArea.CODINGS, DataArea.MEMOS);

    private final Connection connection;
    private final ChangeRecorder recorder;
    private final MergeReport report;
    private final String sourceFile;
    private final String format;
    private final String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    private final Map<String, Long> coders = new HashMap<>();
    private final Map<String, String> userNames = new HashMap<>();
    private final Map<String, Long> codes = new HashMap<>();
    private final Map<String, Long> attributes = new HashMap<>();
    private final Map<String, Long> cases = new HashMap<>();
    private final Map<String, Long> transcripts = new HashMap<>();
    private final Map<String, Long> codings = new HashMap<>();
    private final Set<Long> newTranscripts = new HashSet<>();
    private final Set<String> codeGuidsSeen = new HashSet<>();
    private String fallbackUser;

    private RefiMerger(Connection connection, ChangeRecorder recorder, MergeReport report, String sourceFile,
                       String format) {
        this.connection = connection;
        this.recorder = recorder;
        this.report = report;
        this.sourceFile = sourceFile;
        this.format = format;
    }

    /**
     * The merge as an undoable command; {@code sourceFile} and {@code format} ("qdpx", "qdc", "divergence") are
     * recorded on new transcripts. The report is the command's result.
     */
    public static ProjectCommand<MergeReport> command(Project project, RefiProject incoming, String sourceFile,
                                                      String format) {
        return new ProjectCommand<>(project, "import " + sourceFile, AREAS, (connection, recorder) -> {
            MergeReport report = new MergeReport(sourceFile, incoming.origin(), incoming.notCarried(),
                    incoming.adjusted());
            new RefiMerger(connection, recorder, report, sourceFile, format).merge(incoming);
            return report;
        });
    }

    private void merge(RefiProject incoming) throws SQLException {
        fallbackUser = incoming.creatingUserGuid();
        for (RefiProject.User user : incoming.users()) {
            userNames.put(user.guid(), user.name());
            coder(user.guid(), user.name(), true);
        }
        mergeCodes(null, incoming.codes());
        for (RefiProject.Variable variable : incoming.variables()) {
            attribute(variable);
        }
        Map<String, SourceText> texts = new HashMap<>();
        for (RefiProject.Source source : incoming.sources()) {
            texts.put(source.guid(), transcript(source));
        }
        for (RefiProject.Case item : incoming.cases()) {
            caseItem(item);
        }
        for (RefiProject.Source source : incoming.sources()) {
            Long transcriptId = transcripts.get(source.guid());
            for (RefiProject.Coding coding : source.codings()) {
                coding(transcriptId, texts.get(source.guid()), coding);
            }
        }
        for (RefiProject.Note note : incoming.notes()) {
            memo(note);
        }
    }

    // ------------------------------------------------------------------------------------------------ coders

    /** The coder for a user GUID: matched by GUID, then by name, or added. */
    private long coder(String guid, String name, boolean listed) throws SQLException {
        Long known = coders.get(guid);
        if (known != null) {
            return known;
        }
        List<Object[]> byGuid = Sql.list(connection, CODER_BY_GUID, rs -> new Object[] {rs.getLong(1),
                rs.getString(2)}, guid);
        long id;
        if (!byGuid.isEmpty()) {
            id = (Long) byGuid.getFirst()[0];
            report.matchedByGuid(Item.CODERS);
            if (name != null && !name.equals(byGuid.getFirst()[1])) {
                report.detail("user \u201C" + name + "\u201D matched coder \u201C" + byGuid.getFirst()[1]
                        + "\u201D by GUID");
            }
        } else {
            String coderName = name == null || name.isBlank() ? "User " + guid.substring(0, 8) : name.strip();
            List<Long> byName = Sql.list(connection, CODER_BY_NAME, rs -> rs.getLong(1), coderName);
            if (!byName.isEmpty()) {
                id = byName.getFirst();
                report.matchedOtherwise(Item.CODERS);
            } else {
                String newGuid = Sql.count(connection, CODER_GUID_TAKEN, guid) == 0 ? guid
                        : UUID.randomUUID().toString();
                id = Sql.insert(connection, INSERT_CODER, newGuid, coderName);
                recorder.inserted(Tables.CODER, id);
                report.added(Item.CODERS);
                if (!listed) {
                    report.adjusted("codings by users missing from the file's user list credited to \u201C"
                            + coderName + "\u201D");
                }
            }
        }
        coders.put(guid, id);
        return id;
    }

    /** The coder of a coding or note: its user, else the project's creating user, else "Unknown coder". */
    private long coderOf(String userGuid) throws SQLException {
        String guid = userGuid != null ? userGuid : fallbackUser;
        if (guid == null) {
            report.adjusted("codings without a user credited to \u201CUnknown coder\u201D");
            guid = Guids.derived("refi-user", "unknown coder");
            userNames.putIfAbsent(guid, "Unknown coder");
        }
        return coder(guid, userNames.get(guid), userNames.containsKey(guid));
    }

    // ------------------------------------------------------------------------------------------------ codes

    private void mergeCodes(Long parentId, List<RefiProject.Code> level) throws SQLException {
        for (RefiProject.Code code : level) {
            String guid = code.guid();
            if (!codeGuidsSeen.add(guid)) {
                guid = Guids.derived("refi-duplicate-code", guid + "/" + parentId + "/" + code.name());
                report.adjusted("codes sharing a GUID with another code in the file given a new GUID");
                codeGuidsSeen.add(guid);
            }
            String name = code.name().replace("/", "\u2215");
            if (!name.equals(code.name())) {
                report.adjusted("code names with \u201C/\u201D (it separates levels in paths) written with \u201C\u2215\u201D");
            }
            List<Object[]> byGuid = Sql.list(connection, CODE_BY_GUID, rs -> new Object[] {rs.getLong(1),
                    rs.getString(2), Sql.nullableLong(rs, 3)}, guid);
            long id;
            if (!byGuid.isEmpty()) {
                id = (Long) byGuid.getFirst()[0];
                report.matchedByGuid(Item.CODES);
                if (!name.equals(byGuid.getFirst()[1])) {
                    report.detail("code \u201C" + name + "\u201D matched \u201C" + byGuid.getFirst()[1]
                            + "\u201D by GUID; the name here is kept");
                }
            } else {
                Long sibling = siblingNamed(parentId, name);
                if (sibling != null) {
                    id = sibling;
                    report.matchedOtherwise(Item.CODES);
                    report.detail("code \u201C" + name + "\u201D matched by its path; it has another GUID here");
                } else {
                    String color = code.color() != null ? code.color()
                            : CodeColors.forIndex((int) Sql.count(connection, CODE_COUNT));
                    long position = Sql.count(connection, NEXT_CODE_POSITION, parentId);
                    RefiProject.Definition definition = code.definition();
                    id = Sql.insert(connection, INSERT_CODE, guid, parentId, name, color,
                            blankToNull(definition.description()), blankToNull(definition.inclusion()),
                            blankToNull(definition.exclusion()), blankToNull(definition.example()), position);
                    recorder.inserted(Tables.CODE, id);
                    report.added(Item.CODES);
                }
            }
            codes.put(code.guid(), codes.getOrDefault(code.guid(), id));
            codes.putIfAbsent(guid, id);
            mergeCodes(id, code.children());
        }
    }

    private Long siblingNamed(Long parentId, String name) throws SQLException {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (Object[] sibling : Sql.list(connection, CODE_CHILDREN, rs -> new Object[] {rs.getLong(1),
                rs.getString(2)}, parentId)) {
            if (((String) sibling[1]).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                return (Long) sibling[0];
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ cases

    private void attribute(RefiProject.Variable variable) throws SQLException {
        List<Long> byGuid = Sql.list(connection, ATTRIBUTE_BY_GUID, rs -> rs.getLong(1), variable.guid());
        long id;
        if (!byGuid.isEmpty()) {
            id = byGuid.getFirst();
            report.matchedByGuid(Item.ATTRIBUTES);
        } else {
            List<Long> byName = Sql.list(connection, ATTRIBUTE_BY_NAME, rs -> rs.getLong(1), variable.name());
            if (!byName.isEmpty()) {
                id = byName.getFirst();
                report.matchedOtherwise(Item.ATTRIBUTES);
            } else {
                String type = switch (variable.type()) {
                    case INTEGER -> "integer";
                    case FLOAT -> "float";
                    case BOOLEAN -> "boolean";
                    case DATE -> "date";
                    case TEXT, DATETIME -> "text";
                };
                id = Sql.insert(connection, INSERT_ATTRIBUTE, variable.guid(), variable.name(), type,
                        Sql.count(connection, NEXT_ATTRIBUTE_POSITION));
                recorder.inserted(Tables.ATTRIBUTE, id);
                report.added(Item.ATTRIBUTES);
            }
        }
        attributes.put(variable.guid(), id);
    }

    private void caseItem(RefiProject.Case item) throws SQLException {
        List<Long> byGuid = Sql.list(connection, CASE_BY_GUID, rs -> rs.getLong(1), item.guid());
        long id;
        boolean added = false;
        if (!byGuid.isEmpty()) {
            id = byGuid.getFirst();
            report.matchedByGuid(Item.CASES);
        } else {
            List<Long> byName = item.name() == null ? List.of()
                    : Sql.list(connection, CASE_BY_NAME, rs -> rs.getLong(1), item.name());
            if (!byName.isEmpty()) {
                id = byName.getFirst();
                report.matchedOtherwise(Item.CASES);
            } else {
                Set<String> taken = new HashSet<>(Sql.list(connection, CASE_NAMES, rs -> rs.getString(1)));
                String name = unique(item.name() == null ? "Case" : item.name(), taken);
                id = Sql.insert(connection, INSERT_CASE, item.guid(), name, blankToNull(item.description()));
                recorder.inserted(Tables.CASE, id);
                report.added(Item.CASES);
                added = true;
            }
        }
        cases.put(item.guid(), id);
        for (Map.Entry<String, String> value : item.values().entrySet()) {
            Long attribute = attributes.get(value.getKey());
            if (attribute == null) {
                report.notCarried("case attribute values of variables the file does not define");
                continue;
            }
            List<String> existing = Sql.list(connection, VALUE, rs -> rs.getString(1), id, attribute);
            if (existing.isEmpty()) {
                if (value.getValue() != null && !value.getValue().isBlank()) {
                    recorder.touch(Tables.ATTRIBUTE_VALUE, id, attribute);
                    Sql.update(connection, INSERT_VALUE, id, attribute, value.getValue().strip());
                }
            } else if (!added && !value.getValue().strip().equals(existing.getFirst())) {
                report.detail("case attribute value \u201C" + value.getValue() + "\u201D differs from \u201C"
                        + existing.getFirst() + "\u201D here; kept this project's");
            }
        }
        for (String sourceGuid : item.sourceGuids()) {
            Long transcript = transcripts.get(sourceGuid);
            if (transcript == null) {
                continue;
            }
            Long current = Sql.list(connection, TRANSCRIPT_CASE, rs -> Sql.nullableLong(rs, 1), transcript)
                    .getFirst();
            if (current == null) {
                recorder.touch(Tables.TRANSCRIPT, transcript);
                Sql.update(connection, SET_TRANSCRIPT_CASE, id, transcript);
            } else if (current != id) {
                report.notCarried(newTranscripts.contains(transcript)
                        ? "memberships of sources in a second case (a transcript belongs to one case)"
                        : "case memberships of transcripts that already have another case here");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ texts

    private SourceText transcript(RefiProject.Source source) throws SQLException {
        int[] offsets = new int[source.codings().size() * 2];
        for (int i = 0; i < source.codings().size(); i++) {
            offsets[2 * i] = source.codings().get(i).start();
            offsets[2 * i + 1] = source.codings().get(i).end();
        }
        SourceText text = SourceText.of(source.text(), offsets);
        String hash = TranscriptStore.sha256(text.text());
        String guid = source.guid();
        List<Object[]> byGuid = Sql.list(connection, TRANSCRIPT_BY_GUID, rs -> new Object[] {rs.getLong(1),
                rs.getString(2), rs.getString(3)}, guid);
        if (!byGuid.isEmpty()) {
            if (hash.equals(byGuid.getFirst()[1])) {
                transcripts.put(source.guid(), (Long) byGuid.getFirst()[0]);
                report.matchedByGuid(Item.TRANSCRIPTS);
                return text;
            }
            guid = Guids.derived("refi-text-differs", guid + "/" + hash);
            report.detail("source \u201C" + source.name() + "\u201D has the GUID of \u201C" + byGuid.getFirst()[2]
                    + "\u201D here but another text; imported as a transcript of its own");
            List<Object[]> again = Sql.list(connection, TRANSCRIPT_BY_GUID, rs -> new Object[] {rs.getLong(1)},
                    guid);
            if (!again.isEmpty()) {
                transcripts.put(source.guid(), (Long) again.getFirst()[0]);
                report.matchedByGuid(Item.TRANSCRIPTS);
                return text;
            }
        }
        // Only transcripts that were here before: two sources of one file with the same text stay two transcripts.
        List<Object[]> byHash = Sql.list(connection, TRANSCRIPT_BY_HASH, rs -> new Object[] {rs.getLong(1),
                rs.getString(2)}, hash).stream().filter(row -> !newTranscripts.contains((Long) row[0])).toList();
        if (!byHash.isEmpty()) {
            Object[] chosen = byHash.stream().filter(row -> row[1].equals(source.name())).findFirst()
                    .orElse(byHash.getFirst());
            transcripts.put(source.guid(), (Long) chosen[0]);
            report.matchedOtherwise(Item.TRANSCRIPTS);
            if (!chosen[1].equals(source.name())) {
                report.detail("source \u201C" + source.name() + "\u201D matched transcript \u201C" + chosen[1]
                        + "\u201D by its text");
            }
            return text;
        }
        Set<String> names = new HashSet<>(Sql.list(connection, TRANSCRIPT_NAMES, rs -> rs.getString(1)));
        String name = unique(source.name(), names);
        long id = Sql.insert(connection, INSERT_TRANSCRIPT, guid, name, text.text(), hash,
                text.text().codePointCount(0, text.text().length()), sourceFile, format, now);
        recorder.inserted(Tables.TRANSCRIPT, id);
        transcripts.put(source.guid(), id);
        newTranscripts.add(id);
        report.added(Item.TRANSCRIPTS);
        for (String change : text.changes()) {
            report.adjusted("source texts: " + change + " (coding offsets mapped to match)");
        }
        return text;
    }

    // ------------------------------------------------------------------------------------------------ codings

    private void coding(Long transcriptId, SourceText text, RefiProject.Coding coding) throws SQLException {
        Long codeId = codes.get(coding.codeGuid());
        if (codeId == null) {
            List<Object[]> known = Sql.list(connection, CODE_BY_GUID, rs -> new Object[] {rs.getLong(1)},
                    coding.codeGuid());
            if (known.isEmpty()) {
                report.notCarried("codings of codes the file does not define");
                return;
            }
            codeId = (Long) known.getFirst()[0];
        }
        if (coding.start() < 0 || coding.end() > text.rawLength() || coding.end() <= coding.start()) {
            report.notCarried("codings outside their source's text");
            return;
        }
        int start = text.mapStart(coding.start());
        int end = text.mapEnd(coding.end());
        if (end <= start) {
            report.notCarried("codings of nothing but line-break characters");
            return;
        }
        long coderId = coderOf(coding.userGuid());
        List<Long> same = Sql.list(connection, SAME_CODING, rs -> rs.getLong(1), transcriptId, codeId, coderId,
                start, end);
        if (!same.isEmpty()) {
            codings.put(coding.guid(), same.getFirst());
            report.matchedOtherwise(Item.CODINGS);
            return;
        }
        String guid = coding.guid();
        if (Sql.count(connection, CODING_GUID_TAKEN, guid) > 0) {
            guid = UUID.randomUUID().toString();
            report.adjusted("codings whose GUID is taken here by another coding given a new GUID");
        }
        String createdAt = coding.createdAt() == null || coding.createdAt().isBlank() ? now : coding.createdAt();
        long id = Sql.insert(connection, INSERT_CODING, guid, transcriptId, codeId, coderId, start, end,
                createdAt);
        recorder.inserted(Tables.CODING, id);
        codings.put(coding.guid(), id);
        report.added(Item.CODINGS);
    }

    // ------------------------------------------------------------------------------------------------ memos

    private void memo(RefiProject.Note note) throws SQLException {
        Long codingId = null;
        Long transcriptId = null;
        Long codeId = null;
        Long caseId = null;
        if (note.targetGuid() != null) {
            switch (note.target()) {
                case CODING -> codingId = codings.get(note.targetGuid());
                case SOURCE -> transcriptId = transcripts.get(note.targetGuid());
                case CODE -> codeId = codes.get(note.targetGuid());
                case CASE -> caseId = cases.get(note.targetGuid());
                case PROJECT -> {
                }
            }
            if (codingId == null && transcriptId == null && codeId == null && caseId == null
                    && note.target() != RefiProject.NoteTarget.PROJECT) {
                report.adjusted("notes on items that were not carried kept as project memos");
            }
        }
        String guid = note.guid();
        List<String> existing = Sql.list(connection, MEMO_BY_GUID, rs -> rs.getString(1), guid);
        if (!existing.isEmpty()) {
            if (existing.getFirst().equals(note.text())) {
                report.matchedOtherwise(Item.MEMOS);
                return;
            }
            guid = UUID.randomUUID().toString();
            report.adjusted("notes whose GUID is taken here by another memo given a new GUID");
        }
        Long coderId = note.userGuid() == null ? null : coderOf(note.userGuid());
        String created = note.createdAt() == null || note.createdAt().isBlank() ? now : note.createdAt();
        String modified = note.modifiedAt() == null || note.modifiedAt().isBlank() ? created : note.modifiedAt();
        long id = Sql.insert(connection, INSERT_MEMO, guid, codingId, transcriptId, codeId, caseId, coderId,
                note.name(), note.text() == null ? "" : note.text(), created, modified);
        recorder.inserted(Tables.MEMO, id);
        report.added(Item.MEMOS);
    }

    private static String unique(String base, Set<String> taken) {
        String name = base == null || base.isBlank() ? "Untitled" : base.strip();
        String candidate = name;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = name + " (" + n + ")";
        }
        taken.add(candidate);
        return candidate;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
