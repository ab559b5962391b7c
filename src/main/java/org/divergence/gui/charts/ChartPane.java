package org.divergence.gui.charts;

import java.awt.BasicStroke;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.divergence.core.charts.ChartSelection;
import org.divergence.core.charts.Ecdf;
import org.divergence.core.charts.EcdfData;
import org.divergence.core.charts.YearEffectsData;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.DialogService;
import org.divergence.gui.common.FeatureServices;
import org.divergence.render.charts.BuiltChart;
import org.divergence.render.charts.ChartBuilder;
import org.divergence.render.charts.ChartExport;
import org.divergence.render.charts.ChartFormat;
import org.divergence.render.charts.ChartStyle;
import org.divergence.render.charts.ChartText;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.LegendItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.fx.interaction.PanHandlerFX;
import org.jfree.chart.fx.overlay.CrosshairOverlayFX;
import org.jfree.chart.plot.Crosshair;
import org.jfree.chart.plot.XYPlot;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A chart on screen: JFreeChart's viewer with tooltips of exact values, drag to zoom, scroll to zoom, Shift- or
 * Ctrl-drag to pan, Reset (the button, or the context menu), legend entries that hide and show a group, a crosshair
 * with each group's exact F(x) on ECDFs, and clicks that open the repositories behind a bar, box or point. Export as
 * PNG, SVG or PDF from the button or the right-click menu.
 */
public final class ChartPane {

    private final FeatureServices services;
    private final Consumer<ChartSelection> onSelect;
    private final Consumer<Metric> onMetric;
    private final BorderPane root = new BorderPane();
    private final ChartViewer viewer = new ChartViewer(null, false);
    private final Label placeholder = new Label("No chart yet.");
    private final Label readout = new Label();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ContextMenu menu = new ContextMenu();
    private BuiltChart shown;
    private boolean compact;
    private CrosshairOverlayFX crosshairs;
    private Crosshair domainCrosshair;
    private final List<Crosshair> rangeCrosshairs = new ArrayList<>();

