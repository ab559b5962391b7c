package org.divergence.gui.agreement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.divergence.core.agreement.AgreementResult;
import org.divergence.core.agreement.AgreementUnit;
import org.divergence.core.agreement.CodeAgreement;
import org.divergence.core.agreement.Disagreement;
import org.divergence.core.agreement.KappaBand;
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
 * The Agreement screen's state: the two coders and the unit, the table (per code and overall, with kappa bands), and
 * the disagreements on the selected code side by side. Computes in the background, latest request wins; while blind
 * coding is on it computes nothing, so nobody sees the others' codings through it.
 */
public final class AgreementViewModel {

    /** Where a disagreement is shown in the text: opens the transcript and selects the range. */
    @FunctionalInterface
    public interface TextNavigator {
        void showInText(long transcriptId, int start, int end);
    }

    /** One row of the table. */
    public record Row(long codeId, String code, AgreementCounts counts, boolean overall) {
        public KappaBand band() {
            return KappaBand.of(counts.kappa());
        }
    }

    /** One disagreement, with the text it covers in the column of the coder who coded it. */
    public record DisagreementRow(long transcriptId, String transcript, int start, int end, String textA,
                                  String textB) {
    }

    static final int EXCERPT = 240;

    private final CodingWorkspace workspace;
    private final TextNavigator navigator;
    private final ObservableList<String> coders = FXCollections.observableArrayList();
    private final ObjectProperty<String> coderA = new SimpleObjectProperty<>();
    private final ObjectProperty<String> coderB = new SimpleObjectProperty<>();
    private final ObjectProperty<AgreementUnit> unit = new SimpleObjectProperty<>(AgreementUnit.CHARACTER);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ObservableList<DisagreementRow> disagreements = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AgreementResult> result = new ReadOnlyObjectWrapper<>();
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
        coderA.addListener((obs, old, value) -> requestRefresh());
        coderB.addListener((obs, old, value) -> requestRefresh());
        unit.addListener((obs, old, value) -> requestRefresh());
        selected.addListener((obs, old, row) -> fillDisagreements());
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
            coderA.set(null);
            coderB.set(null);
            clear();
            stale = true;
            // The workspace may have loaded the new project's coders already (its listener ran first).
            codersChanged();
        });
        codersChanged();
    }

    public ObservableList<String> coders() {
        return coders;
    }

    public ObjectProperty<String> coderAProperty() {
        return coderA;
    }

    public ObjectProperty<String> coderBProperty() {
        return coderB;
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

    public ReadOnlyObjectProperty<AgreementResult> resultProperty() {
        return result.getReadOnlyProperty();
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

    public void swapCoders() {
        String a = coderA.get();
        coderA.set(coderB.get());
        coderB.set(a);
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
        if (coderA.get() == null || !names.contains(coderA.get())) {
            coderA.set(names.isEmpty() ? null : names.getFirst());
        }
        if (coderB.get() == null || !names.contains(coderB.get()) || Objects.equals(coderA.get(), coderB.get())) {
            coderB.set(names.stream().filter(name -> !name.equals(coderA.get())).findFirst().orElse(null));
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

    public void refresh() {
        String a = coderA.get();
        String b = coderB.get();
        AgreementUnit chosen = unit.get();
        if (!workspace.hasProject() || workspace.blindCodingProperty().get()) {
            clear();
            return;
        }
        if (a == null || b == null || a.equals(b)) {
            clear();
            status.set(coders.size() < 2 ? "Agreement needs two coders: merge another coder's work, or let a "
                    + "second coder code." : "Choose two different coders.");
            return;
        }
        stale = false;
        busy.set(true);
        Project project = workspace.project();
        computations.schedule(BackgroundTask.of("Computing agreement", progress -> {
            AgreementResult computed = ComputeAgreement.compute(project, a, b, chosen, progress);
            Map<Long, Text> loaded = new HashMap<>();
            Set<Long> needed = new java.util.HashSet<>();
            computed.disagreements().forEach(d -> needed.add(d.transcriptId()));
            for (TranscriptInfo info : new TranscriptStore(project).list()) {
                if (needed.contains(info.id())) {
                    String text = new TranscriptStore(project).text(info.id());
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
            next.add(new Row(code.codeId(), code.code(), code.counts(), false));
        }
        if (!agreement.codes().isEmpty()) {
            next.add(new Row(-1, "Overall (pooled)", agreement.overall(), true));
        }
        result.set(agreement);
        rows.setAll(next);
        Row again = keep == null ? null : next.stream().filter(row -> row.codeId() == keep).findFirst().orElse(null);
        selected.set(again != null ? again : next.stream().filter(row -> !row.overall()).findFirst().orElse(null));
        fillDisagreements();
        AgreementCounts pooled = agreement.overall();
        status.set(agreement.codes().isEmpty() ? "Neither " + agreement.coderA() + " nor " + agreement.coderB()
                + " has applied a code yet." : String.format(java.util.Locale.ROOT, "%s (A) and %s (B): %,d codes, "
                + "%,d %s per code, every transcript counted in full. Overall (pooled): %s%% agreement, kappa %s "
                + "(%s), alpha %s.", agreement.coderA(), agreement.coderB(), agreement.codes().size(),
                agreement.unitsPerCode(), unitName(agreement), format(pooled.percentAgreement(), 1),
                format(pooled.kappa(), 3), KappaBand.of(pooled.kappa()).label(), format(pooled.alpha(), 3)));
    }

    private static String format(Double value, int decimals) {
        return value == null ? "undefined" : String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String unitName(AgreementResult agreement) {
        return switch (agreement.unit()) {
            case CHARACTER -> "characters";
            case SENTENCE -> "sentences";
            case PARAGRAPH -> "paragraphs";
            case TURN -> "speaker turns";
        };
    }

    private void fillDisagreements() {
        Row row = selected.get();
        AgreementResult agreement = result.get();
        if (row == null || agreement == null) {
            disagreements.clear();
            return;
        }
        List<DisagreementRow> next = new ArrayList<>();
        List<Disagreement> chosen = row.overall() ? agreement.disagreements() : agreement.disagreements(row.codeId());
        for (Disagreement d : chosen) {
            Text text = texts.get(d.transcriptId());
            String excerpt = text == null ? "" : excerpt(text, d.start(), d.end());
            String name = text == null ? "?" : text.name();
            boolean a = d.side() == Disagreement.Side.A_ONLY;
            next.add(new DisagreementRow(d.transcriptId(), name, d.start(), d.end(), a ? excerpt : "",
                    a ? "" : excerpt));
        }
        disagreements.setAll(next);
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
        texts = Map.of();
        status.set(workspace.blindCodingProperty().get() ? "Blind coding is on." : "");
    }
}
