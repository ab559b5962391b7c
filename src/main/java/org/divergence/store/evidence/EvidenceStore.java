package org.divergence.store.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.evidence.Evidence;
import org.divergence.core.evidence.EvidenceLink;
import org.divergence.core.evidence.FindingRef;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.SegmentQuery;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.undo.ProjectCommand;
import org.divergence.store.undo.Tables;

/**
 * Evidence links between coded segments (or whole codes) and the comparison's findings: reads them, resolves them
 * for display, and makes the commands that add, edit and remove them. Every change is a {@link ProjectCommand}, so
 * it is undone exactly through the undo history.
 */
public final class EvidenceStore {

    /** Longer notes belong in a memo. */
    public static final int MAX_NOTE_LENGTH = 2_000;

    private static final EnumSet<DataArea> EVIDENCE = EnumSet.of(DataArea.EVIDENCE);
    private static final String COLUMNS = "id, coding_id, code_id, target_kind, target_key, note, created_at";

    private final Project project;

    public EvidenceStore(Project project) {
        this.project = project;
    }

    // Reading -----------------------------------------------------------------------------------------------------

    /** Every link, in a stable order: by finding, then segment or code, then id. */
    public List<EvidenceLink> all() {
        return project.read(EvidenceStore::all);
    }

    public static List<EvidenceLink> all(Connection connection) throws SQLException {
        return list(connection,
                SqlText.of("SELECT " + COLUMNS + " FROM evidence_link ORDER BY target_kind, target_key, "
                        + "coding_id, code_id, id"));
    }

    public List<EvidenceLink> forCoding(long codingId) {
        return project.read(connection -> list(connection,
                SqlText.of("SELECT " + COLUMNS + " FROM evidence_link WHERE coding_id = ? ORDER BY id"), codingId));
    }

    public List<EvidenceLink> forCode(long codeId) {
        return project.read(connection -> list(connection,
                SqlText.of("SELECT " + COLUMNS + " FROM evidence_link WHERE code_id = ? ORDER BY id"), codeId));
    }

