package org.divergence.gui.coding;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.CodeColors;
import org.divergence.core.coding.Coder;
import org.divergence.core.coding.CodingAnalysis;
import org.divergence.gui.charts.ChartExportDialog;
import org.divergence.gui.common.DialogService;
import org.divergence.gui.common.DialogService.FileType;
import org.divergence.render.charts.ChartExport;
import org.divergence.render.charts.ChartFormat;
import org.divergence.render.charts.CodeFrequencyChart;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** Code frequencies by a case attribute (grouped bars) and the code co-occurrence matrix (a heatmap). */
final class AnalysisView {

    private final AnalysisViewModel viewModel;
    private final CodingWorkspace workspace;
    private final CategoryAxis codeAxis = new CategoryAxis();
    private final NumberAxis countAxis = new NumberAxis();
    private final BarChart<String, Number> chart = new BarChart<>(codeAxis, countAxis);
    private final GridPane heatmap = new GridPane();
    private final VBox root;

    AnalysisView(AnalysisViewModel viewModel, CodingWorkspace workspace) {
        this.viewModel = viewModel;
        this.workspace = workspace;
        ComboBox<String> attribute = new ComboBox<>(viewModel.attributeNames());
        attribute.valueProperty().bindBidirectional(viewModel.attributeProperty());
        attribute.setPromptText("Case attribute");
        ComboBox<String> coder = new ComboBox<>();
        Runnable fill = () -> {
            String keep = coder.getValue();
            coder.getItems().setAll((String) null);
            workspace.coders().forEach(c -> coder.getItems().add(c.name()));
            coder.setValue(keep);
        };
        workspace.coders().addListener((javafx.collections.ListChangeListener<Coder>) change -> fill.run());
        fill.run();
        coder.setButtonCell(RetrievalView.nullableCell("All coders"));
        coder.setCellFactory(list -> RetrievalView.nullableCell("All coders"));
        coder.valueProperty().bindBidirectional(viewModel.coderProperty());
        MenuButton exportChart = ChartExportDialog.menuButton(this::exportChart);
        exportChart.setText("Export chart");
        exportChart.setId("analysis-export-chart");
        exportChart.disableProperty().bind(viewModel.frequenciesProperty().isNull());
        Button exportMatrix = new Button("Export matrix…", new FontIcon(Material2AL.GRID_ON));
        exportMatrix.setId("analysis-export-matrix");
        exportMatrix.setTooltip(new Tooltip("CSV: the co-occurrence counts, one row and one column per code"));
        exportMatrix.setOnAction(event -> workspace.dialogs().chooseFileToSave("Export the co-occurrence matrix",
                "code-cooccurrence.csv", List.of(FileType.of("CSV spreadsheet", "*.csv")))
                .ifPresent(viewModel::exportCooccurrence));
        exportMatrix.disableProperty().bind(viewModel.cooccurrenceProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Coded segments by"), attribute, new Label("Coder"), coder, spacer,
                exportChart, exportMatrix);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        chart.setId("frequency-chart");
        chart.setTitle("Code frequencies by case attribute");
        chart.setAnimated(false);
        chart.setMinHeight(340);
        chart.getStylesheets().add(attributeValueColours());
        countAxis.setLabel("coded segments");
        countAxis.setMinorTickVisible(false);
        codeAxis.setTickLabelRotation(-30);
        Label heatTitle = new Label("Code co-occurrence: pairs of overlapping codings in the same transcript "
                + "(diagonal: codings of the code)");
        heatTitle.getStyleClass().add("pane-title");
        heatmap.setId("cooccurrence-heatmap");
        heatmap.setHgap(2);
        heatmap.setVgap(2);
        heatmap.setPadding(new Insets(8));
        root = new VBox(6, bar, chart, heatTitle, heatmap);
        root.setPadding(new Insets(0, 8, 8, 8));
        viewModel.frequenciesProperty().addListener((obs, old, table) -> showFrequencies(table));
        viewModel.cooccurrenceProperty().addListener((obs, old, matrix) -> showCooccurrence(matrix));
    }

