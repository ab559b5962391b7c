package org.divergence.store.coding;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.coding.InterviewCase;
import org.divergence.core.text.CodePointIndex;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;

/** Coded segments with their text, case and code path: for retrieval, analysis and CSV exports. */
public final class SegmentQuery {

    /**
     * Which segments: codes (null = all), coder name (null = all), attribute name and value (null = any),
     * transcript (null = all).
     */
    public record Filter(Set<Long> codeIds, String coder, String attribute, String attributeValue, Long transcriptId) {
        public static final Filter ALL = new Filter(null, null, null, null, null);
    }

    private SegmentQuery() {
    }

    public static List<CodedSegment> segments(Project project, Filter filter) {
        return project.read(connection -> segments(connection, filter));
    }

    public static List<CodedSegment> segments(Connection connection, Filter filter) throws SQLException {
        Codebook codebook = CodebookStore.load(connection);
        Map<Long, InterviewCase> cases = new HashMap<>();
        CaseStore.cases(connection).forEach(c -> cases.put(c.id(), c));
        record Row(long id, String guid, long transcriptId, String transcript, Long caseId, long codeId,
                   String coder, int start, int end, String createdAt) {
        }
        List<Row> rows = Sql.list(connection,
                SqlText.of("SELECT g.id, g.guid, g.transcript_id, t.name, t.case_id, g.code_id, c.name, g.start_cp,"
                        + " g.end_cp, g.created_at FROM coding g JOIN transcript t ON t.id = g.transcript_id JOIN coder"
                        + " c ON c.id = g.coder_id ORDER BY t.name COLLATE NOCASE, t.id, g.start_cp, g.end_cp, g.id"),
                rs -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        Sql.nullableLong(rs, "case_id"), rs.getLong(6), rs.getString(7), rs.getInt(8), rs.getInt(9),
                        rs.getString(10)));
        Map<Long, String> texts = new HashMap<>();
        Map<Long, CodePointIndex> indexes = new HashMap<>();
        List<CodedSegment> result = new ArrayList<>();
        for (Row row : rows) {
            if (filter.codeIds() != null && !filter.codeIds().contains(row.codeId())) {
                continue;
            }
            if (filter.coder() != null && !filter.coder().equals(row.coder())) {
                continue;
            }
            if (filter.transcriptId() != null && filter.transcriptId() != row.transcriptId()) {
                continue;
            }
            InterviewCase interviewCase = row.caseId() == null ? null : cases.get(row.caseId());
            Map<String, String> attributes = interviewCase == null ? Map.of() : interviewCase.attributes();
            if (filter.attribute() != null && filter.attributeValue() != null
                    && !filter.attributeValue().equals(attributes.get(filter.attribute()))) {
                continue;
            }
            String text = texts.computeIfAbsent(row.transcriptId(), id -> {
                try {
                    return TranscriptStore.text(connection, id);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            CodePointIndex index = indexes.computeIfAbsent(row.transcriptId(), id -> CodePointIndex.of(text));
            result.add(new CodedSegment(row.id(), row.guid(), row.transcriptId(), row.transcript(),
                    interviewCase == null ? null : interviewCase.name(), attributes, row.codeId(),
                    codebook.path(row.codeId()), row.coder(), row.start(), row.end(),
                    CodePointIndex.substring(text, index, row.start(), row.end()), row.createdAt()));
        }
        return result;
    }
}
