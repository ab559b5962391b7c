package org.divergence.gui.report;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.divergence.core.metrics.ComparisonTable;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.Headlines;
import org.divergence.core.metrics.MetricComparison;
import org.divergence.core.metrics.PairComparison;
import org.divergence.core.metrics.PaperFormat;
import org.divergence.core.metrics.StratifiedTable;
import org.divergence.core.report.AgreementSection;
import org.divergence.core.report.CodebookSummary;
import org.divergence.core.report.FactorSection;
import org.divergence.core.report.JointDisplay;
import org.divergence.core.report.Provenance;
import org.divergence.core.report.ReportChart;
import org.divergence.core.report.ReportModel;
import org.divergence.core.report.SampleDescription;
import org.divergence.core.repositories.ImportBatch;
import org.divergence.render.report.JointDisplayTable;
import org.divergence.render.report.Reports;

/**
 * The report drawn with JavaFX controls from the same model the files are written from: the sections in the same
 * order, the same figures, the built-in charts' drawings. (No web view: the app does not ship one.)
 */
final class ReportPreview {

    private final VBox page = new VBox(6);

    private ReportPreview() {
        page.getStyleClass().add("report-page");
        page.setPadding(new Insets(18, 20, 24, 20));
        page.setMaxWidth(1100);
    }

    static VBox of(ReportModel model) {
        ReportPreview preview = new ReportPreview();
        preview.render(model);
        return preview.page;
    }

    private void render(ReportModel model) {
        Label title = new Label(model.title());
        title.getStyleClass().add("report-title");
        title.setWrapText(true);
        Provenance provenance = model.provenance();
        page.getChildren().addAll(title, paragraph(capitalized(provenance.filterDescription()) + "; grouped by "
                + provenance.grouping() + ".", "muted"));
        sample(model);
        comparison(model);
        charts(model);
        codebook(model.codebook());
        agreement(model.agreement());
        jointDisplay(model.jointDisplay());
        factors(model.factors());
        provenance(provenance);
    }

    private void heading(String id) {
        String text = ReportModel.SECTIONS.stream().filter(section -> section.id().equals(id)).findFirst()
                .orElseThrow().title();
        Label heading = new Label(text);
        heading.getStyleClass().add("report-heading");
        heading.setId("preview-" + id);
        page.getChildren().add(heading);
    }

