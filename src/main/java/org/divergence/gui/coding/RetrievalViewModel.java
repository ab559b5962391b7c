package org.divergence.gui.coding;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.core.coding.CaseAttribute;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.coding.CodingAnalysis;
import org.divergence.core.coding.InterviewCase;
import org.divergence.exchange.coding.CodingCsv;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.LatestTaskScheduler;
import org.divergence.store.coding.CaseStore;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.SegmentQuery;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;

/**
 * Retrieval: the coded segments of a code (and, optionally, the codes below it), filtered by coder and by a case
 * attribute's value, with their context; and the two CSV exports.
 */
public final class RetrievalViewModel {

    private final CodingWorkspace workspace;
    private final ObjectProperty<Code> code = new SimpleObjectProperty<>();
    private final BooleanProperty includeSubcodes = new SimpleBooleanProperty(true);
    private final ObjectProperty<String> coder = new SimpleObjectProperty<>();
    private final ObjectProperty<String> attribute = new SimpleObjectProperty<>();
    private final ObjectProperty<String> attributeValue = new SimpleObjectProperty<>();
    private final ObservableList<CodedSegment> segments = FXCollections.observableArrayList();
    private final ObservableList<String> attributeNames = FXCollections.observableArrayList();
    private final ObservableList<String> attributeValues = FXCollections.observableArrayList();
    private List<InterviewCase> cases = List.of();
    /** Latest wins: a newer request cancels the one still running, and only its result is shown. */
    private final LatestTaskScheduler retrievals;

    public RetrievalViewModel(CodingWorkspace workspace) {
        this.retrievals = new LatestTaskScheduler(workspace.tasks(), Duration.ZERO);
        this.workspace = workspace;
        code.addListener((obs, old, value) -> refresh());
        includeSubcodes.addListener((obs, old, value) -> refresh());
        coder.addListener((obs, old, value) -> refresh());
        attribute.addListener((obs, old, value) -> {
            attributeValue.set(null);
            fillValues();
            refresh();
        });
        attributeValue.addListener((obs, old, value) -> refresh());
        workspace.blindCodingProperty().addListener((obs, old, blind) -> refresh());
        workspace.currentCoderProperty().addListener((obs, old, name) -> {
            if (workspace.blindCodingProperty().get()) {
                refresh();
            }
        });
        workspace.addChangeListener(this::changed);
    }

    public ObjectProperty<Code> codeProperty() {
        return code;
    }

    public BooleanProperty includeSubcodesProperty() {
        return includeSubcodes;
    }

    public ObjectProperty<String> coderProperty() {
        return coder;
    }

    public ObjectProperty<String> attributeProperty() {
        return attribute;
    }

    public ObjectProperty<String> attributeValueProperty() {
        return attributeValue;
    }

    public ObservableList<CodedSegment> segments() {
        return segments;
    }

    public ObservableList<String> attributeNames() {
        return attributeNames;
    }

    public ObservableList<String> attributeValues() {
        return attributeValues;
    }

    private void changed(Set<DataArea> areas) {
        if (areas.contains(DataArea.CODINGS) || areas.contains(DataArea.CODEBOOK) || areas.contains(DataArea.CASES)
                || areas.contains(DataArea.TRANSCRIPTS)) {
            refresh();
        }
    }

    public void refresh() {
        if (!workspace.hasProject()) {
            retrievals.cancel();
            segments.clear();
            return;
        }
        Project project = workspace.project();
        Set<Long> codeIds = codeIds(workspace.codebook());
        SegmentQuery.Filter filter = new SegmentQuery.Filter(codeIds, workspace.visibleCoderName(coder.get()),
                attribute.get(),
                attributeValue.get(), null);
        record Loaded(List<CodedSegment> segments, List<InterviewCase> cases, List<CaseAttribute> attributes) {
        }
        retrievals.schedule(BackgroundTask.of("Retrieving coded segments", progress -> new Loaded(
                SegmentQuery.segments(project, filter), new CaseStore(project).cases(),
                new CaseStore(project).attributes())).quiet().onSuccess(loaded -> {
                    cases = loaded.cases();
                    List<String> names = loaded.attributes().stream().map(CaseAttribute::name).toList();
                    if (!attributeNames.equals(names)) {
                        attributeNames.setAll(names);
                    }
                    fillValues();
                    segments.setAll(loaded.segments());
                }));
    }

    private Set<Long> codeIds(Codebook codebook) {
        Code selected = code.get();
        if (selected == null) {
            return null;
        }
        Set<Long> ids = new HashSet<>();
        if (includeSubcodes.get()) {
            codebook.subtree(selected.id()).forEach(c -> ids.add(c.id()));
        }
        ids.add(selected.id());
        return ids;
    }

    private void fillValues() {
        String name = attribute.get();
        TreeSet<String> values = new TreeSet<>();
        if (name != null) {
            cases.forEach(c -> {
                String value = c.attributes().get(name);
                if (value != null) {
                    values.add(value);
                }
            });
        }
        if (!attributeValues.equals(List.copyOf(values))) {
            String keep = attributeValue.get();
            attributeValues.setAll(values);
            if (keep != null && values.contains(keep)) {
                attributeValue.set(keep);
            }
        }
    }

    /** The segment with up to {@code around} code points of text before and after it. */
    public String[] context(CodedSegment segment, int around) {
        if (!workspace.hasProject()) {
            return new String[] {"", segment.text(), ""};
        }
        String text = new TranscriptStore(workspace.project()).text(segment.transcriptId());
        TranscriptDocument document = TranscriptDocument.of(null, text);
        int length = document.index().codePointLength();
        int from = Math.max(0, segment.start() - around);
        int to = Math.min(length, segment.end() + around);
        return new String[] {(from > 0 ? "…" : "") + document.slice(from, segment.start()), segment.text(),
                document.slice(segment.end(), to) + (to < length ? "…" : "")};
    }

    public void exportSegments(Path file) {
        Project project = workspace.project();
        List<CodedSegment> rows = List.copyOf(segments);
        workspace.tasks().execute(BackgroundTask.of("Exporting coded segments", progress -> {
            List<String> attributes = new CaseStore(project).attributes().stream().map(CaseAttribute::name).toList();
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                CodingCsv.writeSegments(writer, rows, attributes);
            }
            return rows.size();
        }).onSuccess(count -> workspace.dialogs().showInformation("Export", "Wrote " + count
                + " coded segment(s) to " + file.getFileName() + ".")));
    }

    public void exportMatrix(Path file) {
        Project project = workspace.project();
        String coderName = workspace.visibleCoderName(coder.get());
        workspace.tasks().execute(BackgroundTask.of("Exporting the case × code matrix", progress -> {
            Codebook codebook = new CodebookStore(project).load();
            List<String> paths = codebook.inTreeOrder().stream().map(c -> codebook.path(c.id())).toList();
            CodingAnalysis.Table matrix = CodingAnalysis.caseByCode(SegmentQuery.segments(project,
                    new SegmentQuery.Filter(null, coderName, null, null, null)), paths);
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                CodingCsv.writeMatrix(writer, matrix);
            }
            return matrix.rows().size();
        }).onSuccess(count -> workspace.dialogs().showInformation("Export", "Wrote " + count
                + " case(s) to " + file.getFileName() + ".")));
    }
}