    public ChartPane(FeatureServices services, Consumer<ChartSelection> onSelect, Consumer<Metric> onMetric) {
        this.services = services;
        this.onSelect = onSelect;
        this.onMetric = onMetric;
        viewer.setId("chart-viewer");
        viewer.setUserData(this);
        viewer.setVisible(false);
        viewer.getCanvas().setTooltipEnabled(true);
        viewer.getCanvas().addMouseHandler(new PanHandlerFX("pan-shift", false, false, false, true));
        viewer.getCanvas().addMouseHandler(new PanHandlerFX("pan-ctrl", false, true, false, false));
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                clicked(event);
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                moved(event);
            }
        });
        viewer.widthProperty().addListener((obs, old, width) -> fitEcdfToWidth());
        buildMenu();
        viewer.setOnContextMenuRequested(event -> {
            if (shown != null) {
                menu.show(viewer, event.getScreenX(), event.getScreenY());
            }
            event.consume();
        });
        placeholder.getStyleClass().add("muted");
        placeholder.setWrapText(true);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(36, 36);
        progress.visibleProperty().bind(busy);
        StackPane centre = new StackPane(placeholder, viewer, progress);
        centre.setMinSize(200, 110);
        root.setCenter(centre);
        root.setBottom(toolbar());
        root.getStyleClass().add("chart-pane");
    }

    public Node node() {
        return root;
    }

    /** True while a chart is being computed (shows a progress ring over the chart). */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Compact: without the notes under the plot and with a smaller title (a pane beside a table); exports keep them. */
    public void setCompact(boolean value) {
        compact = value;
    }

    public void setPlaceholder(String text) {
        placeholder.setText(text);
    }

    ChartViewer viewer() {
        return viewer;
    }

    Label readout() {
        return readout;
    }

    public BuiltChart shown() {
        return shown;
    }

    /** Shows a chart (null: none, with the placeholder). */
    public void show(BuiltChart chart) {
        if (crosshairs != null) {
            viewer.getCanvas().removeOverlay(crosshairs);
            crosshairs = null;
        }
        shown = chart;
        readout.setText("");
        if (chart == null) {
            viewer.setVisible(false);
            return;
        }
        if (compact) {
            JFreeChart shownChart = chart.chart();
            for (Object title : List.copyOf(shownChart.getSubtitles())) {
                if (title instanceof org.jfree.chart.title.TextTitle note) {
                    shownChart.removeSubtitle(note);
                }
            }
            shownChart.setTitle((String) null);
            // The unit in brackets does not fit a short plot; the exported chart keeps it.
            if (shownChart.getPlot() instanceof XYPlot xy && xy.getDomainAxis() != null
                    && xy.getDomainAxis().getLabel() != null) {
                xy.getDomainAxis().setLabel(xy.getDomainAxis().getLabel().replaceAll(" \\(.*\\)$", ""));
            }
            org.jfree.chart.axis.ValueAxis range = shownChart.getPlot() instanceof XYPlot xy ? xy.getRangeAxis()
                    : shownChart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot category
                    ? category.getRangeAxis() : null;
            if (range != null && range.getLabel() != null) {
                range.setLabel(range.getLabel().replaceAll(" \\(.*\\)$", ""));
            }
        }
        viewer.setChart(chart.chart());
        viewer.setVisible(true);
        if (chart.ecdf() != null) {
            addCrosshairs(chart);
            fitEcdfToWidth();
        }
        readout.setText(hint(chart));
    }

    private static String hint(BuiltChart chart) {
        return switch (chart.data().type()) {
            case EFFECTS -> "Hover a row for its interval; click it to see that metric's distribution.";
            case TIMELINE -> "Hover for exact counts; click a month or a year to list those repositories.";
            default -> "Hover for exact values; click a bar, box or point to list those repositories.";
        };
    }

    private void fitEcdfToWidth() {
        if (shown != null && shown.ecdf() != null && viewer.getWidth() > 0) {
            shown.ecdf().setColumns((int) Math.ceil(viewer.getWidth()));
        }
    }

    public void resetZoom() {
        if (shown != null) {
            shown.resetZoom();
        }
    }

    private Node toolbar() {
        readout.getStyleClass().add("chart-readout");
        readout.setId("chart-readout");
        readout.setMinWidth(0);
        Button reset = new Button("Reset zoom", new FontIcon(Material2MZ.ZOOM_OUT_MAP));
        reset.getStyleClass().addAll("flat", "small");
        reset.setId("chart-reset");
        reset.setTooltip(new Tooltip("Show all the data again (drag to zoom, scroll to zoom, Shift- or Ctrl-drag "
                + "to pan)"));
        reset.setOnAction(event -> resetZoom());
        MenuButton export = ChartExportDialog.menuButton(this::export);
        export.getStyleClass().addAll("flat", "small");
        export.setId("chart-export");
        reset.disableProperty().bind(viewer.visibleProperty().not());
        export.disableProperty().bind(viewer.visibleProperty().not());
        // A long hover text is cut with an ellipsis; the buttons keep their size.
        reset.setMinWidth(Region.USE_PREF_SIZE);
        export.setMinWidth(Region.USE_PREF_SIZE);
        readout.setMaxWidth(Double.MAX_VALUE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(readout, Priority.SOMETIMES);
        HBox bar = new HBox(8, readout, spacer, reset, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 4, 12));
        bar.getStyleClass().add("chart-toolbar");
        return bar;
    }

    private void buildMenu() {
        MenuItem reset = new MenuItem("Reset zoom", new FontIcon(Material2MZ.ZOOM_OUT_MAP));
        reset.setOnAction(event -> resetZoom());
        menu.getItems().addAll(reset, new SeparatorMenuItem());
        for (ChartFormat format : ChartFormat.values()) {
            MenuItem item = new MenuItem("Export as " + format.name() + "…", new FontIcon(
                    format == ChartFormat.PNG ? Material2AL.IMAGE : Material2MZ.SAVE_ALT));
            item.setOnAction(event -> export(format));
            menu.getItems().add(item);
        }
    }

    /** Asks for size (and DPI) and the file (the chooser asks before overwriting), then writes in the background. */
    public void export(ChartFormat format) {
        BuiltChart chart = shown;
        if (chart == null) {
            return;
        }
        Optional<ExportSettings> settings = ChartExportDialog.ask(services.window(), format,
                ChartExportDialog.defaultWidth(viewer.getWidth()),
                viewer.getHeight() > 200 ? (int) Math.round(viewer.getHeight()) : ChartExport.DEFAULT_HEIGHT);
        if (settings.isEmpty()) {
            return;
        }
        String name = chart.data().metric().key() + "-" + chart.data().type().key() + "." + format.extension();
        if (chart.data() instanceof YearEffectsData) {
            name = chart.data().metric().key() + "-effects-by-year." + format.extension();
        } else if (chart.data().type().showsAllMetrics()) {
            name = "effect-sizes." + format.extension();
        }
        Optional<Path> target = services.dialogs().chooseFileToSave("Export chart", name,
                List.of(DialogService.FileType.of(format.description(), "*." + format.extension())),
                DialogService.SaveFolder.CHARTS);
        if (target.isEmpty()) {
            return;
        }
        ExportSettings chosen = settings.get();
        Path file = target.get();
        services.tasks().execute(BackgroundTask.of("Exporting the chart", progress -> {
            JFreeChart fresh = ChartBuilder.build(chart.data(), ChartStyle.of(chosen.dark())).chart();
            ChartExport.write(fresh, file, format, chosen.width(), chosen.height(), chosen.dpi());
            return file;
        }).onSuccess(written -> readout.setText("Exported " + written.getFileName() + ".")));
    }

    private void clicked(ChartMouseEventFX event) {
        if (shown == null || event.getTrigger().getButton() != MouseButton.PRIMARY) {
            return;
        }
        ChartEntity entity = event.getEntity();
        if (entity instanceof LegendItemEntity legend) {
            boolean visible = shown.toggle(legend.getSeriesKey());
            readout.setText((visible ? "Showing " : "Hiding ") + legend.getSeriesKey()
                    + "; click its legend entry again to " + (visible ? "hide" : "show") + " it.");
            return;
        }
        shown.selectionAt(entity).ifPresent(onSelect);
        shown.metricAt(entity).ifPresent(onMetric);
    }

    private void moved(ChartMouseEventFX event) {
        if (shown == null) {
            return;
        }
        if (shown.ecdf() != null && crosshairs != null) {
            moveCrosshairs(event);
            return;
        }
        ChartEntity entity = event.getEntity();
        String text = entity == null ? null : entity.getToolTipText();
        readout.setText(text == null ? hint(shown) : text.replace('\n', ' '));
    }

    private void addCrosshairs(BuiltChart chart) {
        crosshairs = new CrosshairOverlayFX();
        domainCrosshair = new Crosshair(Double.NaN, java.awt.Color.GRAY, new BasicStroke(0.8f));
        crosshairs.addDomainCrosshair(domainCrosshair);
        rangeCrosshairs.clear();
        EcdfData data = (EcdfData) chart.data();
        for (int g = 0; g < data.curves().size(); g++) {
            Crosshair range = new Crosshair(Double.NaN, ChartStyle.colour(data.groups().get(g), g),
                    new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f},
                            0f));
            range.setLabelVisible(true);
            range.setLabelPaint(ChartStyle.colour(data.groups().get(g), g));
            range.setLabelBackgroundPaint(chart.chart().getBackgroundPaint());
            range.setLabelOutlineVisible(false);
            range.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 11));
            range.setLabelGenerator(crosshair -> ChartText.percent(crosshair.getValue()));
            rangeCrosshairs.add(range);
            crosshairs.addRangeCrosshair(range);
        }
        viewer.getCanvas().addOverlay(crosshairs);
    }

    private void moveCrosshairs(ChartMouseEventFX event) {
        if (!(shown.chart().getPlot() instanceof XYPlot plot)
                || viewer.getCanvas().getRenderingInfo() == null) {
            return;
        }
        Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        double screenX = event.getTrigger().getX();
        if (screenX < area.getMinX() || screenX > area.getMaxX()) {
            return;
        }
        double position = plot.getDomainAxis().java2DToValue(screenX, area, plot.getDomainAxisEdge());
        EcdfData data = (EcdfData) shown.data();
        boolean counts = !data.metric().isCustom() && data.metric() != BuiltInMetric.COMMITS_PER_CONTRIBUTOR
                && data.metric() != BuiltInMetric.PR_ACCEPTANCE_RATE;
        double value = round(data.metric().isCustom() ? data.scale().inverse(position)
                : Math.max(0, data.scale().inverse(position)));
        if (counts) {
            value = Math.floor(value); // whole numbers: F(4.1) is F(4)
        }
        domainCrosshair.setValue(position);
        StringBuilder text = new StringBuilder("At ≤ " + ChartText.exact(value) + " "
                + data.metric().noun() + ":");
        for (int g = 0; g < data.curves().size(); g++) {
            Ecdf curve = data.curves().get(g);
            double fraction = curve.at(value);
            rangeCrosshairs.get(g).setValue(Double.isNaN(fraction) ? Double.NaN : fraction);
            text.append(g == 0 ? " " : ", ").append(data.groups().get(g).label()).append(' ')
                    .append(ChartText.percent(fraction));
        }
        readout.setText(text.toString());
    }

    /** Three significant digits: the crosshair's x is a pixel's worth of precision, not more. */
    private static double round(double value) {
        if (value == 0) {
            return 0;
        }
        double scale = Math.pow(10, 2 - Math.floor(Math.log10(Math.abs(value))));
        return Math.round(value * scale) / scale;
    }

    @Override
    public String toString() {
        return "ChartPane[" + (shown == null ? "empty" : shown.data().type().key().toLowerCase(Locale.ROOT)) + "]";
    }
}
