package org.divergence.app.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.coding.TranscriptInfo;
import org.divergence.core.semantic.PassageIndex;
import org.divergence.core.semantic.TextEmbedder;
import org.divergence.core.text.CodePointIndex;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;

/** Search by meaning: the passages whose vectors are closest to the query's, best first, with their text. */
public final class SearchByMeaning {

    /** A passage found: code points [start, end) of a transcript, its text, and its cosine with the query. */
    public record Hit(long transcriptId, String transcript, String caseName, int start, int end, String text,
                      double score) {
    }

    private SearchByMeaning() {
    }

    public static List<Hit> search(Project project, TextEmbedder embedder, String query, int limit,
                                   Progress progress) {
        if (query == null || query.isBlank()) {
            throw new InvalidInputException("Type what you are looking for: the query is empty.");
        }
        if (limit < 1) {
            throw new InvalidInputException("--limit must be at least 1, not " + limit);
        }
        PassageIndex index = PassageEmbeddings.index(project, embedder, progress);
        List<PassageIndex.Scored> nearest = index.nearest(embedder.embed(query.strip()), limit);
        return withText(project, nearest);
    }

    /** The passages with their transcript, case and text. */
    static List<Hit> withText(Project project, List<PassageIndex.Scored> passages) {
        TranscriptStore store = new TranscriptStore(project);
        Map<Long, TranscriptInfo> transcripts = new HashMap<>();
        for (TranscriptInfo info : store.list()) {
            transcripts.put(info.id(), info);
        }
        Map<Long, String> texts = new HashMap<>();
        Map<Long, CodePointIndex> indexes = new HashMap<>();
        List<Hit> hits = new ArrayList<>();
        for (PassageIndex.Scored scored : passages) {
            PassageIndex.Entry entry = scored.entry();
            String text = texts.computeIfAbsent(entry.transcriptId(), store::text);
            CodePointIndex index = indexes.computeIfAbsent(entry.transcriptId(), id -> CodePointIndex.of(text));
            TranscriptInfo info = transcripts.get(entry.transcriptId());
            hits.add(new Hit(entry.transcriptId(), info.name(), info.caseName(), entry.start(), entry.end(),
                    CodePointIndex.substring(text, index, entry.start(), entry.end()), scored.score()));
        }
        return hits;
    }
}
