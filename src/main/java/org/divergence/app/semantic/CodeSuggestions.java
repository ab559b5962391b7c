package org.divergence.app.semantic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Coder;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.semantic.PassageIndex;
import org.divergence.core.semantic.Suggestions;
import org.divergence.core.semantic.TextEmbedder;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingOrigins;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.project.Project;

/**
 * Passages like a code's coded passages (ADR 0122): suggestions for a person to review, and the model coding on its
 * own as a separate coder, so that agreement can check it against a person before anyone trusts it.
 */
public final class CodeSuggestions {

    /** A suggested passage beside the coded passage it is closest to. */
    public record Suggestion(SearchByMeaning.Hit passage, SearchByMeaning.Hit closestExample) {
    }

    /** What autocoding did: passages coded, from how many coded passages, at which threshold, by which model. */
    public record Autocoded(int coded, int examples, double threshold, String model) {
    }

    private CodeSuggestions() {
    }

    /** The passages not yet coded with the code whose score is at least {@code threshold}, best first. */
    public static List<Suggestion> suggest(Project project, TextEmbedder embedder, long codeId, double threshold,
                                           Progress progress) {
        Scoring scoring = score(project, embedder, codeId, threshold, progress);
        Set<Integer> examples = new HashSet<>(scoring.examples());
        List<Suggestions.Suggestion> found = scoring.found().stream()
                .filter(suggestion -> !examples.contains(suggestion.passage().row())).toList();
        List<SearchByMeaning.Hit> passages = SearchByMeaning.withText(project, found.stream()
                .map(Suggestions.Suggestion::passage).toList());
        List<SearchByMeaning.Hit> closest = SearchByMeaning.withText(project, found.stream()
                .map(s -> new PassageIndex.Scored(scoring.index().entry(s.closestExampleRow()),
                        s.closestExampleRow(), 1)).toList());
        List<Suggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            suggestions.add(new Suggestion(passages.get(i), closest.get(i)));
        }
        return suggestions;
    }

    /**
     * Codes every passage whose score is at least {@code threshold} as {@code coderName}, each marked machine-made,
     * replacing that coder's earlier codings of the code: one undo step.
     */
    public static Autocoded autocode(Project project, TextEmbedder embedder, String codePath, String coderName,
                                     double threshold, Progress progress) {
        if (!(threshold >= -1 && threshold <= 1)) {
            throw new InvalidInputException("--threshold must be between -1 and 1, not " + threshold);
        }
        Code code = new CodebookStore(project).load().byPath(codePath)
                .orElseThrow(() -> new InvalidInputException("--code: no code " + codePath));
        Scoring scoring = score(project, embedder, code.id(), threshold, progress);
        List<CodingOrigins.Scored> passages = scoring.found().stream().map(s -> new CodingOrigins.Scored(
                new CodingStore.Range(s.passage().entry().transcriptId(), s.passage().entry().start(),
                        s.passage().entry().end()), s.score())).toList();
        Coder coder = new CodingStore(project).ensureCoder(coderName);
        int coded = new CodingOrigins(project).replaceMachineCodings(code.id(), code.name(), coder, passages,
                embedder.modelName()).run();
        return new Autocoded(coded, scoring.examples().size(), threshold, embedder.modelName());
    }

    private record Scoring(PassageIndex index, List<Integer> examples, List<Suggestions.Suggestion> found) {
    }

    private static Scoring score(Project project, TextEmbedder embedder, long codeId, double threshold,
                                 Progress progress) {
        List<PassageIndex.Entry> coded = project.read(connection -> CodingOrigins.personCodings(connection, codeId))
                .stream().map(r -> new PassageIndex.Entry(r.transcriptId(), r.start(), r.end())).toList();
        if (coded.isEmpty()) {
            throw new InvalidInputException("The code has no coded passages yet: code a few passages by hand first,"
                    + " then the model can look for similar ones.");
        }
        PassageIndex index = PassageEmbeddings.index(project, embedder, progress);
        List<Integer> examples = Suggestions.rowsOverlapping(index, coded);
        return new Scoring(index, examples, Suggestions.score(index, examples, row -> true, threshold));
    }
}
