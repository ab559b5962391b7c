package org.divergence.core.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.coding.Codebook;

/**
 * The codebook with frequencies, in tree order: per code its coded segments (all coders and per coder), the
 * distinct cases and transcripts it occurs in. A code's figures count its own codings (children are not rolled up).
 */
public record CodebookSummary(List<String> coders, List<Row> rows) {

    public record Row(String path, String name, int depth, String color, String description, long segments,
                      List<Long> segmentsPerCoder, long cases, long transcripts) {
    }

    /** {@code coders} in the order the columns should show (e.g. by name). */
    public static CodebookSummary of(Codebook codebook, List<CodedSegment> segments, List<String> coders) {
        Map<Long, List<CodedSegment>> byCode = new HashMap<>();
        for (CodedSegment segment : segments) {
            byCode.computeIfAbsent(segment.codeId(), key -> new ArrayList<>()).add(segment);
        }
        List<Row> rows = new ArrayList<>();
        for (Code code : codebook.inTreeOrder()) {
            List<CodedSegment> own = byCode.getOrDefault(code.id(), List.of());
            List<Long> perCoder = new ArrayList<>();
            for (String coder : coders) {
                perCoder.add(own.stream().filter(segment -> coder.equals(segment.coder())).count());
            }
            Set<String> cases = new HashSet<>();
            Set<Long> transcripts = new HashSet<>();
            for (CodedSegment segment : own) {
                if (segment.caseName() != null) {
                    cases.add(segment.caseName());
                }
                transcripts.add(segment.transcriptId());
            }
            rows.add(new Row(codebook.path(code.id()), code.name(), codebook.depth(code.id()), code.color(),
                    code.description(), own.size(), List.copyOf(perCoder), cases.size(), transcripts.size()));
        }
        return new CodebookSummary(List.copyOf(coders), List.copyOf(rows));
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