    private void subheading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("report-subheading");
        label.setWrapText(true);
        page.getChildren().add(label);
    }

    private static Label paragraph(String text, String... styles) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().addAll(styles);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /** A table of labels: a bold header row, {@code numeric} columns right-aligned. */
    private static GridPane table(List<String> header, List<List<String>> rows, Set<Integer> numeric,
                                  Set<Integer> wrapping) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("report-table");
        grid.setHgap(10);
        grid.setVgap(3);
        for (int c = 0; c < header.size(); c++) {
            ColumnConstraints column = new ColumnConstraints();
            if (numeric.contains(c)) {
                column.setHalignment(HPos.RIGHT);
            }
            if (wrapping.contains(c)) {
                column.setHgrow(Priority.ALWAYS);
                column.setMinWidth(110);
                column.setPrefWidth(200);
            }
            grid.getColumnConstraints().add(column);
            Label label = new Label(header.get(c));
            label.getStyleClass().add("report-table-header");
            // Long headers ("Median / share Hugging Face") wrap, so wide tables still fit the page.
            label.setWrapText(true);
            label.setMaxWidth(wrapping.contains(c) ? Double.MAX_VALUE : 118);
            label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            label.setMinWidth(longestWord(header.get(c)));
            if (numeric.contains(c)) {
                label.setTextAlignment(javafx.scene.text.TextAlignment.RIGHT);
            }
            grid.add(label, c, 0);
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Label label = new Label(row.get(c));
                label.setWrapText(wrapping.contains(c));
                label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                if (!wrapping.contains(c) && row.size() > 1) {
                    label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                }
                if (row.size() == 1) {
                    label.getStyleClass().add("report-table-group");
                    grid.add(label, 0, r + 1, header.size(), 1);
                } else {
                    grid.add(label, c, r + 1);
                }
            }
        }
        if (!wrapping.isEmpty()) {
            grid.setMaxWidth(Double.MAX_VALUE);
        }
        VBox.setMargin(grid, new Insets(4, 0, 8, 0));
        return grid;
    }

    /** Enough width for a header's longest word in bold, so headers wrap between words only. */
    private static double longestWord(String header) {
        double widest = 0;
        for (String word : header.split("\\s+")) {
            javafx.scene.text.Text text = new javafx.scene.text.Text(word);
            text.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                    javafx.scene.text.FontWeight.BOLD, 12));
            widest = Math.max(widest, text.getLayoutBounds().getWidth());
        }
        return Math.ceil(widest * 1.1) + 4;
    }

    private void sample(ReportModel model) {
        SampleDescription sample = model.sample();
        heading("sample");
        page.getChildren().add(paragraph(PaperFormat.count(sample.totalInProject()) + " repositories in the project; "
                + PaperFormat.count(sample.totalInReport()) + " in this report."));
        List<List<String>> counts = new ArrayList<>();
        for (SampleDescription.TypeCount count : sample.counts()) {
            counts.add(List.of(count.platform().displayName(), count.type().code(),
                    PaperFormat.count(count.inProject()), PaperFormat.count(count.inReport())));
        }
        counts.add(List.of("Total", "", PaperFormat.count(sample.totalInProject()),
                PaperFormat.count(sample.totalInReport())));
        page.getChildren().add(table(List.of("Platform", "Type", "In the project", "In this report"), counts,
                Set.of(2, 3), Set.of()));
        subheading("Import batches");
        if (sample.batches().isEmpty()) {
            page.getChildren().add(paragraph("No repository sample has been imported.", "muted"));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (ImportBatch batch : sample.batches()) {
                rows.add(List.of(Long.toString(batch.id()), batch.sourceName(), batch.format(),
                        org.divergence.render.report.Reports.instant(batch.importedAt()),
                        PaperFormat.count(batch.rowsRead()),
                        PaperFormat.count(batch.currentRepositories()),
                        batch.sourceSha256() == null ? "—" : batch.sourceSha256()));
            }
            page.getChildren().add(table(List.of("#", "Source", "Format", "Imported (UTC)", "Rows read", "Current",
                    "SHA-256 of the source"), rows, Set.of(0, 4, 5), Set.of(6)));
            for (ImportBatch batch : sample.batches()) {
                if (batch.query() != null) {
                    page.getChildren().add(paragraph("Batch " + batch.id() + ": " + batch.query().describe()
                            + "; the exact SQL is in the exported report.", "muted"));
                }
            }
        }
        subheading("Interviews");
        page.getChildren().add(paragraph(interviews(sample.interviews())));
    }

    private static String interviews(SampleDescription.Interviews interviews) {
        return PaperFormat.count(interviews.transcripts()) + " transcripts, " + PaperFormat.count(interviews.cases())
                + " cases, " + PaperFormat.count(interviews.codings()) + " codings by "
                + (interviews.coders().isEmpty() ? "nobody yet" : String.join(", ", interviews.coders())) + "; "
                + PaperFormat.count(interviews.codes()) + " codes.";
    }

    private void comparison(ReportModel model) {
        heading("comparison");
        if (!model.hasComparison()) {
            page.getChildren().add(paragraph("No repositories to compare with these settings.", "muted"));
            return;
        }
        for (PairComparison pair : model.comparison().comparisons()) {
            subheading(pair.a().label() + " (a) vs " + pair.b().label() + " (b)");
            for (Headlines.Headline headline : Headlines.of(pair, model.comparison().filter())) {
                page.getChildren().add(paragraph(headline.dimension().label() + ". " + headline.sentence()));
            }
            ComparisonTable table = new ComparisonTable(pair, "");
            List<List<String>> rows = new ArrayList<>();
            Dimension current = null;
            for (MetricComparison comparison : pair.metrics()) {
                if (!comparison.metric().dimension().equals(current)) {
                    current = comparison.metric().dimension();
                    rows.add(List.of(current.label()));
                }
                rows.add(ComparisonTable.cells(comparison));
            }
            page.getChildren().add(table(table.header(), rows, Set.of(1, 2, 3, 4, 5, 6, 9, 10, 11), Set.of()));
            page.getChildren().add(paragraph(ComparisonTable.caption(pair, model.comparison().filter()), "muted",
                    "report-caption"));
            if (pair.stratified() != null) {
                StratifiedTable years = new StratifiedTable(pair);
                subheading("Within creation years");
                page.getChildren().add(table(years.testHeader(), years.testRows(), Set.of(2, 3, 4), Set.of()));
                page.getChildren().add(table(years.stratumHeader(), years.stratumRows(), Set.of(1, 2, 3, 4, 5, 6, 7),
                        Set.of()));
                page.getChildren().add(paragraph(years.note(), "muted", "report-caption"));
            }
        }
    }

    private void charts(ReportModel model) {
        heading("charts");
        if (model.charts().isEmpty()) {
            page.getChildren().add(paragraph("No charts: there is nothing to compare.", "muted"));
        }
        for (ReportChart chart : model.charts()) {
            Node node = chart.drawing() != null ? ChartNode.of(chart.drawing())
                    : chart.image() != null ? image(chart.image()) : null;
            if (node != null) {
                node.setId("preview-" + chart.id());
                page.getChildren().add(node);
            }
            page.getChildren().add(paragraph(chart.title() + ". " + chart.caption()
                    + (node == null ? " (The chart is in the exported file.)" : ""), "muted", "report-caption"));
        }
    }

    /** A rendered chart at its own size, or narrower with the page (the holder may shrink; the image follows it). */
    private static Node image(ReportChart.PreviewImage image) {
        Image png = new Image(new ByteArrayInputStream(image.png()));
        ImageView view = new ImageView(png);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        StackPane holder = new StackPane(view);
        StackPane.setAlignment(view, Pos.TOP_LEFT);
        holder.setMinWidth(0);
        holder.setPrefWidth(png.getWidth());
        holder.setMaxWidth(png.getWidth());
        view.fitWidthProperty().bind(holder.widthProperty());
        return holder;
    }

    private void codebook(CodebookSummary codebook) {
        heading("codebook");
        if (codebook.isEmpty()) {
            page.getChildren().add(paragraph("The project has no codes.", "muted"));
            return;
        }
        List<String> header = new ArrayList<>(List.of("Code", "Segments"));
        header.addAll(codebook.coders());
        header.addAll(List.of("Cases", "Transcripts"));
        List<List<String>> rows = new ArrayList<>();
        for (CodebookSummary.Row row : codebook.rows()) {
            List<String> cells = new ArrayList<>(List.of("    ".repeat(row.depth()) + row.name(),
                    PaperFormat.count(row.segments())));
            row.segmentsPerCoder().forEach(count -> cells.add(PaperFormat.count(count)));
            cells.add(PaperFormat.count(row.cases()));
            cells.add(PaperFormat.count(row.transcripts()));
            rows.add(cells);
        }
        Set<Integer> numeric = new java.util.HashSet<>();
        for (int i = 1; i < header.size(); i++) {
            numeric.add(i);
        }
        page.getChildren().add(table(header, rows, numeric, Set.of()));
    }

    private void agreement(AgreementSection agreement) {
        heading("agreement");
        if (!agreement.isComputed()) {
            page.getChildren().add(paragraph(agreement.note(), "muted"));
            return;
        }
        AgreementSection.Summary summary = agreement.summary();
        page.getChildren().add(paragraph(Reports.agreementIntro(summary)));
        Reports.AgreementTable table = Reports.agreementTable(summary);
        List<List<String>> rows = new ArrayList<>(table.rows());
        List<String> overall = new ArrayList<>(List.of("Overall (pooled)"));
        overall.addAll(java.util.Collections.nCopies(table.countColumns(), ""));
        overall.addAll(table.overallFigures());
        rows.add(overall);
        page.getChildren().add(table(table.header(), rows, numericAfterFirst(table.header().size()), Set.of()));
        List<List<String>> pairs = Reports.agreementPairs(summary);
        if (!pairs.isEmpty()) {
            page.getChildren().add(table(Reports.AGREEMENT_PAIRS_HEADER, pairs,
                    numericAfterFirst(Reports.AGREEMENT_PAIRS_HEADER.size()), Set.of()));
        }
    }

    private static Set<Integer> numericAfterFirst(int columns) {
        return java.util.stream.IntStream.range(1, columns).boxed().collect(java.util.stream.Collectors.toSet());
    }

    private void jointDisplay(JointDisplay display) {
        heading("joint-display");
        List<List<String>> rows = new ArrayList<>();
        for (JointDisplay.Row row : display.rows()) {
            List<List<String>> cells = JointDisplayTable.cells(row);
            List<String> flat = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                String text = String.join("\n", cells.get(i));
                flat.add(i == 0 && row.level() > 0 ? "    " + text : text.isEmpty() ? "—" : text);
            }
            rows.add(flat);
        }
        page.getChildren().add(table(JointDisplayTable.HEADER, rows, Set.of(), Set.of(1, 2, 3, 4)));
    }

    private void factors(FactorSection factors) {
        heading("factors");
        if (!factors.available() || factors.factors().isEmpty()) {
            page.getChildren().add(paragraph(factors.note(), "muted"));
            return;
        }
        List<String> header = new ArrayList<>(List.of("Factor", "Repositories tagged"));
        for (Dimension dimension : Dimension.builtIn()) {
            header.add(Headlines.leadMetric(dimension).label());
        }
        List<List<String>> rows = new ArrayList<>();
        for (FactorSection.Factor factor : factors.factors()) {
            List<String> cells = new ArrayList<>(List.of(factor.name(), PaperFormat.count(factor.repositories())));
            for (Dimension dimension : Dimension.builtIn()) {
                cells.add(factor.comparison() == null ? "—" : ComparisonTable.cells(factor.comparison()
                        .metric(Headlines.leadMetric(dimension))).get(7));
            }
            rows.add(cells);
        }
        page.getChildren().add(table(header, rows, Set.of(1), Set.of()));
    }

    private void provenance(Provenance provenance) {
        heading("provenance");
        List<List<String>> rows = new ArrayList<>(List.of(
                List.of("Application", provenance.application() + " " + provenance.version()),
                List.of("Project", provenance.projectName()),
                List.of("Project content SHA-256", provenance.contentSha256()),
                List.of("Grouping", provenance.grouping()),
                List.of("Filters", provenance.filterDescription()),
                List.of("Bootstrap", PaperFormat.count(provenance.resamples()) + " resamples, seed " + provenance.seed()),
                List.of("Charts", provenance.charts())));
        provenance.customDefinitions().forEach(definition -> rows.add(List.of("Custom metric", definition)));
        rows.add(List.of("Reproduce", provenance.command(provenance.projectName())));
        page.getChildren().add(table(List.of("", ""), rows, Set.of(), Set.of(1)));
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
