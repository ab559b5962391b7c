package org.divergence.gui.coding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Coder;
import org.divergence.core.coding.Coding;
import org.divergence.core.coding.CodingOrigin;
import org.divergence.core.coding.InterviewCase;
import org.divergence.core.coding.Memo;
import org.divergence.core.coding.TranscriptInfo;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.LatestTaskScheduler;
import org.divergence.store.coding.CaseStore;
import org.divergence.store.coding.CodingOrigins;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.MemoStore;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;

/**
 * The coding screen's state: the transcripts, the open one with its codings, which coder's codings show, the
 * selection (in code points), the codings under the caret, and the actions that apply and remove codes.
 */
public final class CodingViewModel {

    /** A range to select in the editor, in code points: set when jumping to a source. */
    public record Selection(long transcriptId, int start, int end) {
    }

    /**
     * What the status line says about one coding, kept true by the codings as loaded: applied and then undone, the
     * line says so; removed and then brought back by an undo, too.
     */
    private record StatusClaim(long transcriptId, long codingId, String whilePresent, String whileAbsent) {
    }

    private final CodingWorkspace workspace;
    private final ObservableList<TranscriptInfo> transcripts = FXCollections.observableArrayList();
    private final ObjectProperty<TranscriptInfo> selectedTranscript = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TranscriptDocument> document = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Coding> codings = FXCollections.observableArrayList();
    private final ObjectProperty<Coder> coderFilter = new SimpleObjectProperty<>();
    private final IntegerProperty selectionStart = new SimpleIntegerProperty();
    private final IntegerProperty selectionEnd = new SimpleIntegerProperty();
    private final ObservableList<Coding> codingsAtCaret = FXCollections.observableArrayList();
    private final ObjectProperty<Selection> pendingSelection = new SimpleObjectProperty<>();
    private final ObjectProperty<Selection> collapseRequest = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final Set<Long> codingsWithMemos = new HashSet<>();
    private final Map<Long, CodingOrigin> origins = new HashMap<>();
    private StatusClaim claim;
    /** Latest wins: opening a transcript or reloading its codings cancels the load still running. */
    private final LatestTaskScheduler loads;
    private long transcriptsReload;

    public CodingViewModel(CodingWorkspace workspace) {
        this.loads = new LatestTaskScheduler(workspace.tasks(), Duration.ZERO);
        this.workspace = workspace;
        selectedTranscript.addListener((obs, old, info) -> {
            if (info == null || old == null || info.id() != old.id()) {
                openTranscript(info);
            }
        });
        coderFilter.addListener((obs, old, coder) -> refreshCaret(selectionStart.get()));
        workspace.blindCodingProperty().addListener((obs, old, blind) -> refreshCaret(selectionStart.get()));
        workspace.currentCoderProperty().addListener((obs, old, name) -> refreshCaret(selectionStart.get()));
        workspace.addChangeListener(this::dataChanged);
        workspace.context().projectProperty().addListener((obs, old, project) -> {
            selectedTranscript.set(null);
            transcripts.clear();
            coderFilter.set(null);
            reloadTranscripts();
        });
        reloadTranscripts();
    }

    public CodingWorkspace workspace() {
        return workspace;
    }

    public ObservableList<TranscriptInfo> transcripts() {
        return transcripts;
    }

    public ObjectProperty<TranscriptInfo> selectedTranscriptProperty() {
        return selectedTranscript;
    }

    public ReadOnlyObjectProperty<TranscriptDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public TranscriptDocument document() {
        return document.get();
    }

    /** Every coding of the open transcript, by every coder, ordered by start. */
    public ObservableList<Coding> codings() {
        return codings;
    }

    /** Null shows every coder's codings; a coder shows only theirs. */
    public ObjectProperty<Coder> coderFilterProperty() {
        return coderFilter;
    }

    /** The codings the editor shows: the coder filter's, or only the current coder's while coding blind. */
    public List<Coding> visibleCodings() {
        if (workspace.blindCodingProperty().get()) {
            String me = workspace.currentCoderProperty().get();
            return codings.stream().filter(coding -> coderName(coding.coderId()).equals(me)).toList();
        }
        Coder filter = coderFilter.get();
        return filter == null ? List.copyOf(codings)
                : codings.stream().filter(coding -> coding.coderId() == filter.id()).toList();
    }

    public IntegerProperty selectionStartProperty() {
        return selectionStart;
    }

    public IntegerProperty selectionEndProperty() {
        return selectionEnd;
    }

    public ObservableList<Coding> codingsAtCaret() {
        return codingsAtCaret;
    }

