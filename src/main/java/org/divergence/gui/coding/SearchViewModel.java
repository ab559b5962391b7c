package org.divergence.gui.coding;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.app.semantic.SearchByMeaning;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.TextSearch;
import org.divergence.core.coding.TranscriptInfo;
import org.divergence.exchange.semantic.MiniLmEmbedder;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;

/**
 * Search across all transcripts, by words or by meaning (a local model, ADR 0120), and coding every hit with one
 * code in one undoable step.
 */
public final class SearchViewModel {

    /** A hit with its context, offsets in code points; a search by meaning gives a score and no context. */
    public record Hit(long transcriptId, String transcript, String caseName, int start, int end, String before,
                      String match, String after, double score) {
    }

    /** How the query is matched: its words, or its meaning by the local model. */
    public enum Mode {
        WORDS("Words"), MEANING("By meaning");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** At most this many passages by meaning: the list is read from the top; the rest are weaker. */
    static final int MEANING_LIMIT = 50;

    private final CodingWorkspace workspace;
    private final StringProperty query = new SimpleStringProperty("");
    private final BooleanProperty wholeWords = new SimpleBooleanProperty(true);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.WORDS);
    private final ObservableList<Hit> hits = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");

    public SearchViewModel(CodingWorkspace workspace) {
        this.workspace = workspace;
        workspace.context().projectProperty().addListener((obs, old, project) -> {
            hits.clear();
            summary.set("");
        });
    }

    public StringProperty queryProperty() {
        return query;
    }

    public BooleanProperty wholeWordsProperty() {
        return wholeWords;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ObservableList<Hit> hits() {
        return hits;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public void search() {
        String phrase = query.get();
        if (!workspace.hasProject() || phrase == null || phrase.isBlank()) {
            hits.clear();
            summary.set("Type a word or phrase to search every transcript.");
            return;
        }
        Project project = workspace.project();
        if (mode.get() == Mode.MEANING) {
            searchByMeaning(project, phrase.strip());
            return;
        }
        boolean words = wholeWords.get();
        workspace.tasks().execute(BackgroundTask.of("Searching transcripts", progress -> {
            List<Hit> found = new ArrayList<>();
            TranscriptStore store = new TranscriptStore(project);
            for (TranscriptInfo info : store.list()) {
                progress.checkCancelled();
                TranscriptDocument document = TranscriptDocument.of(info, store.text(info.id()));
                int length = document.index().codePointLength();
                for (TextSearch.Hit hit : TextSearch.findAll(document.text(), phrase, words)) {
                    int from = Math.max(0, hit.start() - 60);
                    int to = Math.min(length, hit.end() + 60);
                    found.add(new Hit(info.id(), info.name(), info.caseName(), hit.start(), hit.end(),
                            CodingView.abbreviate(document.slice(from, hit.start()), 80),
                            document.slice(hit.start(), hit.end()),
                            CodingView.abbreviate(document.slice(hit.end(), to), 80), Double.NaN));
                }
            }
            return found;
        }).quiet().onSuccess(found -> {
            hits.setAll(found);
            summary.set(found.size() + " hit(s) for \u201C" + phrase.strip() + "\u201D in "
                    + found.stream().map(Hit::transcriptId).distinct().count() + " transcript(s).");
        }));
    }

    /**
     * The passages closest in meaning, best first. The first search of a project reads its transcripts once (stored
     * in the project), with progress and cancel in the status bar; later searches take milliseconds.
     */
    private void searchByMeaning(Project project, String phrase) {
        summary.set("Searching by meaning\u2026 (runs on this computer; the first search reads every transcript once)");
        workspace.tasks().execute(BackgroundTask.of("Searching by meaning", progress ->
                SearchByMeaning.search(project, MiniLmEmbedder.shared(), phrase, MEANING_LIMIT, progress).stream()
                        .map(hit -> new Hit(hit.transcriptId(), hit.transcript(), hit.caseName(), hit.start(),
                                hit.end(), "", CodingView.abbreviate(hit.text(), 400), "", hit.score()))
                        .toList())
                .onSuccess(found -> {
                    hits.setAll(found);
                    summary.set(found.size() + " passage(s) closest in meaning to \u201C" + phrase
                            + "\u201D, best first. Scores are cosine similarities (\u22121 to 1): similar wording "
                            + "and topic, not proof of the same meaning.");
                })
                .onCancelled(() -> summary.set("Search by meaning cancelled; what was read so far is kept.")));
    }

    /** Codes every hit with {@code code} as the current coder: one undo step. */
    public void codeAllHits(Code code) {
        List<CodingStore.Range> ranges = hits.stream().map(hit -> new CodingStore.Range(hit.transcriptId(),
                hit.start(), hit.end())).toList();
        if (ranges.isEmpty() || code == null) {
            return;
        }
        workspace.rememberRecent(code);
        workspace.runAsCoder((project, coder) -> new CodingStore(project).applyCodeToAll(ranges, code.id(),
                coder.id(), code.name()), added -> summary.set("Coded " + added + " hit(s) with \u201C" + code.name()
                + "\u201D" + (added < ranges.size() ? " (" + (ranges.size() - added) + " already had it)" : "") + "."));
    }
}
