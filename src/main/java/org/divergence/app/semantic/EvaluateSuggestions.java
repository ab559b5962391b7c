package org.divergence.app.semantic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.common.Progress;
import org.divergence.core.semantic.HoldOutEvaluation;
import org.divergence.core.semantic.PassageIndex;
import org.divergence.core.semantic.TextEmbedder;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingOrigins;
import org.divergence.store.project.Project;

/** Leave-one-transcript-out precision and recall of suggestions, per code with person codings ({@code bench semantic}). */
public final class EvaluateSuggestions {

    private EvaluateSuggestions() {
    }

    /** By code path, in codebook order, for each threshold; codes nobody coded are left out. */
    public static Map<String, List<HoldOutEvaluation.Counts>> evaluate(Project project, TextEmbedder embedder,
                                                                        List<Double> thresholds, Progress progress) {
        PassageIndex index = PassageEmbeddings.index(project, embedder, progress);
        Codebook codebook = new CodebookStore(project).load();
        Map<String, List<HoldOutEvaluation.Counts>> byCode = new LinkedHashMap<>();
        for (Code code : codebook.inTreeOrder()) {
            List<PassageIndex.Entry> codings = project.read(connection -> CodingOrigins.personCodings(connection,
                    code.id())).stream().map(r -> new PassageIndex.Entry(r.transcriptId(), r.start(), r.end()))
                    .toList();
            if (!codings.isEmpty()) {
                byCode.put(codebook.path(code.id()), thresholds.stream()
                        .map(threshold -> HoldOutEvaluation.evaluate(index, codings, threshold)).toList());
            }
        }
        return byCode;
    }
}
