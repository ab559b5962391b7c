package org.divergence.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.divergence.app.semantic.SearchByMeaning;
import org.divergence.cli.common.ConsoleProgress;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.Json;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.coding.TextSearch;
import org.divergence.core.coding.TranscriptInfo;
import org.divergence.core.text.CodePointIndex;
import org.divergence.exchange.semantic.MiniLmEmbedder;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code transcripts search}: every occurrence of a phrase, or the passages closest in meaning to a query. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the transcripts for a phrase (--text, every occurrence in document order) or by "
                + "meaning (--semantic, the passages closest in meaning, best first, with their cosine similarity "
                + "-1..1).",
                "Search by meaning runs on this computer with a bundled model; nothing leaves it. The first search "
                        + "of a project reads its transcripts once (stored in the project as a cache)."})
final class TranscriptsSearch implements Callable<Integer> {

    static final class Query {
        @Option(names = "--text", paramLabel = "QUERY", description = "A word or phrase, case-insensitive.")
        String text;

        @Option(names = "--semantic", paramLabel = "QUERY", description = "What the passages should be about.")
        String semantic;
    }

    @Mixin
    ProjectOption project;

    @ArgGroup(multiplicity = "1")
    Query query;

    @Option(names = "--limit", paramLabel = "K", defaultValue = "20",
            description = "At most K hits (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print {\"hits\": [{transcript, case, start, end, text, score}]}; "
            + "offsets in code points, end exclusive; score is null for --text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<SearchByMeaning.Hit> hits;
        try (Project opened = Project.openForReading(project.path())) {
            if (query.semantic != null) {
                ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
                hits = SearchByMeaning.search(opened, MiniLmEmbedder.shared(), query.semantic, limit, progress);
                progress.finish();
            } else {
                hits = textHits(opened, query.text, limit);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            var array = root.putArray("hits");
            for (SearchByMeaning.Hit hit : hits) {
                ObjectNode node = array.addObject();
                node.put("transcript", hit.transcript());
                node.put("case", hit.caseName());
                node.put("start", hit.start());
                node.put("end", hit.end());
                node.put("text", hit.text());
                if (Double.isNaN(hit.score())) {
                    node.putNull("score");
                } else {
                    node.put("score", Math.round(hit.score() * 10_000) / 10_000.0);
                }
            }
            out.println(Json.MAPPER.writeValueAsString(root));
        } else {
            for (SearchByMeaning.Hit hit : hits) {
                String score = Double.isNaN(hit.score()) ? "" : String.format("%.3f  ", hit.score());
                out.printf("%s%s [%d, %d) %s%n", score, hit.transcript(), hit.start(), hit.end(),
                        oneLine(hit.text()));
            }
            out.printf("%d hit(s)%n", hits.size());
        }
        return ExitCodes.OK;
    }

    private static List<SearchByMeaning.Hit> textHits(Project project, String phrase, int limit) {
        TranscriptStore store = new TranscriptStore(project);
        List<SearchByMeaning.Hit> hits = new ArrayList<>();
        for (TranscriptInfo info : store.list()) {
            String text = store.text(info.id());
            CodePointIndex index = CodePointIndex.of(text);
            for (TextSearch.Hit hit : TextSearch.findAll(text, phrase, false)) {
                if (hits.size() == limit) {
                    return hits;
                }
                hits.add(new SearchByMeaning.Hit(info.id(), info.name(), info.caseName(), hit.start(), hit.end(),
                        CodePointIndex.substring(text, index, hit.start(), hit.end()), Double.NaN));
            }
        }
        return hits;
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 140 ? flat.substring(0, 139) + "\u2026" : flat;
    }
}
