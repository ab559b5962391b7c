package org.divergence.gui.coding;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.app.semantic.CodeSuggestions;
import org.divergence.core.coding.Code;
import org.divergence.core.semantic.Suggestions;
import org.divergence.exchange.semantic.MiniLmEmbedder;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.store.coding.CodingOrigins;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.project.Project;

/**
 * Suggestions for a code from the local model, reviewed one by one: an accepted suggestion becomes a coding by the
 * current coder that records the model, its score and the time (undoable); a rejected one leaves the list. Also the
 * model coding the code on its own, as a separate coder (ADR 0122).
 */
public final class SuggestionsViewModel {

    private final CodingWorkspace workspace;
    private final ObjectProperty<Code> code = new SimpleObjectProperty<>();
    private final ObservableList<CodeSuggestions.Suggestion> suggestions = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("Pick a code that has coded passages: the model "
            + "lists uncoded passages like them. It runs on this computer; nothing leaves it.");

    public SuggestionsViewModel(CodingWorkspace workspace) {
        this.workspace = workspace;
        workspace.context().projectProperty().addListener((obs, old, project) -> {
            suggestions.clear();
            code.set(null);
        });
    }

    public ObjectProperty<Code> codeProperty() {
        return code;
    }

    public ObservableList<CodeSuggestions.Suggestion> suggestions() {
        return suggestions;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public void suggest(Code chosen) {
        if (chosen == null || !workspace.hasProject()) {
            return;
        }
        code.set(chosen);
        suggestions.clear();
        Project project = workspace.project();
        summary.set("Looking for passages like \u201C" + chosen.name() + "\u201D\u2026");
        workspace.tasks().execute(BackgroundTask.of("Suggesting passages for \u201C" + chosen.name() + "\u201D",
                        progress -> CodeSuggestions.suggest(project, MiniLmEmbedder.shared(), chosen.id(),
                                Suggestions.DEFAULT_THRESHOLD, progress))
                .onSuccess(found -> {
                    suggestions.setAll(found);
                    summary.set(found.size() + " suggestion(s) for \u201C" + chosen.name() + "\u201D with a score of"
                            + " at least " + Suggestions.DEFAULT_THRESHOLD + ", best first. A accepts (codes it as "
                            + "you), R rejects. Similar wording and topic, not proof of the same meaning.");
                })
                .onFailure(error -> {
                    summary.set(error.getMessage());
                    workspace.dialogs().showError("No suggestions", error);
                }));
    }

    /** Codes the passage as the current coder, recording the suggestion; one undo step. */
    public void accept(CodeSuggestions.Suggestion suggestion) {
        Code chosen = code.get();
        if (chosen == null || suggestion == null) {
            return;
        }
        var passage = suggestion.passage();
        workspace.runAsCoder((project, coder) -> new CodingOrigins(project).accept(new CodingStore.Range(
                        passage.transcriptId(), passage.start(), passage.end()), chosen.id(), coder.id(), chosen.name(),
                        MiniLmEmbedder.shared().modelName(), passage.score()),
                id -> {
                    suggestions.remove(suggestion);
                    summary.set("Accepted: coded with \u201C" + chosen.name() + "\u201D as "
                            + workspace.currentCoderProperty().get() + " (Ctrl+Z takes it back). "
                            + suggestions.size() + " left.");
                });
    }

    public void reject(CodeSuggestions.Suggestion suggestion) {
        if (suggestions.remove(suggestion)) {
            summary.set("Rejected. " + suggestions.size() + " left.");
        }
    }

    /** The model codes the chosen code on its own as {@code coderName}, replacing its earlier codings of it. */
    public void autocode(String coderName, double threshold) {
        Code chosen = code.get();
        if (chosen == null || !workspace.hasProject()) {
            return;
        }
        Project project = workspace.project();
        String path = workspace.codebook().path(chosen.id());
        workspace.tasks().execute(BackgroundTask.of("Coding \u201C" + chosen.name() + "\u201D automatically",
                        progress -> CodeSuggestions.autocode(project, MiniLmEmbedder.shared(), path, coderName,
                                threshold, progress))
                .onSuccess(result -> summary.set("Coded " + result.coded() + " passage(s) with \u201C" + chosen.name()
                        + "\u201D as " + coderName + " (machine-made, score \u2265 " + result.threshold()
                        + "). Compare with a person in Agreement before trusting it.")));
    }
}
