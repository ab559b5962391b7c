package org.divergence.gui.agreement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.divergence.app.agreement.ComputeAgreement;
import org.divergence.core.agreement.AgreementCounts;
import org.divergence.core.agreement.AgreementFigures;
import org.divergence.core.agreement.AgreementResult;
import org.divergence.core.agreement.AgreementUnit;
import org.divergence.core.agreement.CodeAgreement;
import org.divergence.core.agreement.Disagreement;
import org.divergence.core.agreement.KappaBand;
import org.divergence.core.agreement.PairAgreement;
import org.divergence.core.coding.Coder;
import org.divergence.core.coding.TranscriptInfo;
import org.divergence.core.text.CodePointIndex;
import org.divergence.gui.coding.CodingWorkspace;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.LatestTaskScheduler;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;

/**
 * The Agreement screen's state: the coders compared (two or more) and the unit, the table (per code and overall,
 * with kappa bands), and for the selected code the passages where the coders differ, with who coded them, and each
 * pair of coders' table. Computes in the background, latest request wins; while blind coding is on it computes
 * nothing, so nobody sees the others' codings through it.
 */
public final class AgreementViewModel {

    /** Where a disagreement is shown in the text: opens the transcript and selects the range. */
    @FunctionalInterface
    public interface TextNavigator {
        void showInText(long transcriptId, int start, int end);
    }

    /** One row of the table. */
    public record Row(long codeId, String code, AgreementFigures figures, boolean overall) {
        /** The band of Cohen's kappa (two coders) or Fleiss' kappa (more). */
        public KappaBand band() {
            return KappaBand.of(figures.coders() == 2 ? figures.kappa() : figures.fleissKappa());
        }
    }

    /** One disagreement: the passage, and who coded it and who did not. */
    public record DisagreementRow(long transcriptId, String transcript, int start, int end, String text,
                                  String codedBy, String notCodedBy) {
    }

    /** One pair of coders' table on the selected code (or pooled). */
    public record PairRow(String coders, AgreementCounts counts) {
    }

    static final int EXCERPT = 240;

    private final CodingWorkspace workspace;
    private final TextNavigator navigator;
    private final ObservableList<String> coders = FXCollections.observableArrayList();
    private final ObservableList<String> chosen = FXCollections.observableArrayList();
    private final Set<String> known = new HashSet<>();
    private final ObjectProperty<AgreementUnit> unit = new SimpleObjectProperty<>(AgreementUnit.CHARACTER);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ObservableList<DisagreementRow> disagreements = FXCollections.observableArrayList();
    private final ObservableList<PairRow> pairs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AgreementResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper twoCoders = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private Map<Long, Text> texts = Map.of();
    private boolean active;
    private boolean stale = true;
    /** Latest wins: a newer request cancels the one still running, and only its result is shown. */
    private final LatestTaskScheduler computations;

    private record Text(String name, String text, CodePointIndex index) {
    }

    private record Computed(AgreementResult result, Map<Long, Text> texts) {
    }

    public AgreementViewModel(CodingWorkspace workspace, TextNavigator navigator) {
        this.computations = new LatestTaskScheduler(workspace.tasks(), Duration.ZERO);
        this.workspace = workspace;
        this.navigator = navigator;
        chosen.addListener((ListChangeListener<String>) change -> requestRefresh());
        unit.addListener((obs, old, value) -> requestRefresh());
        selected.addListener((obs, old, row) -> fillSelection());
        workspace.blindCodingProperty().addListener((obs, old, blind) -> {
            if (blind) {
                clear();
                stale = true;
            } else {
                requestRefresh();
            }
        });
        workspace.coders().addListener((ListChangeListener<Coder>) change -> codersChanged());
        workspace.addChangeListener(this::dataChanged);
        workspace.context().projectProperty().addListener((obs, old, project) -> {
            known.clear();
            chosen.clear();
            clear();
            stale = true;
            // The workspace may have loaded the new project's coders already (its listener ran first).
            codersChanged();
        });
        codersChanged();
    }

