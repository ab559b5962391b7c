package org.divergence.gui.coding;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.core.coding.CaseAttribute;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.coding.Coding;
import org.divergence.core.coding.CodingAnalysis;
import org.divergence.exchange.coding.CodingCsv;
import org.divergence.gui.charts.ExportSettings;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.LatestTaskScheduler;
import org.divergence.store.coding.CaseStore;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.SegmentQuery;
import org.divergence.store.project.DataArea;
import org.divergence.render.charts.ChartExport;
import org.divergence.render.charts.ChartStyle;
import org.divergence.render.charts.CodeFrequencyChart;
import org.divergence.store.project.Project;

/** Code frequencies by a case attribute, and the code co-occurrence matrix, for one coder or all. */
public final class AnalysisViewModel {

    /** The co-occurrence matrix over the codes that have codings. */
    public record Cooccurrence(List<Code> codes, long[][] counts) {
    }

    private final CodingWorkspace workspace;
    private final ObjectProperty<String> attribute = new SimpleObjectProperty<>();
    private final ObjectProperty<String> coder = new SimpleObjectProperty<>();
    private final ObservableList<String> attributeNames = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CodingAnalysis.Table> frequencies = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Cooccurrence> cooccurrence = new ReadOnlyObjectWrapper<>();
    /** Latest wins: a newer request cancels the one still running, and only its result is shown. */
    private final LatestTaskScheduler analyses;

    public AnalysisViewModel(CodingWorkspace workspace) {
        this.analyses = new LatestTaskScheduler(workspace.tasks(), Duration.ZERO);
        this.workspace = workspace;
        attribute.addListener((obs, old, value) -> refresh());
        coder.addListener((obs, old, value) -> refresh());
        workspace.blindCodingProperty().addListener((obs, old, blind) -> refresh());
        workspace.currentCoderProperty().addListener((obs, old, name) -> {
            if (workspace.blindCodingProperty().get()) {
                refresh();
            }
        });
        workspace.addChangeListener(this::changed);
    }

    public ObjectProperty<String> attributeProperty() {
        return attribute;
    }

    public ObjectProperty<String> coderProperty() {
        return coder;
    }

    public ObservableList<String> attributeNames() {
        return attributeNames;
    }

    public ReadOnlyObjectProperty<CodingAnalysis.Table> frequenciesProperty() {
        return frequencies.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Cooccurrence> cooccurrenceProperty() {
        return cooccurrence.getReadOnlyProperty();
    }

    private void changed(Set<DataArea> areas) {
        if (areas.contains(DataArea.CODINGS) || areas.contains(DataArea.CODEBOOK) || areas.contains(DataArea.CASES)) {
            refresh();
        }
    }

    /** Writes the chart as shown, at the chosen size (light or dark), in the background. */
    public void exportChart(Path file, ExportSettings settings) {
        CodingAnalysis.Table table = frequencies.get();
        String attributeName = attribute.get();
        if (table == null || attributeName == null) {
            return;
        }
        workspace.tasks().execute(BackgroundTask.of("Exporting the chart", progress -> {
            ChartExport.write(CodeFrequencyChart.build(table, attributeName, ChartStyle.of(settings.dark())), file,
                    settings.format(), settings.width(), settings.height(), settings.dpi());
            return file;
        }).onSuccess(written -> workspace.dialogs().showInformation("Export", "Wrote the chart to "
                + written.getFileName() + ".")));
    }

    /** Writes the co-occurrence matrix shown as CSV (codes by their paths), in the background. */
    public void exportCooccurrence(Path file) {
        Cooccurrence matrix = cooccurrence.get();
        Codebook codebook = workspace.codebook();
        if (matrix == null) {
            return;
        }
        List<String> paths = matrix.codes().stream().map(code -> codebook.path(code.id())).toList();
        workspace.tasks().execute(BackgroundTask.of("Exporting the co-occurrence matrix", progress -> {
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                CodingCsv.writeCooccurrence(writer, paths, matrix.counts());
            }
            return paths.size();
        }).onSuccess(count -> workspace.dialogs().showInformation("Export", "Wrote " + count + " code(s) to "
                + file.getFileName() + ".")));
    }

    public void refresh() {
        if (!workspace.hasProject()) {
            analyses.cancel();
            frequencies.set(null);
            cooccurrence.set(null);
            return;
        }
        Project project = workspace.project();
        Codebook codebook = workspace.codebook();
        String coderName = workspace.visibleCoderName(coder.get());
        String attributeName = attribute.get();
        record Computed(List<String> attributes, CodingAnalysis.Table table, Cooccurrence cooccurrence) {
        }
        analyses.schedule(BackgroundTask.of("Analysing codings", progress -> {
            List<String> attributes = new CaseStore(project).attributes().stream().map(CaseAttribute::name).toList();
            String chosen = attributeName != null ? attributeName : attributes.isEmpty() ? null : attributes.getFirst();
            List<CodedSegment> segments = SegmentQuery.segments(project, new SegmentQuery.Filter(null, coderName,
                    null, null, null));
            Set<Long> usedIds = new java.util.HashSet<>();
            segments.forEach(segment -> usedIds.add(segment.codeId()));
            List<Code> used = codebook.inTreeOrder().stream().filter(code -> usedIds.contains(code.id())).toList();
            List<String> paths = used.stream().map(code -> codebook.path(code.id())).toList();
            CodingAnalysis.Table table = CodingAnalysis.frequenciesByAttribute(segments, chosen, paths);
            Set<Long> kept = new java.util.HashSet<>();
            segments.forEach(segment -> kept.add(segment.codingId()));
            List<Coding> codings = new CodingStore(project).allCodings().stream()
                    .filter(c -> kept.contains(c.id())).toList();
            long[][] matrix = CodingAnalysis.cooccurrence(codings, used.stream().map(Code::id).toList());
            return new Computed(attributes, table, new Cooccurrence(used, matrix));
        }).quiet().onSuccess(computed -> {
            if (!attributeNames.equals(computed.attributes())) {
                attributeNames.setAll(computed.attributes());
            }
            if (attribute.get() == null && !computed.attributes().isEmpty()) {
                attribute.set(computed.attributes().getFirst());
                return;
            }
            frequencies.set(computed.table());
            cooccurrence.set(computed.cooccurrence());
        }));
    }
}