    /** How many findings each coding of a transcript is linked to (codings without links are absent). */
    public Map<Long, Integer> linkCountsByCoding(long transcriptId) {
        return project.read(connection -> {
            Map<Long, Integer> counts = new HashMap<>();
            try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT e.coding_id, count(*) "
                    + "FROM evidence_link e JOIN coding g ON g.id = e.coding_id WHERE g.transcript_id = ? "
                    + "GROUP BY e.coding_id"))) {
                statement.setLong(1, transcriptId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getLong(1), rs.getInt(2));
                    }
                }
            }
            return counts;
        });
    }

    /**
     * The evidence for one finding, resolved: segment links with their quote, case and code; code links with the
     * code's path and segment count. Segment links first (by transcript and position), then code links (by path).
     */
    public List<Evidence> evidence(FindingRef target) {
        return project.read(connection -> resolve(connection, list(connection, SqlText.of("SELECT " + COLUMNS
                + " FROM evidence_link WHERE target_kind = ? AND target_key = ? ORDER BY id"),
                target.kind().code(), target.key())));
    }

    /** Resolves links for display (see {@link #evidence(FindingRef)} for the order). */
    public static List<Evidence> resolve(Connection connection, List<EvidenceLink> links) throws SQLException {
        if (links.isEmpty()) {
            return List.of();
        }
        Codebook codebook = CodebookStore.load(connection);
        Map<Long, CodedSegment> segments = new HashMap<>();
        List<CodedSegment> ordered = SegmentQuery.segments(connection, SegmentQuery.Filter.ALL);
        Map<Long, Integer> position = new HashMap<>();
        Map<Long, Long> segmentsPerCode = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            CodedSegment segment = ordered.get(i);
            segments.put(segment.codingId(), segment);
            position.put(segment.codingId(), i);
            segmentsPerCode.merge(segment.codeId(), 1L, Long::sum);
        }
        List<Evidence> result = new ArrayList<>();
        for (EvidenceLink link : links) {
            if (link.isSegment()) {
                CodedSegment segment = segments.get(link.codingId());
                if (segment != null) {
                    result.add(new Evidence(link, segment, segment.codePath(),
                            codebook.get(segment.codeId()).map(Code::color).orElse(null), 0));
                }
            } else {
                codebook.get(link.codeId()).ifPresent(code -> result.add(new Evidence(link, null,
                        codebook.path(code.id()), code.color(), segmentsPerCode.getOrDefault(code.id(), 0L))));
            }
        }
        result.sort((x, y) -> {
            if (x.isSegment() != y.isSegment()) {
                return x.isSegment() ? -1 : 1;
            }
            if (x.isSegment()) {
                return Integer.compare(position.get(x.segment().codingId()), position.get(y.segment().codingId()));
            }
            int byPath = x.codePath().compareTo(y.codePath());
            return byPath != 0 ? byPath : Long.compare(x.link().id(), y.link().id());
        });
        return List.copyOf(result);
    }

    // Changing ----------------------------------------------------------------------------------------------------

    /** Links a coded segment to a finding; returns the new link's id. */
    public ProjectCommand<Long> linkSegment(long codingId, FindingRef target, String note) {
        return link(codingId, null, target, note, null);
    }

    /** Links a whole code (every segment it carries) to a finding; returns the new link's id. */
    public ProjectCommand<Long> linkCode(long codeId, FindingRef target, String note) {
        return link(null, codeId, target, note, null);
    }

    /** As {@link #linkSegment}/{@link #linkCode} with a given creation time (the sample project). */
    public ProjectCommand<Long> link(Long codingId, Long codeId, FindingRef target, String note, String createdAt) {
        FindingRef checked = requireLinkable(target);
        String text = checkedNote(note);
        String what = codingId != null ? "segment" : "code";
        return new ProjectCommand<>(project, "link " + what + " to \u201C" + checked.label() + "\u201D", EVIDENCE,
                (connection, recorder) -> {
                    if (codingId != null ? !exists(connection,
                            SqlText.of("SELECT count(*) FROM coding WHERE id = ?"), codingId)
                            : !exists(connection, SqlText.of("SELECT count(*) FROM code WHERE id = ?"), codeId)) {
                        throw new InvalidInputException("The " + what + " no longer exists (it was removed).");
                    }
                    if (codingId != null ? exists(connection,
                            SqlText.of("SELECT count(*) FROM evidence_link WHERE coding_id = ? AND target_kind = ? AND"
                                    + " target_key = ?"), codingId, checked.kind().code(), checked.key())
                            : exists(connection,
                                    SqlText.of("SELECT count(*) FROM evidence_link WHERE code_id = ? AND target_kind ="
                                            + " ? AND target_key = ?"), codeId, checked.kind().code(), checked.key())) {
                        throw new InvalidInputException("This " + what + " is already linked to \u201C"
                                + checked.label() + "\u201D; edit that link's note instead.");
                    }
                    long id;
                    try (PreparedStatement insert = Sql.prepare(connection, SqlText.of("INSERT INTO evidence_link"
                            + " (coding_id, code_id, target_kind, target_key, note, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)"))) {
                        insert.setObject(1, codingId);
                        insert.setObject(2, codeId);
                        insert.setString(3, checked.kind().code());
                        insert.setString(4, checked.key());
                        insert.setString(5, text);
                        insert.setString(6, createdAt != null ? createdAt
                                : Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
                        insert.executeUpdate();
                        try (ResultSet keys = insert.getGeneratedKeys()) {
                            keys.next();
                            id = keys.getLong(1);
                        }
                    }
                    recorder.inserted(Tables.EVIDENCE_LINK, id);
                    return id;
                });
    }

    /** Changes a link's note (blank removes it). */
    public ProjectCommand<Void> editNote(long linkId, String note) {
        String text = checkedNote(note);
        return new ProjectCommand<>(project, "edit evidence note", EVIDENCE, (connection, recorder) -> {
            requireLink(connection, linkId);
            recorder.touch(Tables.EVIDENCE_LINK, linkId);
            try (PreparedStatement update = Sql.prepare(connection,
                    SqlText.of("UPDATE evidence_link SET note = ? WHERE id = ?"))) {
                update.setString(1, text);
                update.setLong(2, linkId);
                update.executeUpdate();
            }
            return null;
        });
    }

    public ProjectCommand<Void> unlink(long linkId) {
        return new ProjectCommand<>(project, "remove evidence link", EVIDENCE, (connection, recorder) -> {
            requireLink(connection, linkId);
            recorder.touch(Tables.EVIDENCE_LINK, linkId);
            try (PreparedStatement delete = Sql.prepare(connection,
                    SqlText.of("DELETE FROM evidence_link WHERE id = ?"))) {
                delete.setLong(1, linkId);
                delete.executeUpdate();
            }
            return null;
        });
    }

    private static FindingRef requireLinkable(FindingRef target) {
        if (target == null || !target.isLinkable()) {
            throw new InvalidInputException("Quotes can be linked to a metric or a dimension.");
        }
        return target.requireKnown();
    }

    private static String checkedNote(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String text = note.strip();
        if (text.length() > MAX_NOTE_LENGTH) {
            throw new InvalidInputException("The note is " + text.length() + " characters long; keep it under "
                    + MAX_NOTE_LENGTH + " (write longer thoughts in a memo).");
        }
        return text;
    }

    private static void requireLink(Connection connection, long linkId) throws SQLException {
        if (!exists(connection, SqlText.of("SELECT count(*) FROM evidence_link WHERE id = ?"), linkId)) {
            throw new InvalidInputException("The evidence link no longer exists (it was removed with its segment "
                    + "or code).");
        }
    }

    private static boolean exists(Connection connection, SqlText sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection, sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private static List<EvidenceLink> list(Connection connection, SqlText sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection, sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<EvidenceLink> links = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long codingId = rs.getLong(2);
                    Long coding = rs.wasNull() ? null : codingId;
                    long codeId = rs.getLong(3);
                    Long code = rs.wasNull() ? null : codeId;
                    links.add(new EvidenceLink(rs.getLong(1), coding, code,
                            new FindingRef(FindingRef.Kind.ofCode(rs.getString(4)), rs.getString(5)),
                            rs.getString(6), rs.getString(7)));
                }
            }
            return links;
        }
    }

    /**
     * Stores a link of a coding (or, with {@code codingId} null, a code) to a finding with a fixed time, not
     * undoable: for a project built as a fixed artefact (the sample project).
     */
    public static void insertFixed(Connection connection, Long codingId, Long codeId, FindingRef target, String note,
                                   String createdAt) throws SQLException {
        Sql.update(connection,
                SqlText.of("INSERT INTO evidence_link (coding_id, code_id, target_kind, target_key, note, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)"), codingId, codeId, target.kind().code(), target.key(), note,
                createdAt);
    }
}