    public ObjectProperty<Selection> pendingSelectionProperty() {
        return pendingSelection;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Whether a model suggested or made this coding, and with which score (ADR 0122). */
    public Optional<CodingOrigin> origin(Coding coding) {
        return Optional.ofNullable(origins.get(coding.id()));
    }

    public boolean hasMemo(Coding coding) {
        return codingsWithMemos.contains(coding.id());
    }

    private void dataChanged(Set<DataArea> areas) {
        if (areas.contains(DataArea.TRANSCRIPTS) || areas.contains(DataArea.CASES)
                || areas.contains(DataArea.CODINGS)) {
            reloadTranscripts();
        }
        if (areas.contains(DataArea.CODINGS) || areas.contains(DataArea.MEMOS) || areas.contains(DataArea.CODEBOOK)) {
            reloadCodings();
        }
    }

    public void reloadTranscripts() {
        if (!workspace.hasProject()) {
            transcripts.clear();
            return;
        }
        Project project = workspace.project();
        long reload = ++transcriptsReload;
        workspace.tasks().execute(BackgroundTask.of("Loading transcripts", progress -> new TranscriptStore(project)
                .list()).quiet().onSuccess(list -> {
                    if (workspace.project() != project || reload != transcriptsReload) {
                        return;
                    }
                    TranscriptInfo selected = selectedTranscript.get();
                    transcripts.setAll(list);
                    Selection pending = pendingSelection.get();
                    if (pending != null && (selected == null || selected.id() != pending.transcriptId())) {
                        list.stream().filter(t -> t.id() == pending.transcriptId()).findFirst()
                                .ifPresent(selectedTranscript::set);
                    } else if (selected != null) {
                        list.stream().filter(t -> t.id() == selected.id()).findFirst()
                                .ifPresentOrElse(selectedTranscript::set, () -> selectedTranscript.set(null));
                    }
                }));
    }

    private void openTranscript(TranscriptInfo info) {
        if (claim != null && (info == null || info.id() != claim.transcriptId())) {
            say(""); // what the line said was about the transcript closed
        }
        loads.cancel();
        loading.set(false);
        document.set(null);
        codings.clear();
        codingsAtCaret.clear();
        codingsWithMemos.clear();
        origins.clear();
        if (info == null || !workspace.hasProject()) {
            return;
        }
        Project project = workspace.project();
        loading.set(true);
        loads.schedule(BackgroundTask.of("Opening " + info.name(), progress -> {
            String text = new TranscriptStore(project).text(info.id());
            TranscriptDocument opened = TranscriptDocument.of(info, text);
            return new Opened(opened, new CodingStore(project).codings(info.id()),
                    new MemoStore(project).codingsWithMemos(info.id()), new CodingOrigins(project).ofTranscript(info.id()));
        }).quiet().onSuccess(opened -> {
            codingsWithMemos.addAll(opened.memos());
            origins.putAll(opened.origins());
            // Codings first, while no document shows, so the editor styles the new text once.
            codings.setAll(opened.codings());
            document.set(opened.document());
            applyPendingSelection();
            keepStatusTrue();
        }).onFinished(() -> loading.set(false)));
    }

    private record Opened(TranscriptDocument document, List<Coding> codings, List<Long> memos,
                          Map<Long, CodingOrigin> origins) {
    }

    private void reloadCodings() {
        TranscriptDocument current = document.get();
        if (current == null || !workspace.hasProject()) {
            return;
        }
        Project project = workspace.project();
        loads.schedule(BackgroundTask.of("Loading codings", progress -> new Opened(current,
                new CodingStore(project).codings(current.info().id()),
                new MemoStore(project).codingsWithMemos(current.info().id()),
                new CodingOrigins(project).ofTranscript(current.info().id()))).quiet().onSuccess(loaded -> {
                    codingsWithMemos.clear();
                    codingsWithMemos.addAll(loaded.memos());
                    origins.clear();
                    origins.putAll(loaded.origins());
                    if (!codings.equals(loaded.codings())) {
                        codings.setAll(loaded.codings());
                    }
                    refreshCaret(selectionStart.get());
                    keepStatusTrue();
                }));
    }

    /** Jumps to a source: opens the transcript and selects the range once it is shown. */
    public void goTo(long transcriptId, int start, int end) {
        pendingSelection.set(new Selection(transcriptId, start, end));
        TranscriptDocument current = document.get();
        if (current != null && current.info().id() == transcriptId) {
            applyPendingSelection();
            return;
        }
        transcripts.stream().filter(t -> t.id() == transcriptId).findFirst().ifPresent(selectedTranscript::set);
    }

    private void applyPendingSelection() {
        Selection pending = pendingSelection.get();
        TranscriptDocument current = document.get();
        if (pending != null && current != null && current.info().id() == pending.transcriptId()) {
            selectionStart.set(pending.start());
            selectionEnd.set(pending.end());
            refreshCaret(pending.start());
        }
    }

    /** Consumed by the view once it selected the pending range. */
    public void pendingSelectionShown() {
        pendingSelection.set(null);
    }

    /** Updates the "at the caret" list: visible codings covering code point {@code position}. */
    public void refreshCaret(int position) {
        List<Coding> here = new ArrayList<>();
        for (Coding coding : visibleCodings()) {
            if (coding.covers(position) || (coding.start() == position && coding.end() == position)) {
                here.add(coding);
            }
        }
        here.sort(Comparator.comparingInt(Coding::length));
        codingsAtCaret.setAll(here);
    }

    /** Applies {@code code} to the selection as the current coder. */
    public void applyCode(Code code) {
        TranscriptDocument current = document.get();
        int start = selectionStart.get();
        int end = selectionEnd.get();
        if (current == null) {
            say("Open a transcript first.");
            return;
        }
        if (end <= start) {
            say("Select some text first, then apply a code.");
            return;
        }
        String coderName = workspace.currentCoderProperty().get();
        boolean duplicate = codings.stream().anyMatch(coding -> coding.codeId() == code.id() && coding.start() == start
                && coding.end() == end && workspace.coders().stream().anyMatch(
                        coder -> coder.id() == coding.coderId() && coder.name().equals(coderName)));
        if (duplicate) {
            say("This text already has \u201C" + code.name() + "\u201D from " + coderName + ".");
            return;
        }
        workspace.rememberRecent(code);
        long transcriptId = current.info().id();
        workspace.runAsCoder((project, coder) -> new CodingStore(project).applyCode(transcriptId, code.id(),
                coder.id(), start, end, code.name()), id -> {
                    claim(new StatusClaim(transcriptId, id, "Coded with \u201C" + code.name() + "\u201D. Click its stripe in the "
                            + "margin to select the text again.", "Undone: \u201C" + code.name()
                            + "\u201D is no longer applied there."));
                    clearSelectionIfStill(transcriptId, start, end);
                });
    }

    /**
     * After coding, the selection gives way to the new tint: the caret stays at its start, so "At the caret" shows
     * the new coding. A selection the user has changed meanwhile is left alone.
     */
    private void clearSelectionIfStill(long transcriptId, int start, int end) {
        TranscriptDocument current = document.get();
        if (current != null && current.info().id() == transcriptId && selectionStart.get() == start
                && selectionEnd.get() == end) {
            collapseRequest.set(new Selection(transcriptId, start, start));
        }
    }

    /** Set when the editor should drop its selection and put the caret here, without scrolling (after coding). */
    public ObjectProperty<Selection> collapseRequestProperty() {
        return collapseRequest;
    }

    /** A message about no coding in particular. */
    void say(String message) {
        claim = null;
        status.set(message);
    }

    private void claim(StatusClaim next) {
        claim = next;
        keepStatusTrue();
    }

    private void keepStatusTrue() {
        TranscriptDocument current = document.get();
        if (claim != null && current != null && current.info().id() == claim.transcriptId()) {
            boolean present = codings.stream().anyMatch(coding -> coding.id() == claim.codingId());
            status.set(present ? claim.whilePresent() : claim.whileAbsent());
        }
    }

    /** Applies the n-th recent code (1-based), as number keys do. */
    public boolean applyRecent(int number) {
        if (number < 1 || number > workspace.recentCodes().size()) {
            return false;
        }
        applyCode(workspace.recentCodes().get(number - 1));
        return true;
    }

    public void removeCoding(Coding coding) {
        String name = workspace.codebook().get(coding.codeId()).map(Code::name).orElse("code");
        workspace.run(project -> new CodingStore(project).removeCodings(List.of(coding.id()),
                "remove coding \u201C" + name + "\u201D"), result -> claim(new StatusClaim(coding.transcriptId(),
                        coding.id(),
                        "Undone: \u201C" + name + "\u201D is back.", "Removed \u201C" + name + "\u201D.")));
    }

    public String memoText(Memo.Target target, long id) {
        if (!workspace.hasProject()) {
            return "";
        }
        return new MemoStore(workspace.project()).memo(target, id).map(Memo::text).orElse("");
    }

    public void saveMemo(Memo.Target target, long id, String text) {
        workspace.runAsCoder((project, coder) -> new MemoStore(project).save(target, id, coder.id(), text),
                result -> say(text == null || text.isBlank() ? "Memo removed." : "Memo saved."));
    }

    public String coderName(long coderId) {
        return workspace.coders().stream().filter(coder -> coder.id() == coderId).map(Coder::name).findFirst()
                .orElse("?");
    }

    /** Reads the project's cases off the FX thread and hands them to {@code onLoaded} on it. */
    public void loadCases(Consumer<List<InterviewCase>> onLoaded) {
        Project project = workspace.project();
        if (project == null) {
            return;
        }
        workspace.tasks().execute(BackgroundTask.of("Reading cases", progress -> new CaseStore(project).cases())
                .quiet().onSuccess(onLoaded));
    }

    /** Assigns a transcript to a case (undoable). */
    public void assignCase(TranscriptInfo transcript, InterviewCase chosen) {
        workspace.run(project -> new TranscriptStore(project).assignCase(transcript.id(), chosen.id()), null);
    }

    /** Renames a transcript (undoable). */
    public void renameTranscript(TranscriptInfo transcript, String name) {
        workspace.run(project -> new TranscriptStore(project).rename(transcript.id(), name), null);
    }

    /** Removes a transcript and its codings (undoable). */
    public void removeTranscript(TranscriptInfo transcript) {
        workspace.run(project -> new TranscriptStore(project).remove(transcript.id(), transcript.name()), null);
    }
}