    /** Every coder of the project, by name. */
    public ObservableList<String> coders() {
        return coders;
    }

    /** The coders compared, in the order of {@link #coders()}: all of them at first, and any coder who joins. */
    public ObservableList<String> chosenCoders() {
        return chosen;
    }

    /** Adds or removes a coder from the comparison. */
    public void choose(String coder, boolean compared) {
        if (compared && !chosen.contains(coder) && coders.contains(coder)) {
            List<String> next = coders.stream().filter(name -> name.equals(coder) || chosen.contains(name)).toList();
            chosen.setAll(next);
        } else if (!compared) {
            chosen.remove(coder);
        }
    }

    public ObjectProperty<AgreementUnit> unitProperty() {
        return unit;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public ObservableList<DisagreementRow> disagreements() {
        return disagreements;
    }

    public ObservableList<PairRow> pairs() {
        return pairs;
    }

    public ReadOnlyObjectProperty<AgreementResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Whether the table shows two coders (their 2 × 2 counts and Cohen's kappa) or more (Fleiss' kappa). */
    public ReadOnlyBooleanProperty twoCodersProperty() {
        return twoCoders.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanProperty blindCodingProperty() {
        return workspace.blindCodingProperty();
    }

    /** Called when the screen is shown: computes on first show and whenever something changed meanwhile. */
    public void shown() {
        active = true;
        if (stale) {
            refresh();
        }
    }

    /** Opens a disagreement in the Interviews editor with its range selected. */
    public void showInText(DisagreementRow row) {
        if (row != null) {
            navigator.showInText(row.transcriptId(), row.start(), row.end());
        }
    }

    private void codersChanged() {
        List<String> names = workspace.coders().stream().map(Coder::name).toList();
        if (!coders.equals(names)) {
            coders.setAll(names);
        }
        List<String> next = names.stream().filter(name -> chosen.contains(name) || !known.contains(name)).toList();
        known.addAll(names);
        if (!chosen.equals(next)) {
            chosen.setAll(next);
        }
    }

    private void dataChanged(Set<DataArea> areas) {
        if (areas.contains(DataArea.CODINGS) || areas.contains(DataArea.CODEBOOK)
                || areas.contains(DataArea.TRANSCRIPTS)) {
            requestRefresh();
        }
    }

    private void requestRefresh() {
        stale = true;
        if (active) {
            refresh();
        }
    }

    /** The codebook the coded passages use (names, colours and paths of the table's codes). */
    public org.divergence.core.coding.Codebook codebook() {
        return workspace.codebook();
    }

    public void refresh() {
        List<String> compared = List.copyOf(chosen);
        AgreementUnit chosenUnit = unit.get();
        if (!workspace.hasProject() || workspace.blindCodingProperty().get()) {
            clear();
            return;
        }
        if (compared.size() < 2) {
            clear();
            status.set(coders.size() < 2 ? "Agreement needs two coders: merge another coder's work, or let a "
                    + "second coder code." : "Choose two coders or more.");
            return;
        }
        stale = false;
        busy.set(true);
        Project project = workspace.project();
        computations.schedule(BackgroundTask.of("Computing agreement", progress -> {
            AgreementResult computed = ComputeAgreement.compute(project, compared, chosenUnit, false, progress);
            Map<Long, Text> loaded = new HashMap<>();
            Set<Long> needed = new HashSet<>();
            computed.disagreements().forEach(d -> needed.add(d.transcriptId()));
            TranscriptStore store = new TranscriptStore(project);
            for (TranscriptInfo info : store.list()) {
                if (needed.contains(info.id())) {
                    String text = store.text(info.id());
                    loaded.put(info.id(), new Text(info.name(), text, CodePointIndex.of(text)));
                }
            }
            return new Computed(computed, loaded);
        }).quiet().onSuccess(this::apply).onFailure(error -> {
            clear();
            status.set(error.getMessage());
        }).onFinished(() -> busy.set(false)));
    }

    private void apply(Computed computed) {
        AgreementResult agreement = computed.result();
        texts = computed.texts();
        Long keep = selected.get() == null ? null : selected.get().codeId();
        List<Row> next = new ArrayList<>();
        for (CodeAgreement code : agreement.codes()) {
            next.add(new Row(code.codeId(), code.code(), code.figures(), false));
        }
        if (!agreement.codes().isEmpty()) {
            next.add(new Row(-1, "Overall (pooled)", agreement.overall(), true));
        }
        twoCoders.set(agreement.coders().size() == 2);
        result.set(agreement);
        rows.setAll(next);
        Row again = keep == null ? null : next.stream().filter(row -> row.codeId() == keep).findFirst().orElse(null);
        selected.set(again != null ? again : next.stream().filter(row -> !row.overall()).findFirst().orElse(null));
        fillSelection();
        status.set(summary(agreement));
    }

    private String summary(AgreementResult agreement) {
        List<String> names = agreement.coders();
        String who = names.size() == 2 ? names.get(0) + " (A) and " + names.get(1) + " (B)"
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
        if (agreement.codes().isEmpty()) {
            return "No code applied yet by " + who + ".";
        }
        AgreementFigures pooled = agreement.overall();
        String kappa = names.size() == 2 ? "kappa " + format(pooled.kappa(), 3) + " (" + KappaBand.of(pooled.kappa())
                .label() + ")" : "Fleiss' kappa " + format(pooled.fleissKappa(), 3) + " ("
                + KappaBand.of(pooled.fleissKappa()).label() + ")";
        return String.format(Locale.ROOT, "%s: %,d codes, %,d %s per code, every transcript counted in full. Overall "
                        + "(pooled): %s%% agreement, %s, alpha %s, unitizing alpha %s (over characters).", who,
                agreement.codes().size(), agreement.unitsPerCode(), unitName(agreement),
                format(pooled.percentAgreement(), 1), kappa, format(pooled.alpha(), 3), format(pooled.alphaU(), 3));
    }

    private static String format(Double value, int decimals) {
        return value == null ? "undefined" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String unitName(AgreementResult agreement) {
        return switch (agreement.unit()) {
            case CHARACTER -> "characters";
            case SENTENCE -> "sentences";
            case PARAGRAPH -> "paragraphs";
            case TURN -> "speaker turns";
        };
    }

    private void fillSelection() {
        Row row = selected.get();
        AgreementResult agreement = result.get();
        if (row == null || agreement == null) {
            disagreements.clear();
            pairs.clear();
            return;
        }
        List<DisagreementRow> next = new ArrayList<>();
        List<Disagreement> chosenOnes = row.overall() ? agreement.disagreements()
                : agreement.disagreements(row.codeId());
        for (Disagreement d : chosenOnes) {
            Text text = texts.get(d.transcriptId());
            next.add(new DisagreementRow(d.transcriptId(), text == null ? "?" : text.name(), d.start(), d.end(),
                    text == null ? "" : excerpt(text, d.start(), d.end()),
                    String.join(", ", agreement.coders(d, true)), String.join(", ", agreement.coders(d, false))));
        }
        disagreements.setAll(next);
        List<PairRow> tables = new ArrayList<>();
        for (PairAgreement pair : row.figures().pairs()) {
            tables.add(new PairRow(agreement.coders().get(pair.coderA()) + " (A), "
                    + agreement.coders().get(pair.coderB()) + " (B)", pair.counts()));
        }
        pairs.setAll(tables);
    }

    private static String excerpt(Text text, int start, int end) {
        int length = text.index().codePointLength();
        int from = Math.clamp(start, 0, length);
        int to = Math.clamp(end, from, length);
        String slice = CodePointIndex.substring(text.text(), text.index(), from, Math.min(to, from + EXCERPT));
        return slice.replace('\n', ' ').strip() + (to - from > EXCERPT ? "…" : "");
    }

    private void clear() {
        computations.cancel();
        busy.set(false);
        result.set(null);
        rows.clear();
        selected.set(null);
        disagreements.clear();
        pairs.clear();
        texts = Map.of();
        status.set(workspace.blindCodingProperty().get() ? "Blind coding is on." : "");
    }
}