    Node node() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }

    void shown() {
        viewModel.refresh();
    }

    private void showFrequencies(CodingAnalysis.Table table) {
        chart.getData().clear();
        if (table == null) {
            return;
        }
        for (int r = 0; r < table.rows().size(); r++) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(table.rows().get(r));
            for (int c = 0; c < table.columns().size(); c++) {
                series.getData().add(new XYChart.Data<>(CodeFrequencyChart.lastPart(table.columns().get(c)), table.count(r, c)));
            }
            chart.getData().add(series);
        }
        for (XYChart.Series<String, Number> series : chart.getData()) {
            for (XYChart.Data<String, Number> data : series.getData()) {
                if (data.getNode() != null) {
                    Tooltip.install(data.getNode(), new Tooltip(series.getName() + " · " + data.getXValue() + ": "
                            + data.getYValue() + " coded segment(s)"));
                }
            }
        }
    }

    private void showCooccurrence(AnalysisViewModel.Cooccurrence matrix) {
        heatmap.getChildren().clear();
        if (matrix == null || matrix.codes().isEmpty()) {
            heatmap.add(new Label("No codings yet."), 0, 0);
            return;
        }
        List<Code> codes = matrix.codes();
        long max = 1;
        for (int i = 0; i < codes.size(); i++) {
            for (int j = 0; j < codes.size(); j++) {
                if (i != j) {
                    max = Math.max(max, matrix.counts()[i][j]);
                }
            }
        }
        for (int i = 0; i < codes.size(); i++) {
            Label rowName = new Label(codes.get(i).name());
            rowName.setGraphic(CodeTrees.swatch(codes.get(i).color()));
            heatmap.add(rowName, 0, i + 1);
            Label columnName = new Label(Integer.toString(i + 1));
            columnName.setTooltip(new Tooltip(codes.get(i).name()));
            columnName.setMinWidth(40);
            columnName.setAlignment(Pos.CENTER);
            heatmap.add(columnName, i + 1, 0);
            rowName.setText((i + 1) + "  " + codes.get(i).name());
            for (int j = 0; j < codes.size(); j++) {
                long count = matrix.counts()[i][j];
                Label cell = new Label(Long.toString(count));
                cell.setMinSize(40, 26);
                cell.setAlignment(Pos.CENTER);
                double intensity = i == j ? 0 : (double) count / max;
                Color color = Color.web("#0072B2").deriveColor(0, 1, 1, 0.08 + 0.82 * intensity);
                cell.setStyle("-fx-background-color: " + toRgba(color) + "; -fx-background-radius: 3;"
                        + (intensity > 0.55 ? "-fx-text-fill: white;" : "") + (i == j ? "-fx-font-style: italic;" : ""));
                cell.setTooltip(new Tooltip(i == j ? codes.get(i).name() + ": " + count + " coding(s)"
                        : codes.get(i).name() + " × " + codes.get(j).name() + ": " + count + " overlap(s)"));
                heatmap.add(cell, j + 1, i + 1);
            }
        }
    }

    private static String toRgba(Color color) {
        return "rgba(" + (int) Math.round(color.getRed() * 255) + "," + (int) Math.round(color.getGreen() * 255) + ","
                + (int) Math.round(color.getBlue() * 255) + "," + color.getOpacity() + ")";
    }

    /**
     * The bars and legend of each attribute value in {@link CodeColors#ATTRIBUTE_VALUES}, not in JavaFX's default
     * series colours, which are code colours too. A stylesheet rather than a style per bar, so the legend follows.
     */
    private static String attributeValueColours() {
        StringBuilder css = new StringBuilder();
        // JavaFX gives series default-color0 to default-color7 in turn, as many as the palette has.
        for (int i = 0; i < CodeColors.ATTRIBUTE_VALUES.size(); i++) {
            css.append(".default-color").append(i).append(".chart-bar { -fx-bar-fill: ")
                    .append(CodeColors.forAttributeValue(i)).append("; }\n");
        }
        return "data:text/css;base64," + java.util.Base64.getEncoder().encodeToString(
                css.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void exportChart(ChartFormat format) {
        ChartExportDialog.ask(chart.getScene().getWindow(), format, ChartExport.DEFAULT_WIDTH,
                ChartExport.DEFAULT_HEIGHT).ifPresent(settings -> workspace.dialogs().chooseFileToSave(
                        "Export chart", "code-frequencies." + format.extension(),
                        List.of(FileType.of(format.description(), "*." + format.extension())),
                        DialogService.SaveFolder.CHARTS)
                .ifPresent(file -> viewModel.exportChart(file, settings)));
    }
}
